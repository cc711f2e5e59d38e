/**
 * Outside text that the counter shows, prints or writes to files (beneficiaries' names, film titles, tariff labels): cleaned once
 * at ingest, so every screen, slip and export benefits.
 * - Bidirectional controls (U+202A–202E embeddings and overrides, U+2066–2069 isolates, LRM, RLM, ALM) are removed:
 *   they can make a stored "NOSREP" display as "PERSON" while the cashier checks a name against an ID.
 * - Other control characters (C0, DEL, C1) become spaces: they have no business in a name and break CSV and slips.
 * - Lengths are capped: a 100 kB name would print metres of paper and push the verdict off screen.
 */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g;
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u001F\u007F-\u009F]/g;

/** Longest first or last name kept (real ones are far shorter). */
export const NAME_MAX = 80;
/** Longest film title kept (pass Culture allows 90). */
export const TITLE_MAX = 150;
/** Longest tariff label kept (pass Culture allows 50 when one is created). */
export const LABEL_MAX = 80;

export function stripBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}

/** Shortens to `max` characters (code points), ending with an ellipsis when something was cut. */
export function capLength(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max
    ? text
    : `${chars
        .slice(0, max - 1)
        .join('')
        .trimEnd()}…`;
}

/** A display string from outside: no bidi or control characters, single spaces, at most `max` characters. */
export function cleanText(text: string, max: number): string {
  const cleaned = stripBidiControls(text).replace(CONTROL_CHARACTERS, ' ').replace(/\s+/g, ' ').trim();
  return capLength(cleaned, max);
}
