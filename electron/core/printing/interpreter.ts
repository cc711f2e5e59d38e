/**
 * The virtual printer's brain: ESC/POS (Epson) or Star Line Mode bytes back into what a printer would put on
 * paper — lines of text decoded through the active code page, with emphasis and sizes, QR codes with their
 * payloads, feeds and cuts. It is the test oracle for the renderer and the engine of the virtual printer, so it
 * is written from the command references, not from the encoder, and it reports every command it does not know.
 */
import { decodeByte, type KnownCodePage } from './codePages';
import type { Dialect } from './escpos';

export type Align = 'left' | 'center' | 'right';

export interface PrintedSpan {
  text: string;
  bold: boolean;
  underline: boolean;
  inverted: boolean;
  /** Character cell multipliers (1 = normal). */
  width: number;
  height: number;
}

export interface PrintedLine {
  kind: 'line';
  text: string;
  align: Align;
  spans: PrintedSpan[];
}

export interface PrintedQr {
  kind: 'qr';
  payload: string;
  model: number;
  cellSize: number;
  correction: 'L' | 'M' | 'Q' | 'H';
  align: Align;
}

export interface PrintedCut {
  kind: 'cut';
  mode: 'full' | 'partial';
  /** Lines fed since the last printed content: the cutter sits above the head, so a cut needs a feed first. */
  linesFedBefore: number;
  /** The cut command itself feeds to the cutting position (Epson `GS V 65/66`, Star `ESC d 2/3`). */
  feedsToCutter: boolean;
}

export type PrintedItem = PrintedLine | PrintedQr | PrintedCut;

export interface CodePageSelection {
  n: number;
  page: KnownCodePage | null;
}

export interface Printout {
  items: PrintedItem[];
  /** Text of every line, blank lines (feeds) included. */
  lines: string[];
  qrCodes: string[];
  cuts: PrintedCut[];
  codePages: CodePageSelection[];
  /** `ESC @` resets. */
  resets: number;
  /** Real-time status requests (`DLE EOT n`) found in the stream. */
  statusRequests: number[];
  /** Commands this interpreter does not know, as hex; a correct slip has none. */
  unknown: string[];
  /** Lines wider than the paper (when `columns` is given). */
  overflows: string[];
  /** The stream ended in the middle of a command. */
  truncated: boolean;
}

export interface InterpretOptions {
  dialect: Dialect;
  columns?: number;
}

const EPSON_PAGES: Record<number, KnownCodePage> = { 0: 'PC437', 2: 'PC850', 16: 'WPC1252', 19: 'PC858_EURO' };
const STAR_PAGES: Record<number, KnownCodePage> = { 1: 'PC437', 3: 'PC437', 4: 'PC858_EURO', 32: 'WPC1252' };
const CORRECTIONS = ['L', 'M', 'Q', 'H'] as const;

class Truncated extends Error {}

interface Style {
  bold: boolean;
  underline: boolean;
  inverted: boolean;
  width: number;
  height: number;
  align: Align;
  page: KnownCodePage | null;
}

const initialStyle = (): Style => ({
  bold: false,
  underline: false,
  inverted: false,
  width: 1,
  height: 1,
  align: 'left',
  page: 'PC437',
});

export function interpretEscPos(bytes: Uint8Array, options: InterpretOptions): Printout {
  const out: Printout = {
    items: [],
    lines: [],
    qrCodes: [],
    cuts: [],
    codePages: [],
    resets: 0,
    statusRequests: [],
    unknown: [],
    overflows: [],
    truncated: false,
  };
  const star = options.dialect === 'star';
  let style = initialStyle();
  let spans: PrintedSpan[] = [];
  let fedSinceContent = 0;
  const qr = { model: 2, cellSize: 3, correction: 'L' as PrintedQr['correction'], data: '' };
  let at = 0;

  const need = (count: number) => {
    if (at + count > bytes.length) throw new Truncated();
  };
  const take = (): number => {
    need(1);
    return bytes[at++]!;
  };
  const skip = (count: number) => {
    need(count);
    at += count;
  };
  const unknown = (start: number): void => {
    out.unknown.push(Buffer.from(bytes.subarray(start, at)).toString('hex'));
  };

  function addText(char: string): void {
    const last = spans.at(-1);
    const same =
      last &&
      last.bold === style.bold &&
      last.underline === style.underline &&
      last.inverted === style.inverted &&
      last.width === style.width &&
      last.height === style.height;
    if (same) last.text += char;
    else spans.push({ text: char, ...pick(style) });
  }

  function endLine(): void {
    const text = spans.map((s) => s.text).join('');
    out.items.push({ kind: 'line', text, align: style.align, spans });
    out.lines.push(text);
    if (options.columns !== undefined) {
      const width = spans.reduce((sum, s) => sum + s.text.length * s.width, 0);
      if (width > options.columns) out.overflows.push(text);
    }
    fedSinceContent = text.trim() === '' ? fedSinceContent + 1 : 0;
    spans = [];
  }

  function feed(lines: number): void {
    if (spans.length > 0) endLine();
    for (let i = 0; i < lines; i++) endLine();
  }

  function cut(mode: PrintedCut['mode'], feedsToCutter: boolean): void {
    if (spans.length > 0) endLine();
    const item: PrintedCut = { kind: 'cut', mode, linesFedBefore: fedSinceContent, feedsToCutter };
    out.items.push(item);
    out.cuts.push(item);
  }

  function printQr(): void {
    if (spans.length > 0) endLine();
    out.items.push({
      kind: 'qr',
      payload: qr.data,
      model: qr.model,
      cellSize: qr.cellSize,
      correction: qr.correction,
      align: style.align,
    });
    out.qrCodes.push(qr.data);
    fedSinceContent = 0;
  }

  function selectPage(n: number, table: Record<number, KnownCodePage>): void {
    style.page = table[n] ?? null;
    out.codePages.push({ n, page: style.page });
  }

  const alignOf = (n: number): Align => (n % 48 === 1 ? 'center' : n % 48 === 2 ? 'right' : 'left');
  const ascii = (from: number, to: number) => Buffer.from(bytes.subarray(from, to)).toString('latin1');

  function escape(start: number): void {
    const c = take();
    switch (c) {
      case 0x40: // ESC @
        if (spans.length > 0) endLine();
        style = initialStyle();
        out.resets += 1;
        return;
      case 0x74: // ESC t n (Epson code page)
        selectPage(take(), EPSON_PAGES);
        return;
      case 0x21: {
        // ESC ! n: print mode
        const n = take();
        style.bold = (n & 0x08) !== 0;
        style.height = n & 0x10 ? 2 : 1;
        style.width = n & 0x20 ? 2 : 1;
        style.underline = (n & 0x80) !== 0;
        return;
      }
      case 0x45: // Epson ESC E n; Star ESC E (bold on)
        style.bold = star ? true : (take() & 1) === 1;
        return;
      case 0x46: // Star ESC F: bold off
        if (!star) return unknown(start);
        style.bold = false;
        return;
      case 0x2d: // ESC - n
        style.underline = take() % 48 !== 0;
        return;
      case 0x61: // Epson ESC a n
        if (star) return unknown(start);
        style.align = alignOf(take());
        return;
      case 0x64: {
        // Epson: ESC d n feeds n lines. Star: ESC d n cuts (2/3 feed to the cutter first).
        const n = take();
        if (!star) return feed(n);
        return cut(n % 2 === 0 ? 'full' : 'partial', n >= 2);
      }
      case 0x69: // Star ESC i n1 n2: size. Epson ESC i: partial cut (obsolete).
        if (!star) return cut('partial', false);
        style.height = take() + 1;
        style.width = take() + 1;
        return;
      case 0x6d: // Epson ESC m: partial cut (obsolete)
        if (star) return unknown(start);
        return cut('partial', false);
      case 0x34: // Star ESC 4 / ESC 5: white on black on/off
      case 0x35:
        if (!star) return unknown(start);
        style.inverted = c === 0x34;
        return;
      case 0x32: // ESC 2: default line spacing
      case 0x30: // Star ESC 0: 1/8 inch line spacing
        return;
      case 0x33: // ESC 3 n
      case 0x4a: // ESC J n: feed n dots
      case 0x4d: // ESC M n: font
      case 0x52: // ESC R n: international character set
      case 0x47: // ESC G n: double strike
      case 0x56: // ESC V n: rotation
      case 0x7b: // ESC { n: upside down
      case 0x7a: // Star ESC z n: line spacing
        skip(1);
        return;
      case 0x70: // Epson ESC p m t1 t2: drawer kick
        skip(3);
        return;
      case 0x07: // Star ESC BEL n1 n2: drawer pulse
        skip(2);
        return;
      case 0x1e: // Star ESC RS F n: font
        skip(2);
        return;
      case 0x1d:
        if (!star) return unknown(start);
        return starExtended(start);
      default:
        return unknown(start);
    }
  }

  function starExtended(start: number): void {
    const c = take();
    if (c === 0x61) {
      style.align = alignOf(take()); // ESC GS a n
      return;
    }
    if (c === 0x74) return selectPage(take(), STAR_PAGES); // ESC GS t n
    if (c === 0x79) {
      // ESC GS y: QR code
      const fn = take();
      if (fn === 0x53) {
        const k = take();
        const n = take();
        if (k === 0x30) qr.model = n;
        else if (k === 0x31) qr.correction = CORRECTIONS[n] ?? 'L';
        else if (k === 0x32) qr.cellSize = n;
        return;
      }
      if (fn === 0x44) {
        const sub = take();
        if (sub !== 0x31) return unknown(start);
        skip(1); // m
        const length = take() + take() * 256;
        need(length);
        qr.data = ascii(at, at + length);
        at += length;
        return;
      }
      if (fn === 0x50) return printQr();
      return unknown(start);
    }
    return unknown(start);
  }

  function group(start: number): void {
    if (star) return unknown(start);
    const c = take();
    switch (c) {
      case 0x21: {
        // GS ! n: character size
        const n = take();
        style.width = (n >> 4) + 1;
        style.height = (n & 0x0f) + 1;
        return;
      }
      case 0x42: // GS B n: white on black
        style.inverted = (take() & 1) === 1;
        return;
      case 0x56: {
        // GS V m [n]: cut; m 65/66 feed n first
        const m = take();
        if (m === 65 || m === 66) {
          skip(1);
          return cut(m === 65 ? 'full' : 'partial', true);
        }
        return cut(m % 48 === 0 ? 'full' : 'partial', false);
      }
      case 0x28: {
        // GS ( fn pL pH ...
        const fn = take();
        const length = take() + take() * 256;
        need(length);
        const body = bytes.subarray(at, at + length);
        at += length;
        if (fn === 0x6b && body[0] === 0x31) return qrFunction(body);
        if (fn !== 0x6b && fn !== 0x4c) out.unknown.push(Buffer.from(bytes.subarray(start, at)).toString('hex'));
        return;
      }
      case 0x48: // GS H n, GS f n, GS w n, GS h n: barcode settings
      case 0x66:
      case 0x77:
      case 0x68:
      case 0x49: // GS I n: printer id
      case 0x61: // GS a n: automatic status back
        skip(1);
        return;
      case 0x72: // GS r n: transmit status (in sequence)
        skip(1);
        return;
      case 0x4c: // GS L nL nH: left margin
      case 0x57: // GS W nL nH: print area width
        skip(2);
        return;
      case 0x6b: {
        // GS k m ...: barcode
        const m = take();
        if (m <= 6) {
          while (take() !== 0);
        } else skip(take());
        return;
      }
      case 0x76: {
        // GS v 0 m xL xH yL yH data: raster image
        skip(2);
        const x = take() + take() * 256;
        const y = take() + take() * 256;
        skip(x * y);
        return;
      }
      default:
        return unknown(start);
    }
  }

  function qrFunction(body: Uint8Array): void {
    const fn = body[1];
    if (fn === 0x41) qr.model = (body[2] ?? 0x32) - 0x30;
    else if (fn === 0x43) qr.cellSize = body[2] ?? qr.cellSize;
    else if (fn === 0x45) qr.correction = CORRECTIONS[(body[2] ?? 0x30) - 0x30] ?? 'L';
    else if (fn === 0x50) qr.data = Buffer.from(body.subarray(3)).toString('latin1');
    else if (fn === 0x51) printQr();
  }

  try {
    while (at < bytes.length) {
      const start = at;
      const byte = take();
      if (byte === 0x0a) endLine();
      else if (byte === 0x1b) escape(start);
      else if (byte === 0x1d) group(start);
      else if (byte === 0x10) {
        // DLE EOT n / DLE ENQ n (real-time), DLE DC4 fn m t
        const c = take();
        if (c === 0x04) out.statusRequests.push(take());
        else if (c === 0x05) skip(1);
        else if (c === 0x14) skip(3);
        else unknown(start);
      } else if (byte === 0x1c) {
        const c = take();
        if (c === 0x70)
          skip(2); // FS p n m: NV image
        else if (c === 0x43) skip(1);
        else if (c !== 0x2e && c !== 0x26) unknown(start);
      } else if (byte === 0x0b) {
        if (star) feed(1); // Star VT: feed to the next vertical tab (one line by default)
      } else if (byte === 0x09) addText(' ');
      else if (byte >= 0x20)
        addText(style.page ? decodeByte(byte, style.page) : byte < 0x80 ? String.fromCharCode(byte) : '\uFFFD');
      // Other control bytes (CR, FF, upside-down on/off) change nothing a slip relies on.
    }
  } catch (error) {
    if (!(error instanceof Truncated)) throw error;
    out.truncated = true;
  }
  if (spans.length > 0) endLine();
  return out;
}

function pick(style: Style): Omit<PrintedSpan, 'text'> {
  return {
    bold: style.bold,
    underline: style.underline,
    inverted: style.inverted,
    width: style.width,
    height: style.height,
  };
}

/** A plain-text picture of the paper, for logs and failing tests: sizes spread out, QR codes and cuts drawn. */
export function previewText(printout: Printout, columns: number): string {
  const rows: string[] = [];
  for (const item of printout.items) {
    if (item.kind === 'line') {
      const text = item.spans.map((s) => (s.width > 1 ? [...s.text].join(' ') + ' ' : s.text)).join('');
      rows.push(placed(text.trimEnd(), item.align, columns));
    } else if (item.kind === 'qr') {
      const inner = ` QR ${item.payload} `;
      rows.push(placed(`+${'-'.repeat(inner.length)}+`, item.align, columns));
      rows.push(placed(`|${inner}|`, item.align, columns));
      rows.push(placed(`+${'-'.repeat(inner.length)}+`, item.align, columns));
    } else {
      rows.push(item.mode === 'full' ? '✂'.padEnd(columns, '-') : '✂'.padEnd(columns, '.'));
    }
  }
  return rows.join('\n');
}

function placed(text: string, align: Align, columns: number): string {
  if (align === 'left' || text.length >= columns) return text;
  const pad = columns - text.length;
  return ' '.repeat(align === 'center' ? Math.floor(pad / 2) : pad) + text;
}
