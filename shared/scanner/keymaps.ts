/**
 * What each physical key (`KeyboardEvent.code`, US names) types on the keyboard layouts a scanner may be set to.
 * A wedge scanner turns each character into the key position of *its own* configured layout; the PC then applies
 * *its* layout. Reading the positions back through the scanner's layout recovers what it meant (docs/peers.md).
 * Levels: [plain, Shift, AltGr]; only what a pass Culture payload or a scanner prefix can contain has to be right.
 */
export const SCANNER_LAYOUTS = ['us', 'fr', 'be', 'de'] as const;
export type ScannerLayout = (typeof SCANNER_LAYOUTS)[number];

type Levels = readonly [plain: string, shift: string, altGraph?: string];
type Keymap = Readonly<Record<string, Levels>>;

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** `KeyA`…`KeyZ` typing their own letter, as on QWERTY. */
function qwertyLetters(): Record<string, Levels> {
  const map: Record<string, Levels> = {};
  for (const letter of LETTERS) map[`Key${letter.toUpperCase()}`] = [letter, letter.toUpperCase()];
  return map;
}

/** Layout-independent keys: the numeric keypad (NumLock on) and the space bar. */
const COMMON: Keymap = {
  Space: [' ', ' '],
  Numpad0: ['0', '0'],
  Numpad1: ['1', '1'],
  Numpad2: ['2', '2'],
  Numpad3: ['3', '3'],
  Numpad4: ['4', '4'],
  Numpad5: ['5', '5'],
  Numpad6: ['6', '6'],
  Numpad7: ['7', '7'],
  Numpad8: ['8', '8'],
  Numpad9: ['9', '9'],
  NumpadAdd: ['+', '+'],
  NumpadSubtract: ['-', '-'],
  NumpadMultiply: ['*', '*'],
  NumpadDivide: ['/', '/'],
};

const US: Keymap = {
  ...COMMON,
  ...qwertyLetters(),
  Backquote: ['`', '~'],
  Digit1: ['1', '!'],
  Digit2: ['2', '@'],
  Digit3: ['3', '#'],
  Digit4: ['4', '$'],
  Digit5: ['5', '%'],
  Digit6: ['6', '^'],
  Digit7: ['7', '&'],
  Digit8: ['8', '*'],
  Digit9: ['9', '('],
  Digit0: ['0', ')'],
  Minus: ['-', '_'],
  Equal: ['=', '+'],
  BracketLeft: ['[', '{'],
  BracketRight: [']', '}'],
  Backslash: ['\\', '|'],
  Semicolon: [';', ':'],
  Quote: ["'", '"'],
  Comma: [',', '<'],
  Period: ['.', '>'],
  Slash: ['/', '?'],
  IntlBackslash: ['\\', '|'],
};

/** AZERTY letters: A↔Q and Z↔W swapped, M where QWERTY has `;`, and `,` where QWERTY has M. */
function azertyLetters(): Record<string, Levels> {
  return {
    ...qwertyLetters(),
    KeyQ: ['a', 'A'],
    KeyA: ['q', 'Q'],
    KeyW: ['z', 'Z'],
    KeyZ: ['w', 'W'],
    Semicolon: ['m', 'M'],
    KeyM: [',', '?'],
  };
}

/** French AZERTY (Windows "Français"): digits need Shift. */
const FR: Keymap = {
  ...COMMON,
  ...azertyLetters(),
  Backquote: ['²', ''],
  Digit1: ['&', '1'],
  Digit2: ['é', '2', '~'],
  Digit3: ['"', '3', '#'],
  Digit4: ["'", '4', '{'],
  Digit5: ['(', '5', '['],
  Digit6: ['-', '6', '|'],
  Digit7: ['è', '7', '`'],
  Digit8: ['_', '8', '\\'],
  Digit9: ['ç', '9', '^'],
  Digit0: ['à', '0', '@'],
  Minus: [')', '°', ']'],
  Equal: ['=', '+', '}'],
  BracketLeft: ['^', '¨'],
  BracketRight: ['$', '£', '¤'],
  Backslash: ['*', 'µ'],
  Quote: ['ù', '%'],
  Comma: [';', '.'],
  Period: [':', '/'],
  Slash: ['!', '§'],
  IntlBackslash: ['<', '>'],
};

/** Belgian AZERTY: letters as in France, but 6 → §, 8 → !, and other punctuation moved. */
const BE: Keymap = {
  ...COMMON,
  ...azertyLetters(),
  Backquote: ['²', '³'],
  Digit1: ['&', '1', '|'],
  Digit2: ['é', '2', '@'],
  Digit3: ['"', '3', '#'],
  Digit4: ["'", '4'],
  Digit5: ['(', '5'],
  Digit6: ['§', '6', '^'],
  Digit7: ['è', '7'],
  Digit8: ['!', '8'],
  Digit9: ['ç', '9', '{'],
  Digit0: ['à', '0', '}'],
  Minus: [')', '°'],
  Equal: ['-', '_'],
  BracketLeft: ['^', '¨', '['],
  BracketRight: ['$', '*', ']'],
  Backslash: ['µ', '£', '`'],
  Quote: ['ù', '%', '´'],
  Comma: [';', '.'],
  Period: [':', '/'],
  Slash: ['=', '+', '~'],
  IntlBackslash: ['<', '>', '\\'],
};

/** German QWERTZ: Y↔Z swapped, `:` is Shift+`.`, `;` is Shift+`,`. */
const DE: Keymap = {
  ...COMMON,
  ...qwertyLetters(),
  KeyY: ['z', 'Z'],
  KeyZ: ['y', 'Y'],
  KeyQ: ['q', 'Q', '@'],
  KeyE: ['e', 'E', '€'],
  Backquote: ['^', '°'],
  Digit1: ['1', '!'],
  Digit2: ['2', '"', '²'],
  Digit3: ['3', '§', '³'],
  Digit4: ['4', '$'],
  Digit5: ['5', '%'],
  Digit6: ['6', '&'],
  Digit7: ['7', '/', '{'],
  Digit8: ['8', '(', '['],
  Digit9: ['9', ')', ']'],
  Digit0: ['0', '=', '}'],
  Minus: ['ß', '?', '\\'],
  Equal: ['´', '`'],
  BracketLeft: ['ü', 'Ü'],
  BracketRight: ['+', '*', '~'],
  Backslash: ['#', "'"],
  Semicolon: ['ö', 'Ö'],
  Quote: ['ä', 'Ä'],
  Comma: [',', ';'],
  Period: ['.', ':'],
  Slash: ['-', '_'],
  IntlBackslash: ['<', '>', '|'],
};

const KEYMAPS: Readonly<Record<ScannerLayout, Keymap>> = { us: US, fr: FR, be: BE, de: DE };

/** Stands for a key a layout cannot read: it never matches the countermark grammar. */
export const UNREADABLE = '\uFFFD';

/** The character `code` (+ Shift/AltGr) types on `layout`, or UNREADABLE. */
export function charOn(layout: ScannerLayout, code: string, shift: boolean, altGraph: boolean): string {
  const levels = KEYMAPS[layout][code];
  if (!levels) return UNREADABLE;
  const char = altGraph ? (shift ? undefined : levels[2]) : shift ? levels[1] : levels[0];
  return char === undefined || char === '' ? UNREADABLE : char;
}

export interface KeyPosition {
  code: string;
  shift: boolean;
  altGraph: boolean;
}

/**
 * Where `char` sits on `layout` (the first position found; letters with Shift for upper case). Used to simulate
 * a scanner configured for `layout` in tests and in the calibration help; null when the layout cannot type it.
 */
export function positionOf(layout: ScannerLayout, char: string): KeyPosition | null {
  let fallback: KeyPosition | null = null;
  for (const [code, levels] of Object.entries(KEYMAPS[layout])) {
    // The main block first: a scanner types digits on the top row unless set to keypad emulation.
    const position =
      levels[0] === char
        ? { code, shift: false, altGraph: false }
        : levels[1] === char
          ? { code, shift: true, altGraph: false }
          : levels[2] === char
            ? { code, shift: false, altGraph: true }
            : null;
    if (!position) continue;
    if (!code.startsWith('Numpad')) return position;
    fallback ??= position;
  }
  return fallback;
}
