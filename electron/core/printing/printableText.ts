/**
 * Text headed for a thermal printer, made to fit the slip's code page *before* it reaches the encoder.
 * Two reasons: node-thermal-printer silently switches to another code page when a character is missing from the
 * active one (the slip would then depend on what the printer does with that page), and a beneficiary's name comes
 * from outside, so control bytes must never reach the printer as commands.
 */
import { canEncode, type KnownCodePage } from './codePages';

/** Typographic characters with a plain stand-in every page has. */
const STAND_INS: Record<string, string> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201A': ',',
  '\u201C': '"',
  '\u201D': '"',
  '\u201E': '"',
  '\u2013': '-',
  '\u2014': '-',
  '\u2212': '-',
  '\u2026': '...',
  '\u2022': '*',
  '\u00B7': '.',
  '\u0152': 'OE',
  '\u0153': 'oe',
  '\u0178': 'Y',
  '\u00D7': 'x',
};

const SPACES = /[\s\u00A0\u2000-\u200B\u202F\u205F\u3000]/u;
/** C0 and C1 controls (ESC, GS, DLE…): printer commands if they got through. */
const isControl = (char: string) => {
  const code = char.codePointAt(0) ?? 0;
  return code < 0x20 || (code >= 0x7f && code <= 0x9f);
};

/** `text` with every character the page can print, a stand-in, the letter without its accent, or `?`. */
export function printableText(text: string, page: KnownCodePage): string {
  let out = '';
  for (const char of text.normalize('NFC')) {
    if (SPACES.test(char)) out += ' ';
    else if (isControl(char)) continue;
    else if (canEncode(char, page)) out += char;
    else out += standIn(char, page);
  }
  return out;
}

function standIn(char: string, page: KnownCodePage): string {
  const known = STAND_INS[char];
  if (known !== undefined && [...known].every((c) => canEncode(c, page))) return known;
  const base = char.normalize('NFD').replace(/\p{M}/gu, '');
  if (base !== char && [...base].every((c) => canEncode(c, page))) return base;
  return '?';
}
