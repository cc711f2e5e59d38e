/**
 * What a scanned or typed code that is not a pass Culture countermark probably is, and what the cashier should do
 * with it. Cinemas on an integrated ticketing system (CDS/Ciné Office, Boost, CGR, EMS) receive pass Culture
 * bookings as their own tickets (docs/platform.md): those barcodes are checked in the ticketing software, never
 * here — the guichet must say so rather than "contremarque inconnue", and send nothing. Pure; the wording is in
 * the shared catalogue (`foreign.<kind>`).
 */
import { t } from './i18n';
import { stripScannerPrefixes } from './scanner/prefixes';

export type ForeignKind =
  | 'isbn' // EAN-13 of a book (978/979)
  | 'ean' // EAN-13, EAN-8 or UPC-A with a correct check digit: a product, or a ticketing system's ticket
  | 'ticket_number' // a long number or an alphanumeric ticket reference (Code 128, ITF…): a ticketing barcode
  | 'pass_culture_unreadable' // starts like a pass Culture QR payload, but is cut or of an unknown version
  | 'pass_culture_link' // a link to the pass Culture app or site, not a booking
  | 'url' // a web link
  | 'qr_other' // another application's QR payload (structured text)
  | 'unknown_barcode' // a scan that matches none of the above
  | 'typing'; // typed text that is simply not a 6-character code

export interface ForeignCode {
  kind: ForeignKind;
  /** Short headline, e.g. "Billet d'une billetterie". */
  label: string;
  /** What it most likely is. */
  what: string;
  /** What to do. */
  todo: string;
  /** `what` and `todo` in one sentence pair, for an error message. */
  message: string;
}

const SPECIFICITY: readonly ForeignKind[] = [
  'pass_culture_unreadable',
  'isbn',
  'ean',
  'pass_culture_link',
  'url',
  'ticket_number',
  'qr_other',
  'unknown_barcode',
  'typing',
];

/** GS1 check digit (EAN-8, UPC-A, EAN-13): weights 3 and 1 from the right, the last digit excluded. */
export function hasGs1CheckDigit(digits: string): boolean {
  if (!/^\d+$/.test(digits) || ![8, 12, 13].includes(digits.length)) return false;
  let sum = 0;
  for (let i = digits.length - 2, weight = 3; i >= 0; i--, weight = 4 - weight) sum += Number(digits[i]) * weight;
  return (10 - (sum % 10)) % 10 === Number(digits.at(-1));
}

const PASS_CULTURE_PREFIX = /^PASS ?CULTURE/i;
const PASS_CULTURE_HOST = /(^|\.)pass-?culture\.(app|fr|pro|gouv\.fr)$/i;
const TICKET_REFERENCE = /^(?=.*\d)[A-Z0-9][A-Z0-9\-/.]{7,47}$/i;

/** One reading's kind (`scanned`: it came from a barcode scanner, so it is a barcode rather than a typo). */
export function classifyForeignText(raw: string, scanned: boolean): ForeignKind {
  const text = stripScannerPrefixes(raw).trim();
  const compact = text.replace(/\s+/g, '');
  if (PASS_CULTURE_PREFIX.test(compact)) return 'pass_culture_unreadable';
  if (hasGs1CheckDigit(compact)) return /^97[89]/.test(compact) && compact.length === 13 ? 'isbn' : 'ean';
  const url = parseUrl(text);
  if (url) return PASS_CULTURE_HOST.test(url.hostname) ? 'pass_culture_link' : 'url';
  if (/^\d{8,48}$/.test(compact) || TICKET_REFERENCE.test(compact)) return 'ticket_number';
  if (/[:;={}|]/.test(text) || text.length > 48) return 'qr_other';
  return scanned ? 'unknown_barcode' : 'typing';
}

function parseUrl(text: string): URL | null {
  const candidate = /^www\./i.test(text) ? `https://${text}` : text;
  if (!/^https?:\/\/\S+$/i.test(candidate)) return null;
  try {
    return new URL(candidate);
  } catch {
    return null;
  }
}

/**
 * The most telling kind among a scan's readings (a scanner on another keyboard layout garbles digits in some of
 * them), worded for the cashier.
 */
export function describeForeignCode(readings: string | readonly string[], scanned = false): ForeignCode {
  const texts = typeof readings === 'string' ? [readings] : readings;
  const kinds = texts.map((text) => classifyForeignText(text, scanned));
  const kind = SPECIFICITY.find((k) => kinds.includes(k)) ?? (scanned ? 'unknown_barcode' : 'typing');
  return wordingOf(kind);
}

export function wordingOf(kind: ForeignKind): ForeignCode {
  const what = t(`foreign.${kind}.what`);
  const todo = t(`foreign.${kind}.todo`);
  return { kind, label: t(`foreign.${kind}.label`), what, todo, message: `${what} ${todo}` };
}
