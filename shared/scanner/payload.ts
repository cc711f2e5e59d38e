/**
 * What one reading is under the pass Culture grammar (shared/countermark.ts): a QR payload, a bare code, the
 * calibration payload of the scanner settings, or nothing.
 */
import { parseCountermark } from '../countermark';
import { stripScannerPrefixes } from './prefixes';

/**
 * Printed and shown in the scanner settings. It has the shape of a QR payload, so the prefix identifies the
 * scanner's layout, and its tail has every character that moves between the layouts (A Q Z W Y M and the digits).
 * Too long to be a token: it can never be looked up.
 */
export const CALIBRATION_PAYLOAD = 'PASSCULTURE:v3;TOKEN:AQZWYM0123456789';

export type PayloadMatch = { kind: 'qr' | 'code'; token: string } | { kind: 'calibration' };

/** Payloads are ASCII; upper-casing anything else could even lengthen it (`ß` → `SS`) into a false match. */
const NOT_PRINTABLE_ASCII = /[^\x20-\x7E\s]/;

export function matchPayload(reading: string): PayloadMatch | null {
  const text = stripScannerPrefixes(reading);
  if (NOT_PRINTABLE_ASCII.test(text)) return null;
  if (text.replace(/\s+/g, '').toUpperCase() === CALIBRATION_PAYLOAD.toUpperCase()) return { kind: 'calibration' };
  const parsed = parseCountermark(text);
  return parsed.ok ? { kind: parsed.source, token: parsed.token } : null;
}
