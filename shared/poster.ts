/**
 * The platform's poster rules, checked from the image's own bytes (PNG IHDR, JPEG SOF) wherever a poster is met:
 * in the form as soon as the manager chooses a file, and in the core before anything is sent. pass Culture takes
 * PNG or JPEG, 400×600 to 800×1200 pixels, portrait 2:3 (OpenAPI `ImageBody.file`); the counter also bounds the
 * file at 5 MiB, what travels in one call from the page to the engine (shared/wire.ts).
 */
import { t } from './i18n';
import { readImageSize, type ImageSize } from './imageSize';

export const MAX_POSTER_BYTES = 5 * 1024 * 1024;
/** Base64 length of the largest poster: what the contract accepts. */
export const MAX_POSTER_BASE64_CHARS = Math.ceil(MAX_POSTER_BYTES / 3) * 4;

/** The platform's bounds; the ratio may be off by a pixel of rounding. */
const MIN = { width: 400, height: 600 };
const MAX = { width: 800, height: 1200 };
const RATIO_TOLERANCE = 0.01;

/** "2,4" (megabytes, one decimal, French comma). */
function megabytes(bytes: number): string {
  return (Math.ceil((bytes / (1024 * 1024)) * 10) / 10).toFixed(1).replace('.', ',');
}

/** The problem with a poster of that pixel size, in French, or null when the platform will take it. */
export function posterProblem(size: ImageSize | null): string | null {
  if (!size) return t('programme.poster.not_an_image');
  const { width, height } = size;
  if (Math.abs(width / height - 2 / 3) > RATIO_TOLERANCE) return t('programme.poster.ratio', { width, height });
  if (width < MIN.width || height < MIN.height) return t('programme.poster.too_small', { width, height });
  if (width > MAX.width || height > MAX.height) return t('programme.poster.too_large', { width, height });
  return null;
}

/** The problem with a poster file's bytes (weight first: nothing else is read from an oversized file). */
export function posterBytesProblem(bytes: Uint8Array): string | null {
  if (bytes.length > MAX_POSTER_BYTES) {
    return t('programme.poster.too_heavy', { size: megabytes(bytes.length), max: megabytes(MAX_POSTER_BYTES) });
  }
  return posterProblem(readImageSize(bytes));
}
