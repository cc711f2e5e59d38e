/** Poster checks before upload: the rules of shared/poster.ts, applied to the base64 a call carries. */
import { t } from '../../../shared/i18n';
import { posterBytesProblem } from '../../../shared/poster';
import { ContractFailure } from '../contractFailure';

export { posterProblem } from '../../../shared/poster';

/** Decodes a base64 poster and refuses it unless the platform would take it. */
export function checkedPoster(base64: string): Uint8Array {
  const bytes = new Uint8Array(Buffer.from(base64, 'base64'));
  const problem = posterBytesProblem(bytes);
  if (problem) throw new ContractFailure('poster_invalid', t('errors.poster_invalid', { detail: problem }));
  return bytes;
}
