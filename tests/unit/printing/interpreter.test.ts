/** The virtual printer's interpreter on hand-written byte streams: it must catch what a wrong encoder would do. */
import { describe, expect, it } from 'vitest';
import { interpretEscPos } from '../../../electron/core/printing/interpreter';

const bytes = (...parts: (number[] | string)[]) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));

describe('interpreter', () => {
  it('decodes high bytes through the selected page, PC437 until one is selected', () => {
    const stream = bytes([0x80, 0x0a], [0x1b, 0x74, 16], [0x80, 0x0a], [0x1b, 0x74, 19], [0xd5, 0x0a]);
    const out = interpretEscPos(stream, { dialect: 'epson' });
    expect(out.lines).toEqual(['Ç', '€', '€']);
  });

  it('an unknown page shows replacement characters, not a guess', () => {
    const out = interpretEscPos(bytes([0x1b, 0x74, 99], [0xe9, 0x0a]), { dialect: 'epson' });
    expect(out.codePages).toEqual([{ n: 99, page: null }]);
    expect(out.lines).toEqual(['\uFFFD']);
  });

  it('reads emphasis, sizes and alignment', () => {
    const stream = bytes([0x1b, 0x61, 1], [0x1b, 0x45, 1], [0x1d, 0x21, 0x11], 'Grand', [0x0a]);
    const [line] = interpretEscPos(stream, { dialect: 'epson', columns: 8 }).items;
    expect(line).toMatchObject({
      kind: 'line',
      align: 'center',
      spans: [{ text: 'Grand', bold: true, width: 2, height: 2 }],
    });
    expect(interpretEscPos(stream, { dialect: 'epson', columns: 8 }).overflows).toEqual(['Grand']);
  });

  it('reads an Epson QR code and a feed-and-cut', () => {
    const data = 'GUICHET:v1;LEDGER:7';
    const stream = bytes(
      [0x1d, 0x28, 0x6b, 4, 0, 0x31, 0x41, 0x32, 0],
      [0x1d, 0x28, 0x6b, 3, 0, 0x31, 0x43, 6],
      [0x1d, 0x28, 0x6b, data.length + 3, 0, 0x31, 0x50, 0x30],
      data,
      [0x1d, 0x28, 0x6b, 3, 0, 0x31, 0x51, 0x30],
      [0x1d, 0x56, 65, 3],
    );
    const out = interpretEscPos(stream, { dialect: 'epson' });
    expect(out.items[0]).toMatchObject({ kind: 'qr', payload: data, model: 2, cellSize: 6 });
    expect(out.cuts).toEqual([{ kind: 'cut', mode: 'full', linesFedBefore: 0, feedsToCutter: true }]);
  });

  it('a cut without a feed is visible as such', () => {
    const out = interpretEscPos(bytes('texte', [0x0a], [0x1d, 0x56, 0]), { dialect: 'epson' });
    expect(out.cuts).toEqual([{ kind: 'cut', mode: 'full', linesFedBefore: 0, feedsToCutter: false }]);
  });

  it('reads Star Line Mode: bold, size, code page, QR, cut', () => {
    const stream = bytes(
      [0x1b, 0x1d, 0x74, 32],
      [0x1b, 0x45],
      [0x1b, 0x69, 1, 1],
      [0x80],
      [0x1b, 0x46],
      [0x0a],
      [0x1b, 0x1d, 0x79, 0x44, 0x31, 0x00, 3, 0],
      'abc',
      [0x1b, 0x1d, 0x79, 0x50],
      [0x1b, 0x64, 0x02],
    );
    const out = interpretEscPos(stream, { dialect: 'star' });
    expect(out.items[0]).toMatchObject({ spans: [{ text: '€', bold: true, width: 2, height: 2 }] });
    expect(out.qrCodes).toEqual(['abc']);
    expect(out.cuts[0]).toMatchObject({ mode: 'full', feedsToCutter: true });
  });

  it('reports unknown commands and truncated streams', () => {
    expect(interpretEscPos(bytes([0x1b, 0x5e]), { dialect: 'epson' }).unknown).toEqual(['1b5e']);
    expect(interpretEscPos(bytes([0x1d, 0x28, 0x6b, 10, 0, 0x31]), { dialect: 'epson' }).truncated).toBe(true);
  });

  it('collects real-time status requests', () => {
    const out = interpretEscPos(bytes([0x10, 0x04, 1, 0x10, 0x04, 4]), { dialect: 'epson' });
    expect(out.statusRequests).toEqual([1, 4]);
    expect(out.items).toEqual([]);
  });
});
