/**
 * Keystroke streams as a real PC would see them: a scanner configured for one layout presses the keys of each
 * character on *its* layout; the PC's layout decides the `key` the page gets. Used by unit tests, the e2e test
 * (sent through CDP) and the scanner benchmark.
 */
import { charOn, positionOf, UNREADABLE, type ScannerLayout } from '../../../shared/scanner/keymaps';
import type { Keystroke } from '../../../shared/scanner/keystroke';

/** Characters the PC layouts below type as dead keys (the page then sees `Dead`). */
const DEAD_CHARS = new Set(['^', '¨', '´', '`', '~']);

export interface TypingOptions {
  /** Layout the scanner is configured for. */
  scanner: ScannerLayout;
  /** Layout of the PC (the OS). */
  pc: ScannerLayout;
  /** Time of the first key, ms. */
  startAt?: number;
  /** Gap between keys: a number, or a function of the key's index (jitter, human rhythm). */
  gapMs?: number | ((index: number) => number);
  /** Suffix key after the last character; null for scanners set to send none. */
  suffix?: 'Enter' | 'Tab' | null;
}

export function keystrokeFor(char: string, scanner: ScannerLayout, pc: ScannerLayout, at: number): Keystroke {
  const position = positionOf(scanner, char);
  if (!position) throw new Error(`a ${scanner} scanner cannot type ${JSON.stringify(char)}`);
  // A PC layout with no AltGr level (US) types the plain character; the capture still sees Right Alt held.
  const withAltGraph = charOn(pc, position.code, position.shift, position.altGraph);
  const typed =
    withAltGraph === UNREADABLE && position.altGraph ? charOn(pc, position.code, position.shift, false) : withAltGraph;
  const key = typed === UNREADABLE ? 'Unidentified' : DEAD_CHARS.has(typed) && pc !== 'us' ? 'Dead' : typed;
  return { key, code: position.code, shift: position.shift, altGraph: position.altGraph, command: false, at };
}

export function suffixStroke(key: 'Enter' | 'Tab', at: number): Keystroke {
  return { key, code: key, shift: false, altGraph: false, command: false, at };
}

/** The keys a scanner sends for `text`, each with its time; the suffix (Enter by default) last. */
export function scannerTypes(text: string, options: TypingOptions): Keystroke[] {
  const { scanner, pc, startAt = 0, gapMs = 5, suffix = 'Enter' } = options;
  const gap = typeof gapMs === 'number' ? () => gapMs : gapMs;
  const strokes: Keystroke[] = [];
  let at = startAt;
  [...text].forEach((char, index) => {
    if (index > 0) at += gap(index);
    strokes.push(keystrokeFor(char, scanner, pc, at));
  });
  if (suffix) strokes.push(suffixStroke(suffix, at + gap(text.length)));
  return strokes;
}

/** A person typing on their own keyboard: same layout both sides, uneven human gaps. */
export function personTypes(text: string, layout: ScannerLayout, startAt = 0): Keystroke[] {
  const gaps = [180, 140, 260, 120, 210, 160, 300, 150];
  return scannerTypes(text, { scanner: layout, pc: layout, startAt, gapMs: (i) => gaps[i % gaps.length] ?? 200 });
}
