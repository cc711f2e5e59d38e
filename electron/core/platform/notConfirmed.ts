/**
 * Reads the date out of the platform's "not confirmed yet" refusal:
 * "Vous pourrez valider cette contremarque à partir du 27/11/2026 à 20:30, une fois le délai d’annulation passé."
 * The platform words it in the venue's local time (its department's zone), to the minute, without an offset,
 * so the zone has to come from the caller.
 */
import { venueTimeMs } from '../../../shared/venueTime';

export interface NotConfirmedDate {
  /** The platform's own wording, normalised: "27/11/2026 à 20:30". */
  when: string;
  /**
   * The instant in UTC (ISO). The platform truncates to the minute, so the real end of the cancellation
   * window may be up to 59 s later: callers scheduling a retry should leave a margin.
   */
  validatableFrom: string | null;
}

// Lenient on spacing (the platform could use non-breaking spaces) and on "20h30"; \s covers U+00A0.
const DATE_TIME = /(\d{1,2})\/(\d{1,2})\/(\d{4})\s*(?:à|a)?\s*(\d{1,2})\s*[:hH]\s*(\d{2})/u;

/** Null when no valid date and time can be read from `text`. */
export function parseNotConfirmedDate(text: string, timeZone: string): NotConfirmedDate | null {
  const m = DATE_TIME.exec(text);
  if (!m) return null;
  const [day, month, year, hour, minute] = m.slice(1, 6).map(Number) as [number, number, number, number, number];
  if (!isCalendarDate(year, month, day) || hour > 23 || minute > 59) return null;

  const when = `${pad(day)}/${pad(month)}/${year} à ${pad(hour)}:${pad(minute)}`;
  return { when, validatableFrom: toUtcIso(year, month, day, hour, minute, timeZone) };
}

function toUtcIso(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  timeZone: string,
): string | null {
  try {
    // TZDate resolves DST edges for us: a time in the spring-forward gap moves forward an hour, and an
    // ambiguous autumn time takes the later (standard-time) instant, which never claims "validatable" too early.
    const ms = venueTimeMs(`${year}-${pad(month)}-${pad(day)}`, `${pad(hour)}:${pad(minute)}`, timeZone);
    return Number.isFinite(ms) ? new Date(ms).toISOString() : null;
  } catch {
    // An unknown zone name: keep the wording, lose the instant.
    return null;
  }
}

function isCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
