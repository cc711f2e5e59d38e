/**
 * One key press as the page saw it, reduced to what scanner decoding needs. `code` names the physical key
 * (US names: `KeyQ` is the key that types A on an AZERTY keyboard); `key` is what the PC's own layout made of it.
 */
export interface Keystroke {
  key: string;
  code: string;
  shift: boolean;
  /** AltGr (Ctrl+Alt on Windows): the third level of European layouts, e.g. `]` on French AZERTY. */
  altGraph: boolean;
  /** Ctrl, Alt or Meta without AltGr: a shortcut (Ctrl+V…), never part of a scan. */
  command: boolean;
  /** Milliseconds, from the event's own timestamp (when the OS produced it, not when the page got to it). */
  at: number;
}

/** Keys that end a scan: scanners send Enter or Tab as suffix (or nothing). */
export const SUFFIX_KEYS: ReadonlySet<string> = new Set(['Enter', 'Tab']);

const MODIFIER_KEYS: ReadonlySet<string> = new Set([
  'Shift',
  'Control',
  'Alt',
  'AltGraph',
  'Meta',
  'CapsLock',
  'NumLock',
  'ScrollLock',
  'OS',
]);

export type KeystrokeRole = 'char' | 'suffix' | 'modifier' | 'other';

/** What a keystroke is to the wedge: a character of a burst, its end, a bare modifier, or anything else. */
export function roleOf(stroke: Keystroke): KeystrokeRole {
  if (MODIFIER_KEYS.has(stroke.key)) return 'modifier';
  if (stroke.command) return 'other';
  if (SUFFIX_KEYS.has(stroke.key) || stroke.code === 'NumpadEnter') return 'suffix';
  if (stroke.key === 'Dead' || [...stroke.key].length === 1) return 'char';
  return 'other';
}
