/**
 * Dates as the platform writes them (OpenAPI `format: date-time`, RFC 3339): `2026-01-12T17:09:25.000000Z` today
 * (six-digit fractions, the backend's format), `2026-01-12T17:09:25Z` in older answers, an offset such as `+01:00`
 * now and then. The counter keeps one form inside, `Date#toISOString()` (UTC, milliseconds, `Z`), so that stored
 * dates compare as text and as instants alike.
 *
 * A date-time without an offset is not valid RFC 3339, but a platform or proxy may still send one: it is read as
 * UTC (the zone of every API date), never as the PC's local time. The client logs a warning when it meets one.
 */
import { tz } from '@date-fns/tz';
import { parseISO } from 'date-fns';
import { z } from 'zod';

/**
 * A calendar date, a `T` (or a space), hours and minutes at least; seconds, fraction and offset optional. Groups:
 * date to minutes, seconds, fraction, offset.
 */
const DATE_TIME = /^(\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2})(?::(\d{2})([.,]\d+)?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const OFFSET = /(Z|[+-]\d{2}(:?\d{2})?)$/i;
const UTC = tz('UTC');

/** True for a date-time that carries no offset (read as UTC). */
export function isNaiveDateTime(text: string): boolean {
  return DATE_TIME.test(text) && !OFFSET.test(text.slice(10));
}

/**
 * The backend's own form, `2026-01-12T17:09:25.000000Z` (or without a fraction): nearly every date of every
 * answer. Read here with `Date.UTC`, ~20× quicker than date-fns (a season's sync reads some 400,000 dates); any
 * other form, and any out-of-range field, goes to date-fns below.
 */
const BACKEND_UTC = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,6}))?Z$/;

function readBackendUtc(text: string): string | null {
  // Checked by the pattern, then read digit by digit: no match array, no substrings (a season's sync reads some
  // 400,000 dates, and their garbage had become a tenth of its allocations).
  if (!BACKEND_UTC.test(text)) return null;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  const hours = digits(text, 11, 2);
  const minutes = digits(text, 14, 2);
  const seconds = digits(text, 17, 2);
  // `.f`, `.ff`… up to six digits: the first three are the milliseconds (as many as there are, padded with zeros).
  let millis = 0;
  if (text.charCodeAt(19) === DOT) {
    for (let i = 20; i < 23; i++) {
      const code = text.charCodeAt(i);
      millis = millis * 10 + (code >= ZERO && code <= ZERO + 9 ? code - ZERO : 0);
    }
  }
  const date = new Date(Date.UTC(year, month - 1, day, hours, minutes, seconds, millis));
  // Date.UTC rolls 2026-02-30 over to March: a field out of range is left to date-fns (which refuses it).
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day || date.getUTCHours() !== hours) return null;
  if (date.getUTCMinutes() !== minutes || date.getUTCSeconds() !== seconds || year < 1000) return null;
  return date.toISOString();
}

const ZERO = 48;
const DOT = 46;

/** The number written by `length` ASCII digits of `text` from `start` (the pattern has checked they are digits). */
function digits(text: string, start: number, length: number): number {
  let value = 0;
  for (let i = start; i < start + length; i++) value = value * 10 + text.charCodeAt(i) - ZERO;
  return value;
}

/** The instant a platform date-time stands for, as `toISOString()`; null when it is not a date-time. */
export function readPlatformDateTime(text: string): string | null {
  const quick = readBackendUtc(text);
  if (quick !== null) return quick;
  const parts = DATE_TIME.exec(text);
  if (!parts) return null;
  const [, toMinutes = '', seconds = '00', fraction = '', offset = ''] = parts;
  // A leap second (RFC 3339 allows 23:59:60 UTC) has no instant in JavaScript: it is read as that minute's last
  // millisecond, which keeps its day and its order, rather than refusing a valid answer.
  const leap = seconds === '60';
  // date-fns reads offsets in either notation; `in: UTC` gives an offset-less text the platform's zone instead of
  // the process's (TZ=Europe/Paris would otherwise shift it by one or two hours). RFC 3339 allows `t` and `z` in
  // lower case, date-fns reads them in upper case only. The fraction is left out and added here, truncated to the
  // millisecond as the quick path does: date-fns computes it in floating point, a millisecond off now and then
  // (`.000009` before 1970 came out as `.001`).
  const date = parseISO(`${toMinutes}:${leap ? '59' : seconds}${offset}`.toUpperCase().replace(' ', 'T'), { in: UTC });
  const ms = date.getTime();
  if (Number.isNaN(ms)) return null;
  if (leap) {
    const utc = new Date(ms);
    return utc.getUTCHours() === 23 && utc.getUTCMinutes() === 59 ? new Date(ms + 999).toISOString() : null;
  }
  // 24:00:00 (ISO 8601's end of the day, which date-fns reads as the next midnight) takes no fraction beyond it.
  if (toMinutes.endsWith('24:00') && /[1-9]/.test(fraction)) return null;
  return new Date(ms + Number(fraction.slice(1, 4).padEnd(3, '0'))).toISOString();
}

/** A platform date-time, parsed into the counter's form (see above); anything else is a schema error. */
export const platformDateTimeSchema = z.string().transform((text, ctx) => {
  const iso = readPlatformDateTime(text);
  if (iso === null) {
    ctx.addIssue({ code: 'custom', message: 'expected an RFC 3339 date-time' });
    return z.NEVER;
  }
  return iso;
});
