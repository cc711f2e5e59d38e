/**
 * The HTML slip's QR code is a real one: its SVG modules, drawn into pixels, decode (jsQR, an independent
 * decoder) to the payload the ESC/POS route prints.
 */
import jsQR from 'jsqr';
import { describe, expect, it } from 'vitest';
import { buildEntrySlip } from '../../../electron/core/printing/entrySlip';
import { renderHtml } from '../../../electron/core/printing/html';
import { qrSvg } from '../../../electron/core/printing/qrSvg';
import { SLIP_DATA } from './fixtures';

const PIXELS_PER_MODULE = 4;

/** Draws the SVG's modules (`M x y h1v1h-1z`, on a white square) as RGBA pixels and decodes them. */
function decode(svg: string): string | null {
  const size = Number(/viewBox="0 0 (\d+) \1"/.exec(svg)?.[1]);
  const side = size * PIXELS_PER_MODULE;
  const pixels = new Uint8ClampedArray(side * side * 4).fill(255);
  const path = /<path d="([^"]*)"/.exec(svg)?.[1] ?? '';
  for (const [, x, y] of path.matchAll(/M(\d+) (\d+)h1v1h-1z/g)) {
    for (let dy = 0; dy < PIXELS_PER_MODULE; dy++) {
      for (let dx = 0; dx < PIXELS_PER_MODULE; dx++) {
        const offset = ((Number(y) * PIXELS_PER_MODULE + dy) * side + Number(x) * PIXELS_PER_MODULE + dx) * 4;
        pixels.fill(0, offset, offset + 3);
      }
    }
  }
  return jsQR(pixels, side, side)?.data ?? null;
}

describe('QR codes on the HTML slip', () => {
  it('decode to their payload, short and long', () => {
    for (const payload of ['GUICHET:v1;LEDGER:1', 'GUICHET:v1;LEDGER:4217', `GUICHET:v1;LEDGER:${'9'.repeat(15)}`]) {
      expect(decode(qrSvg(payload))).toBe(payload);
    }
  });

  it('keep a quiet zone of four modules on every side', () => {
    const svg = qrSvg('GUICHET:v1;LEDGER:4217');
    const size = Number(/viewBox="0 0 (\d+)/.exec(svg)?.[1]);
    const coordinates = [...svg.matchAll(/M(\d+) (\d+)h/g)].flatMap(([, x, y]) => [Number(x), Number(y)]);
    expect(Math.min(...coordinates)).toBe(4);
    expect(Math.max(...coordinates)).toBe(size - 5);
  });

  it('is the one of the entry slip, sized for the paper', () => {
    const html = renderHtml(buildEntrySlip(SLIP_DATA, { nameFormat: 'full', duplicate: false }), { paper: 80 });
    const svg = /<svg[^]*?<\/svg>/.exec(html)?.[0] ?? '';
    expect(decode(svg)).toBe('GUICHET:v1;LEDGER:4217');
    expect(html).toContain('.qr svg { display: block; width: 28mm; height: 28mm;');
  });

  it('refuses what byte mode would garble', () => {
    expect(() => qrSvg('LEDGER:é')).toThrow(/ASCII/);
  });
});
