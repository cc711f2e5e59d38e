/**
 * Slip → printer bytes, through node-thermal-printer's encoder (Epson ESC/POS or Star Line Mode commands).
 * Every job starts from a known state: `ESC @` (reset), then the code page set explicitly, since a printer's
 * power-on page (PC437) has no euro sign; text is fitted to that page first so the encoder never switches pages
 * on its own. Lines are wrapped here, per text size, so the encoder's own folding is off.
 */
import { BreakLine, CharacterSet, PrinterTypes, ThermalPrinter } from 'node-thermal-printer';
import type { SlipCodePage } from './codePages';
import { printableText } from './printableText';
import {
  columnsFor,
  pairLines,
  widthFactor,
  wrapText,
  type PaperWidth,
  type Slip,
  type SlipBlock,
  type TextSize,
} from './slip';

export const DIALECTS = ['epson', 'star'] as const;
export type Dialect = (typeof DIALECTS)[number];

export interface EscPosOptions {
  dialect: Dialect;
  paper: PaperWidth;
  codePage: SlipCodePage;
}

/** QR module size in dots: large enough to scan from a phone, small enough for 58 mm paper. */
const QR_CELL_DOTS: Record<PaperWidth, number> = { 58: 5, 80: 6 };

export function renderEscPos(slip: Slip, options: EscPosOptions): Buffer {
  const columns = columnsFor(options.paper);
  const encoder = new ThermalPrinter({
    type: options.dialect === 'star' ? PrinterTypes.STAR : PrinterTypes.EPSON,
    interface: '',
    width: columns,
    breakLine: BreakLine.NONE,
  });
  // `initHardware` (ESC @) exists on the encoder but is missing from its type definitions.
  (encoder as ThermalPrinter & { initHardware(): void }).initHardware();
  encoder.setCharacterSet(CharacterSet[options.codePage]);
  const fit = (text: string) => printableText(text, options.codePage);

  for (const block of slip.blocks) writeBlock(encoder, block, { ...options, columns, fit });
  // Feeds past the cutter (which sits above the print head), cuts, and resets the printer for the next job.
  encoder.cut();
  return encoder.getBuffer();
}

interface BlockContext extends EscPosOptions {
  columns: number;
  fit: (text: string) => string;
}

function writeBlock(encoder: ThermalPrinter, block: SlipBlock, context: BlockContext): void {
  switch (block.kind) {
    case 'text': {
      setAlign(encoder, block.align ?? 'left');
      setSize(encoder, block.size);
      if (block.bold) encoder.bold(true);
      if (block.inverted) encoder.invert(true);
      const width = Math.floor(context.columns / widthFactor(block.size));
      const text = context.fit(block.text);
      for (const line of wrapText(block.inverted ? ` ${text} ` : text, width, block.maxLines)) encoder.println(line);
      if (block.inverted) encoder.invert(false);
      if (block.bold) encoder.bold(false);
      encoder.setTextNormal();
      encoder.alignLeft();
      return;
    }
    case 'pair': {
      if (block.bold) encoder.bold(true);
      for (const line of pairLines(
        context.fit(block.label),
        context.fit(block.value),
        context.columns,
        block.maxLines,
      )) {
        encoder.println(line);
      }
      if (block.bold) encoder.bold(false);
      return;
    }
    case 'separator':
      encoder.drawLine(block.char ?? '-');
      return;
    case 'feed':
      for (let i = 0; i < block.lines; i++) encoder.newLine();
      return;
    case 'qr':
      encoder.alignCenter();
      if (context.dialect === 'star') encoder.append(starQr(block.payload, QR_CELL_DOTS[context.paper]));
      else encoder.printQR(block.payload, { model: 2, cellSize: QR_CELL_DOTS[context.paper], correction: 'M' });
      encoder.newLine();
      encoder.alignLeft();
      return;
  }
}

function setAlign(encoder: ThermalPrinter, align: 'left' | 'center' | 'right'): void {
  if (align === 'center') encoder.alignCenter();
  else if (align === 'right') encoder.alignRight();
  else encoder.alignLeft();
}

function setSize(encoder: ThermalPrinter, size: TextSize | undefined): void {
  if (size === 'large') encoder.setTextQuadArea();
  else if (size === 'wide') encoder.setTextDoubleWidth();
  else if (size === 'tall') encoder.setTextDoubleHeight();
  else encoder.setTextNormal();
}

/**
 * Star Line Mode QR code. node-thermal-printer 4.6.1 sends the data length and bytes without the
 * `ESC GS y D 1 m` header that introduces them (see its unmerged PR #200), so a Star printer would print the
 * payload as text; the commands are therefore written out here from Star's command reference.
 */
function starQr(payload: string, cellDots: number): Buffer {
  const data = Buffer.from(payload, 'ascii');
  return Buffer.concat([
    Buffer.from([0x1b, 0x1d, 0x79, 0x53, 0x30, 0x02]), // ESC GS y S 0 n: model 2
    Buffer.from([0x1b, 0x1d, 0x79, 0x53, 0x31, 0x01]), // ESC GS y S 1 n: error correction M (15 %)
    Buffer.from([0x1b, 0x1d, 0x79, 0x53, 0x32, cellDots]), // ESC GS y S 2 n: cell size in dots
    Buffer.from([0x1b, 0x1d, 0x79, 0x44, 0x31, 0x00, data.length & 0xff, data.length >> 8]), // ESC GS y D 1 0 nL nH
    data,
    Buffer.from([0x1b, 0x1d, 0x79, 0x50]), // ESC GS y P: print
  ]);
}
