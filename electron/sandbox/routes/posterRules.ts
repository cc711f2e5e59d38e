/**
 * The platform's poster rules (OpenAPI ImageBody: PNG or JPEG, 400×600 to 800×1200, 2:3). The error key and
 * wording are assumed: pcapi words them in `routes/public/individual_offers/v1/utils.py` `save_image`.
 */
import { readPosterHeader } from './imageHeader';

export function checkPoster(
  base64: string,
): { bytes: Uint8Array; contentType: string } | { error: Record<string, string[]> } {
  const file = Buffer.from(base64, 'base64');
  const header = readPosterHeader(file);
  if (!header) return { error: { imageFile: ['Bad image format'] } };
  const { width, height } = header;
  if (width < 400 || height < 600 || width > 800 || height > 1200 || Math.abs(width / height - 2 / 3) > 0.01) {
    return { error: { imageFile: ['Bad image ratio: expected 2:3, between 400x600 and 800x1200'] } };
  }
  return { bytes: new Uint8Array(file), contentType: header.contentType };
}
