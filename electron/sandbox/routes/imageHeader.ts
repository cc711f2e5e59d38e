/**
 * The sandbox's own reading of an uploaded poster's format and pixel size, written apart from the counter's
 * (shared/imageSize.ts) on purpose: a fake platform that shared the counter's image code would accept whatever
 * that code gets wrong. Like pcapi (Pillow), it looks at the file's header only.
 */
export interface PosterHeader {
  contentType: 'image/png' | 'image/jpeg';
  width: number;
  height: number;
}

const PNG_MAGIC = Buffer.from('89504e470d0a1a0a', 'hex');

function pngHeader(file: Buffer): PosterHeader | null {
  // Signature (8), IHDR length (4), "IHDR" (4), width (4), height (4).
  if (file.length < 24 || file.toString('latin1', 12, 16) !== 'IHDR') return null;
  return { contentType: 'image/png', width: file.readUInt32BE(16), height: file.readUInt32BE(20) };
}

/** Frame headers SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC). */
function isFrameHeader(marker: number): boolean {
  return marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
}

function jpegHeader(file: Buffer): PosterHeader | null {
  let at = 2;
  while (at + 1 < file.length) {
    if (file[at] !== 0xff) return null;
    let marker = file[at + 1]!;
    while (marker === 0xff && at + 2 < file.length) marker = file[++at + 1]!; // padding before a marker
    at += 2;
    const standalone = marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7);
    if (standalone) continue;
    if (marker === 0xd9 || marker === 0xda || at + 2 > file.length) return null;
    if (isFrameHeader(marker)) {
      // length (2), precision (1), height (2), width (2)
      if (at + 7 > file.length) return null;
      return { contentType: 'image/jpeg', height: file.readUInt16BE(at + 3), width: file.readUInt16BE(at + 5) };
    }
    at += file.readUInt16BE(at);
  }
  return null;
}

export function readPosterHeader(file: Buffer): PosterHeader | null {
  if (file.subarray(0, 8).equals(PNG_MAGIC)) return pngHeader(file);
  if (file[0] === 0xff && file[1] === 0xd8) return jpegHeader(file);
  return null;
}
