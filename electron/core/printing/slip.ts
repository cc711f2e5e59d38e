/**
 * The declarative slip: what is printed, independent of how. The ESC/POS renderer turns it into printer bytes,
 * the HTML renderer into a page for the OS printer; both read the same blocks, so they never disagree on content.
 */

/** Character cell multipliers: `tall` = double height, `wide` = double width, `large` = both. */
export type TextSize = 'normal' | 'tall' | 'wide' | 'large';
export type TextAlign = 'left' | 'center' | 'right';

/**
 * `maxLines` caps outside text (a name, a film title): a 100 kB name must not print metres of paper. The last line
 * kept ends with "..." (ASCII: every code page has it).
 */
export type SlipBlock =
  | {
      kind: 'text';
      text: string;
      align?: TextAlign;
      bold?: boolean;
      size?: TextSize;
      inverted?: boolean;
      maxLines?: number;
    }
  /** A label on the left and a value on the right of the same line (wrapped under it when too long). */
  | { kind: 'pair'; label: string; value: string; bold?: boolean; maxLines?: number }
  | { kind: 'separator'; char?: '-' | '=' }
  | { kind: 'qr'; payload: string }
  | { kind: 'feed'; lines: number };

export interface Slip {
  /** For the OS print queue's document name and logs (never printed). */
  title: string;
  blocks: SlipBlock[];
}

export type PaperWidth = 58 | 80;

/** Characters per line in font A (12 dots wide): 384 dots on 58 mm paper, 576 dots on 80 mm. */
export function columnsFor(paper: PaperWidth): number {
  return paper === 58 ? 32 : 48;
}

export function widthFactor(size: TextSize | undefined): 1 | 2 {
  return size === 'wide' || size === 'large' ? 2 : 1;
}

const ELLIPSIS = '...';

/** The first `maxLines` lines, the last one ending with "..." when something was left out. */
function capLines(lines: string[], width: number, maxLines: number): string[] {
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  const last = kept[maxLines - 1]!;
  kept[maxLines - 1] =
    last.length + ELLIPSIS.length <= width ? last + ELLIPSIS : last.slice(0, width - ELLIPSIS.length) + ELLIPSIS;
  return kept;
}

/**
 * Word-wraps `text` to lines of at most `width` characters (words longer than a line are cut), at most
 * `maxLines` of them.
 */
export function wrapText(text: string, width: number, maxLines = Infinity): string[] {
  const all = wrapAll(text, width, maxLines);
  return capLines(all, width, maxLines);
}

function wrapAll(text: string, width: number, maxLines: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    if (lines.length > maxLines) break; // enough to know it is cut
    for (const word of paragraph.split(' ').filter((w) => w !== '')) {
      if (lines.length > maxLines) break;
      let rest = word;
      while (rest.length > width) {
        if (line) lines.push(line);
        lines.push(rest.slice(0, width));
        rest = rest.slice(width);
        line = '';
      }
      if (rest === '') continue;
      if (!line) line = rest;
      else if (line.length + 1 + rest.length <= width) line += ` ${rest}`;
      else {
        lines.push(line);
        line = rest;
      }
    }
    lines.push(line);
  }
  return lines;
}

/** One line "label ....... value" of `width` characters, or the label then the value right-aligned. */
export function pairLines(label: string, value: string, width: number, maxValueLines = Infinity): string[] {
  if (label.length + 1 + value.length <= width) {
    return [label + ' '.repeat(width - label.length - value.length) + value];
  }
  return [...wrapText(label, width), ...wrapText(value, width, maxValueLines).map((line) => line.padStart(width))];
}
