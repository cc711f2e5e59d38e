/**
 * Every candidate reading of a keystroke stream: as typed by the PC, and as each known scanner layout meant it.
 */
import { charOn, UNREADABLE } from './keymaps';
import type { Keystroke } from './keystroke';
import { READING_SOURCES, type ReadingSource } from './readingSource';
import { matchPayload, type PayloadMatch } from './payload';

export interface Reading {
  source: ReadingSource;
  text: string;
  /** What this reading is under the pass Culture grammar, or null. */
  match: PayloadMatch | null;
}

function typedChar(stroke: Keystroke): string {
  return [...stroke.key].length === 1 ? stroke.key : UNREADABLE;
}

export function readingText(strokes: readonly Keystroke[], source: ReadingSource): string {
  let text = '';
  for (const stroke of strokes) {
    text += source === 'typed' ? typedChar(stroke) : charOn(source, stroke.code, stroke.shift, stroke.altGraph);
  }
  return text;
}

export function readingsOf(strokes: readonly Keystroke[]): Reading[] {
  return READING_SOURCES.map((source) => {
    const text = readingText(strokes, source);
    return { source, text, match: matchPayload(text) };
  });
}
