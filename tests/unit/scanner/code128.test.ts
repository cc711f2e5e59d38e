/** The calibration barcode: a Code 128 that a scanner decodes back to the calibration payload. */
import { describe, expect, it } from 'vitest';
import { code128Values, code128Widths, patternOf, START_B, STOP } from '../../../shared/scanner/code128';
import { CALIBRATION_PAYLOAD } from '../../../shared/scanner/payload';

/** A minimal decoder: widths back to symbol values, by pattern. */
function decode(widths: number[]): number[] {
  const values: number[] = [];
  for (let i = 0; i < widths.length;) {
    const size = widths.length - i === 7 ? 7 : 6;
    const pattern = widths.slice(i, i + size).join('');
    const value = Array.from({ length: 107 }, (_, v) => v).find((v) => patternOf(v) === pattern);
    if (value === undefined) throw new Error(`no symbol ${pattern}`);
    values.push(value);
    i += size;
  }
  return values;
}

describe('Code 128 B', () => {
  it('every symbol has 3 bars and 3 spaces over 11 modules, bars even and spaces odd (the stop: 13 modules)', () => {
    for (let v = 0; v < 107; v++) {
      const widths = [...patternOf(v)!].map(Number);
      const bars = widths.filter((_, i) => i % 2 === 0).reduce((a, b) => a + b, 0);
      expect(widths.reduce((a, b) => a + b, 0)).toBe(v === STOP ? 13 : 11);
      if (v !== STOP) expect(bars % 2).toBe(0);
    }
    expect(new Set(Array.from({ length: 107 }, (_, v) => patternOf(v))).size).toBe(107);
  });

  it('encodes the calibration payload: start B, characters, checksum, stop, decoded back to the text', () => {
    const values = decode(code128Widths(CALIBRATION_PAYLOAD));
    expect(values[0]).toBe(START_B);
    expect(values.at(-1)).toBe(STOP);
    const data = values.slice(1, -2);
    expect(String.fromCharCode(...data.map((v) => v + 32))).toBe(CALIBRATION_PAYLOAD);
    const checksum = values.at(-2)!;
    expect(checksum).toBe((START_B + data.reduce((sum, v, i) => sum + v * (i + 1), 0)) % 103);
  });

  it('refuses what set B cannot encode', () => {
    expect(() => code128Values('é')).toThrow();
  });
});
