/**
 * Time helpers of the sandbox. Instants are epoch milliseconds rounded down to the second (the platform stores
 * microseconds, but its rules and our seed need no more); wall-clock times are Europe/Paris, converted with
 * `TZDate` so DST changes are honoured.
 */
import { TZDate } from '@date-fns/tz';

export const PARIS = 'Europe/Paris';
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** Rounds an instant down to the whole second. */
export function toSecond(ms: number): number {
  return Math.floor(ms / 1000) * 1000;
}

/** `2026-03-26T10:00:00Z`: UTC, no fraction — the control API's dates. */
export function isoUtc(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * `2026-01-12T17:09:25.000000Z`: UTC with six-digit fractions, as the backend writes the dates of its answers
 * (OpenAPI `format: date-time`).
 */
export function isoPlatform(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}

export function isoUtcOrNull(ms: number | null): string | null {
  return ms === null ? null : isoUtc(ms);
}

/** A calendar day in Paris: month is 1..12. */
export interface LocalDay {
  year: number;
  month: number;
  day: number;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
}

/** The Paris calendar day `offset` days after the one containing `ms`. */
export function parisDay(ms: number, offset = 0): LocalDay {
  const local = new TZDate(ms, PARIS);
  // Calendar arithmetic on a UTC date avoids any DST effect on the day count.
  const shifted = new Date(Date.UTC(local.getFullYear(), local.getMonth(), local.getDate() + offset));
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    weekday: shifted.getUTCDay(),
  };
}

/** The instant of a Paris wall-clock time on a given day, e.g. 14:00 → 13:00Z in winter, 12:00Z in summer. */
export function parisWallTime(day: LocalDay, hhmm: string): number {
  const [hours, minutes] = hhmm.split(':').map(Number);
  return new TZDate(day.year, day.month - 1, day.day, hours ?? 0, minutes ?? 0, PARIS).getTime();
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `28/03/2026 à 10:50` in Paris time, the format of the platform's "not confirmed yet" message. */
export function formatParisDateTime(ms: number): string {
  const d = new TZDate(ms, PARIS);
  return `${pad(d.getDate())}/${pad(d.getMonth() + 1)}/${d.getFullYear()} à ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** `YYYY-MM-DD` of a Paris calendar day. */
export function formatLocalDay(day: Pick<LocalDay, 'year' | 'month' | 'day'>): string {
  return `${day.year}-${pad(day.month)}-${pad(day.day)}`;
}
