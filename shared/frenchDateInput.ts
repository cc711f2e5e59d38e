/**
 * Days and times as a French manager types and reads them, whatever the browser's language: `12/06/2026` and
 * `20:30` (24 h). A native `<input type=date|time>` follows the browser's locale instead (headless Chromium shows
 * "08:30 PM"), so the forms use text fields read by these functions. Values travel as `YYYY-MM-DD` and `HH:MM`.
 */

const pad = (n: number) => String(n).padStart(2, '0');

function isRealDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * `12/06/2026`, `12/6/2026`, `12.06.2026`, `12-06-2026`, `12/06/26`, `12062026`, and the ISO `2026-06-12` (pasted)
 * → `2026-06-12`; null when it is not a calendar day.
 */
export function parseFrenchDay(text: string): string | null {
  const typed = text.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(typed);
  const french = /^(\d{1,2})[/.\-\s](\d{1,2})[/.\-\s](\d{2}|\d{4})$/.exec(typed);
  const digits = /^(\d{2})(\d{2})(\d{4})$/.exec(typed);
  let year: number, month: number, day: number;
  if (iso) [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (french) {
    const y = french[3] ?? '';
    // Two digits are this century's: a séance or a report is never in the 1900s.
    [day, month, year] = [Number(french[1]), Number(french[2]), y.length === 2 ? 2000 + Number(y) : Number(y)];
  } else if (digits) [day, month, year] = [Number(digits[1]), Number(digits[2]), Number(digits[3])];
  else return null;
  if (year < 2000 || year > 2100 || !isRealDay(year, month, day)) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** `2026-06-12` → `12/06/2026`. */
export function formatFrenchDay(isoDay: string): string {
  const [year, month, day] = isoDay.split('-');
  return `${day}/${month}/${year}`;
}

/** `20:30`, `20h30`, `20 h 30`, `20h`, `2030`, `8:05`, `805` → `HH:MM`; null when it is not a time of day. */
export function parseFrenchTime(text: string): string | null {
  const typed = text.trim().toLowerCase();
  const separated = /^(\d{1,2})\s*[:h.]\s*(\d{2})?$/.exec(typed);
  const digits = /^(\d{1,2})(\d{2})$/.exec(typed);
  const match = separated ?? digits;
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2] ?? '0');
  if (hours > 23 || minutes > 59) return null;
  return `${pad(hours)}:${pad(minutes)}`;
}
