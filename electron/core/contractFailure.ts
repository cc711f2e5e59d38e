/** A failure the core reports to the renderer as `{ok: false, error: {code, message}}`. */
import type { ErrorCode } from '../../shared/contract';
import { t } from '../../shared/i18n';

export class ContractFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string = t(`errors.${code}`),
  ) {
    super(message);
    this.name = 'ContractFailure';
  }
}
