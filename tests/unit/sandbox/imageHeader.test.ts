/**
 * The sandbox reads a poster's header with its own code (electron/sandbox/routes/imageHeader.ts), apart from the
 * counter's: both must agree on real files, so a bug in either shows up as a disagreement.
 */
import { describe, expect, it } from 'vitest';
import { readPosterHeader } from '../../../electron/sandbox/routes/imageHeader';
import { checkPoster } from '../../../electron/sandbox/routes/posterRules';
import { readImageSize } from '../../../shared/imageSize';
import { jpegHeader, pngHeader } from '../programme/images';
import { noisePng } from '../../support/png';

describe("the sandbox's own poster check", () => {
  it.each([
    ['a PNG', Buffer.from(pngHeader(400, 600))],
    ['a JPEG', Buffer.from(jpegHeader(800, 1200))],
    ['a real PNG file', noisePng(420, 630)],
  ])('reads %s as the counter does', (_name, file) => {
    const counter = readImageSize(new Uint8Array(file));
    const sandbox = readPosterHeader(file);
    expect(sandbox).toEqual({
      contentType: `image/${counter!.format}`,
      width: counter!.width,
      height: counter!.height,
    });
  });

  it('refuses what is not a PNG or a JPEG, and a size or ratio the platform refuses', () => {
    expect(checkPoster(Buffer.from('GIF89a......').toString('base64'))).toEqual({
      error: { imageFile: ['Bad image format'] },
    });
    expect(checkPoster(Buffer.from(pngHeader(400, 500)).toString('base64'))).toMatchObject({
      error: { imageFile: [expect.stringContaining('2:3')] },
    });
    expect(checkPoster(Buffer.from(jpegHeader(600, 900)).toString('base64'))).toMatchObject({
      contentType: 'image/jpeg',
    });
  });
});
