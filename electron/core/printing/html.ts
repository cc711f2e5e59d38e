/**
 * Slip → a self-contained HTML page, for the OS printer route (Electron prints it at the paper's real width).
 * Monospace at the paper's column count, so line breaks fall where a thermal printer's would.
 * Everything from outside (names, films) is escaped; the page has no script and no external resource.
 */
import { qrSvg } from './qrSvg';
import { columnsFor, pairLines, widthFactor, wrapText, type PaperWidth, type Slip, type SlipBlock } from './slip';

export interface HtmlOptions {
  paper: PaperWidth;
}

/** Printable width in mm: the head of a 58 mm printer covers 48 mm, that of an 80 mm printer 72 mm. */
const PRINTABLE_MM: Record<PaperWidth, number> = { 58: 48, 80: 72 };
/** The QR code's side, quiet zone included: about what the ESC/POS route prints at its cell size. */
const QR_MM: Record<PaperWidth, number> = { 58: 24, 80: 28 };

export function renderHtml(slip: Slip, options: HtmlOptions): string {
  const columns = columnsFor(options.paper);
  const body = slip.blocks.map((block) => blockHtml(block, columns)).join('\n');
  // One character cell = printable width / columns; the font size follows (monospace glyphs are ~0.6 em wide).
  const cellMm = PRINTABLE_MM[options.paper] / columns;
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(slip.title)}</title>
<style>
@page { size: ${options.paper}mm auto; margin: 0; }
html, body { margin: 0; padding: 0; background: #fff; color: #000; }
body { width: ${PRINTABLE_MM[options.paper]}mm; padding: 2mm ${(options.paper - PRINTABLE_MM[options.paper]) / 2}mm 6mm;
  font-family: 'DejaVu Sans Mono', Consolas, 'Courier New', monospace; font-size: ${(cellMm / 0.6).toFixed(2)}mm;
  line-height: 1.25; }
p { margin: 0; white-space: pre; }
.left { text-align: left; } .center { text-align: center; } .right { text-align: right; }
.bold { font-weight: 700; }
/* Printer sizes: double height stretches the glyphs, double width doubles the cell (and halves the columns). */
.tall { transform: scaleY(2); transform-origin: top; margin-bottom: 1.25em; }
.large { font-size: 2em; }
.wide { font-size: 2em; transform: scaleY(0.5); transform-origin: top; margin-bottom: -0.625em; }
.inverted { background: #000; color: #fff; }
.separator { overflow: hidden; }
.qr { margin: 2mm auto; text-align: center; }
.qr svg { display: block; width: ${QR_MM[options.paper]}mm; height: ${QR_MM[options.paper]}mm; margin: 0 auto; }
</style>
</head>
<body>
${body}
</body>
</html>
`;
}

function blockHtml(block: SlipBlock, columns: number): string {
  switch (block.kind) {
    case 'text': {
      const classes: string[] = [block.align ?? 'left', block.size ?? 'normal'];
      if (block.bold) classes.push('bold');
      const lines = wrapText(block.text, Math.floor(columns / widthFactor(block.size)), block.maxLines);
      const html = lines.map((line) => escapeHtml(line) || '&nbsp;');
      const inner = block.inverted ? html.map((line) => `<span class="inverted"> ${line} </span>`) : html;
      return inner.map((line) => `<p class="${classes.join(' ')}">${line}</p>`).join('\n');
    }
    case 'pair':
      return pairLines(block.label, block.value, columns, block.maxLines)
        .map((line) => `<p class="${block.bold ? 'bold' : ''}">${escapeHtml(line)}</p>`)
        .join('\n');
    case 'separator':
      return `<p class="separator">${(block.char ?? '-').repeat(columns)}</p>`;
    case 'feed':
      return Array.from({ length: block.lines }, () => '<p>&nbsp;</p>').join('\n');
    case 'qr':
      return `<div class="qr" data-qr="${escapeHtml(block.payload)}">${qrSvg(block.payload)}</div>`;
  }
}

export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}
