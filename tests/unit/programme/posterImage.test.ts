import { describe, expect, it } from 'vitest';
import { readImageSize } from '../../../shared/imageSize';
import { checkedPoster, posterProblem } from '../../../electron/core/programme/posterImage';
import { MAX_POSTER_BASE64_CHARS, MAX_POSTER_BYTES, posterBytesProblem } from '../../../shared/poster';
import { jpegHeader, pngHeader } from './images';

describe('poster pixel size, read from the bytes', () => {
  it('reads a PNG IHDR', () => {
    expect(readImageSize(pngHeader(600, 900))).toEqual({ format: 'png', width: 600, height: 900 });
  });

  it('reads a JPEG frame header after other segments', () => {
    expect(readImageSize(jpegHeader(400, 600))).toEqual({ format: 'jpeg', width: 400, height: 600 });
  });

  it('knows nothing else', () => {
    expect(readImageSize(new TextEncoder().encode('GIF89a........'))).toBeNull();
    expect(readImageSize(new Uint8Array([0xff, 0xd8, 0xff]))).toBeNull();
  });
});

describe('the 2:3 poster rule', () => {
  it('takes a portrait 2:3 poster within the platform bounds', () => {
    expect(posterProblem({ format: 'png', width: 600, height: 900 })).toBeNull();
    expect(posterProblem({ format: 'jpeg', width: 800, height: 1200 })).toBeNull();
  });

  it('refuses another ratio with a French message giving the size', () => {
    expect(posterProblem({ format: 'png', width: 900, height: 600 })).toMatch(/900 × 600.*2:3/);
    expect(posterProblem({ format: 'png', width: 600, height: 800 })).toMatch(/2:3/);
  });

  it('refuses a poster too small or too large', () => {
    expect(posterProblem({ format: 'png', width: 200, height: 300 })).toMatch(/au moins 400 × 600/);
    expect(posterProblem({ format: 'png', width: 1000, height: 1500 })).toMatch(/au plus 800 × 1200/);
  });

  it('refuses a landscape upload as poster_invalid', () => {
    const base64 = Buffer.from(pngHeader(900, 600)).toString('base64');
    expect(() => checkedPoster(base64)).toThrow(expect.objectContaining({ code: 'poster_invalid' }));
    expect(checkedPoster(Buffer.from(pngHeader(600, 900)).toString('base64')).length).toBeGreaterThan(0);
  });
});

describe('the poster file weight (what one call carries from the page)', () => {
  it('takes a 2:3 poster up to 5 MiB and refuses a heavier one, saying its weight', () => {
    const heavy = new Uint8Array(MAX_POSTER_BYTES + 1);
    heavy.set(pngHeader(600, 900));
    expect(posterBytesProblem(heavy)).toBe('le fichier pèse 5,1 Mo ; le guichet envoie une affiche de 5,0 Mo au plus.');
    expect(posterBytesProblem(heavy.subarray(0, MAX_POSTER_BYTES))).toBeNull();
    expect(() => checkedPoster(Buffer.from(heavy).toString('base64'))).toThrow(
      expect.objectContaining({ code: 'poster_invalid' }),
    );
  });

  it('bounds the contract’s base64 at exactly that weight', () => {
    const base64 = Buffer.alloc(MAX_POSTER_BYTES).toString('base64');
    expect(base64.length).toBe(MAX_POSTER_BASE64_CHARS);
  });
});
