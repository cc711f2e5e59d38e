/**
 * A séance's day and time as the manager types them (venue's wall clock), as the platform wants them: ISO 8601
 * with the venue's offset for that day (summer or winter time). The platform refuses naive datetimes.
 */
import { TZDate } from '@date-fns/tz';

/** `2026-03-29` + `20:30` in Europe/Paris → `2026-03-29T20:30:00+02:00`. */
export function venueDateTime(day: string, time: string, timeZone: string): string {
  const [year, month, date] = day.split('-').map(Number);
  const [hours, minutes] = time.split(':').map(Number);
  const local = new TZDate(year ?? 1970, (month ?? 1) - 1, date ?? 1, hours ?? 0, minutes ?? 0, timeZone);
  // TZDate#toISOString writes the zone's offset; drop the milliseconds the platform does not keep.
  return local.toISOString().replace(/\.\d{3}(?=[+-Z])/, '');
}

/** The same wall-clock parts of a UTC instant in the venue's zone, for a form. */
export function venueDayAndTime(isoUtc: string, timeZone: string): { day: string; time: string } {
  const local = new TZDate(new Date(isoUtc).getTime(), timeZone);
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    day: `${local.getFullYear()}-${pad(local.getMonth() + 1)}-${pad(local.getDate())}`,
    time: `${pad(local.getHours())}:${pad(local.getMinutes())}`,
  };
}

/** An instant as ISO 8601 with the venue's offset (e.g. a booking limit derived from a start). */
export function withVenueOffset(instantMs: number, timeZone: string): string {
  return new TZDate(instantMs, timeZone).toISOString().replace(/\.\d{3}(?=[+-Z])/, '');
}
