/**
 * Poster checks before upload, read from the image's own bytes (PNG IHDR, JPEG SOF): the platform takes PNG or
 * JPEG, 400×600 to 800×1200 pixels, portrait 2:3 (OpenAPI `ImageBody.file`).
 */
import { t } from '../../../shared/i18n';
import { ContractFailure } from '../contractFailure';
import { readImageSize, type ImageSize } from './imageSize';

/** The platform's bounds; the ratio may be off by a pixel of rounding. */
const MIN = { width: 400, height: 600 };
const MAX = { width: 800, height: 1200 };
const RATIO_TOLERANCE = 0.01;

/** The problem with a poster, in French, or null when the platform will take it. */
export function posterProblem(size: ImageSize | null): string | null {
  if (!size) return t('programme.poster.not_an_image');
  const { width, height } = size;
  if (Math.abs(width / height - 2 / 3) > RATIO_TOLERANCE) return t('programme.poster.ratio', { width, height });
  if (width < MIN.width || height < MIN.height) return t('programme.poster.too_small', { width, height });
  if (width > MAX.width || height > MAX.height) return t('programme.poster.too_large', { width, height });
  return null;
}

/** Decodes a base64 poster and refuses it unless the platform would take it. */
export function checkedPoster(base64: string): Uint8Array {
  const bytes = new Uint8Array(Buffer.from(base64, 'base64'));
  const problem = posterProblem(readImageSize(bytes));
  if (problem) throw new ContractFailure('poster_invalid', t('errors.poster_invalid', { detail: problem }));
  return bytes;
}
