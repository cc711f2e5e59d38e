/**
 * What a cashier types or scans, turned into a countermark token, or refused.
 * Rules (docs/platform.md): tokens are 6 characters, `[A-Z0-9]` (new ones use `A-Z` without I/O and `2-7`);
 * the platform matches them case-insensitively; the beneficiary's app shows the QR payload
 * `PASSCULTURE:v3;TOKEN:<token>` (older apps `v2`).
 */
export const TOKEN_PATTERN = /^[A-Z0-9]{6}$/;
const QR_PATTERN = /^PASSCULTURE:V([23]);TOKEN:([A-Z0-9]{6})$/;
export const TOKEN_LENGTH = 6;
/** A whole QR payload's length: its fixed head (`PASSCULTURE:v3;TOKEN:`) and a token. */
export const QR_PAYLOAD_LENGTH = 'PASSCULTURE:V3;TOKEN:'.length + TOKEN_LENGTH;

export type CountermarkParse =
  { ok: true; token: string; source: 'code' | 'qr' } | { ok: false; reason: 'empty' | 'not_a_countermark' };

export function parseCountermark(raw: string): CountermarkParse {
  // Spaces anywhere are noise (people type "ABC 123"); case does not matter on the platform.
  const text = raw.replace(/\s+/g, '').toUpperCase();
  if (text === '') return { ok: false, reason: 'empty' };
  if (TOKEN_PATTERN.test(text)) return { ok: true, token: text, source: 'code' };
  const qr = QR_PATTERN.exec(text);
  if (qr?.[2]) return { ok: true, token: qr[2], source: 'qr' };
  return { ok: false, reason: 'not_a_countermark' };
}

/** Masks all but the last two characters, for slips and logs: `AB12CD` → `••••CD`. */
export function maskToken(token: string): string {
  return '•'.repeat(Math.max(0, token.length - 2)) + token.slice(-2);
}
