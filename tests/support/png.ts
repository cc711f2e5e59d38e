/**
 * Real PNG files for tests (a poster to upload): RGB noise, so the file weighs what its pixels do, encoded with
 * node:zlib (deflate + CRC-32). Any image reader can decode it.
 */
import crypto from 'node:crypto';
import zlib from 'node:zlib';

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(body));
  return Buffer.concat([length, body, crc]);
}

/**
 * A `width`×`height` 8-bit RGB PNG of random pixels: about 3 bytes a pixel, noise does not compress. `padTo`
 * makes the file that heavy with a private ancillary chunk (readers skip it): a poster over the weight limit
 * whose pixel size is right.
 */
export function noisePng(width: number, height: number, padTo = 0): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits, RGB, deflate, no filter method variant, no interlace
  const row = width * 3 + 1;
  const raw = crypto.randomBytes(row * height);
  for (let y = 0; y < height; y += 1) raw[y * row] = 0; // filter type "None" on each line
  const head = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(raw, { level: 1 })),
  ]);
  const end = chunk('IEND', Buffer.alloc(0));
  const padding = padTo - head.length - end.length - 12;
  return Buffer.concat(padding > 0 ? [head, chunk('ruBb', Buffer.alloc(padding)), end] : [head, end]);
}
