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

/** A calendar date, a `T` (or a space), hours and minutes at least; seconds, fraction and offset optional. */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}([.,]\d+)?)?(Z|[+-]\d{2}(:?\d{2})?)?$/i;
const OFFSET = /(Z|[+-]\d{2}(:?\d{2})?)$/i;
const UTC = tz('UTC');

/** True for a date-time that carries no offset (read as UTC). */
export function isNaiveDateTime(text: string): boolean {
  return DATE_TIME.test(text) && !OFFSET.test(text.slice(10));
}

/** The instant a platform date-time stands for, as `toISOString()`; null when it is not a date-time. */
export function readPlatformDateTime(text: string): string | null {
  if (!DATE_TIME.test(text)) return null;
  // date-fns reads fractions of any length and offsets in either notation; `in: UTC` gives an offset-less text
  // the platform's zone instead of the process's (TZ=Europe/Paris would otherwise shift it by one or two hours).
  const date = parseISO(text.replace(' ', 'T').replace(',', '.'), { in: UTC });
  const ms = date.getTime();
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
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
