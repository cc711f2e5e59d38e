/**
 * The venue's local day and wall-clock time ↔ instants: every such conversion lives here (the engine's day ranges
 * and "today", séance times typed by the manager, the platform's wall-clock dates). Instants stay UTC everywhere
 * else; showing them is shared/dates.ts. TZDate (date-fns/tz) applies the zone's rules of that very day, so
 * summer and winter time, and the days they change, come out right.
 */
import { TZDate } from '@date-fns/tz';
import { addDays } from 'date-fns';
import { dayInZone } from './dates';

/** A calendar day (YYYY-MM-DD) and time (HH:MM) in `timeZone` → epoch milliseconds (NaN for an unknown zone). */
export function venueTimeMs(day: string, time: string, timeZone: string): number {
  const [year, month, date] = day.split('-').map(Number);
  const [hours, minutes] = time.split(':').map(Number);
  return new TZDate(year ?? 1970, (month ?? 1) - 1, date ?? 1, hours ?? 0, minutes ?? 0, timeZone).getTime();
}

/** `2026-03-29` + `20:30` in Europe/Paris → `2026-03-29T20:30:00+02:00`, as the platform wants a séance start. */
export function venueDateTime(day: string, time: string, timeZone: string): string {
  const local = new TZDate(venueTimeMs(day, time, timeZone), timeZone);
  // TZDate#toISOString writes the zone's offset; drop the milliseconds the platform does not keep.
  return local.toISOString().replace(/\.\d{3}(?=[+-Z])/, '');
}

/** The wall-clock day and time of a UTC instant in the venue's zone, for a form. */
export function venueDayAndTime(isoUtc: string, timeZone: string): { day: string; time: string } {
  const local = new TZDate(new Date(isoUtc).getTime(), timeZone);
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    day: `${local.getFullYear()}-${pad(local.getMonth() + 1)}-${pad(local.getDate())}`,
    time: `${pad(local.getHours())}:${pad(local.getMinutes())}`,
  };
}

/** Today (YYYY-MM-DD) in the venue's zone. */
export function venueToday(now: Date, timeZone: string): string {
  return dayInZone(now.toISOString(), timeZone);
}

/** `days` calendar days of the venue's zone from the start of `day`, as a half-open UTC range (ISO strings). */
export function venueDayRange(day: string, timeZone: string, days = 1): { from: string; to: string } {
  const [year, month, date] = day.split('-').map(Number);
  const start = new TZDate(year ?? 1970, (month ?? 1) - 1, date ?? 1, timeZone);
  return { from: new Date(start.getTime()).toISOString(), to: new Date(addDays(start, days).getTime()).toISOString() };
}
