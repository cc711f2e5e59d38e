/**
 * Dates for the screens, in the venue's zone: calendar days (YYYY-MM-DD, see shared/dates `dayInZone`), clock
 * times with seconds, a séance's day said the way a cashier says it, and "il y a 2 min".
 */
import { dayInZone, formatDateTime, formatTime } from '../../shared/dates';
import { dayOffset } from '../../shared/seanceWindow';
import { translator } from '../i18n';

/** Memoised (renderer/i18n): a verdict's render formats its séance's day every time. */
const t = translator('ui');

// A calendar day is handled as noon UTC, so adding days or naming the weekday never crosses a DST change.
const dayLabel = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'UTC',
  weekday: 'short',
  day: 'numeric',
  month: 'short',
});
const longDayLabel = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'UTC',
  weekday: 'long',
  day: 'numeric',
  month: 'long',
});

function noonUtc(day: string): Date {
  return new Date(`${day}T12:00:00Z`);
}

/** `day` plus `count` days. */
export function addDays(day: string, count: number): string {
  const date = noonUtc(day);
  date.setUTCDate(date.getUTCDate() + count);
  return date.toISOString().slice(0, 10);
}

/** "sam. 29 nov." */
export function formatDayShort(day: string): string {
  return dayLabel.format(noonUtc(day));
}

/** "samedi 29 novembre" */
export function formatDayLong(day: string): string {
  return longDayLabel.format(noonUtc(day));
}

/** Formatters per time zone: making one costs more than using it. */
function cachedFormat(cache: Map<string, Intl.DateTimeFormat>, timeZone: string, options: Intl.DateTimeFormatOptions) {
  let format = cache.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('fr-FR', { timeZone, ...options });
    cache.set(timeZone, format);
  }
  return format;
}

const clockFormats = new Map<string, Intl.DateTimeFormat>();

/** "20:31:07" in the venue's zone, for the journal (shared/dates stops at minutes). */
export function formatClockTime(isoUtc: string, timeZone: string): string {
  const options = { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' } as const;
  return cachedFormat(clockFormats, timeZone, options).format(new Date(isoUtc));
}

const dayNameFormats = new Map<string, Intl.DateTimeFormat>();

/** "jeudi 15 janvier" in the venue's zone (the weekday names a day a cashier can place). */
function dayName(isoUtc: string, timeZone: string): string {
  const options = { weekday: 'long', day: 'numeric', month: 'long' } as const;
  return cachedFormat(dayNameFormats, timeZone, options).format(new Date(isoUtc));
}

/** A séance's day relative to `now` when it is close ("aujourd'hui", "hier", "demain"), else its date. */
export function seanceDayLabel(startUtc: string, now: Date, timeZone: string): string {
  const offset = dayOffset(startUtc, now, timeZone);
  if (offset === 0) return t('verdict.day.today');
  if (offset === -1) return t('verdict.day.yesterday');
  if (offset === 1) return t('verdict.day.tomorrow');
  return dayName(startUtc, timeZone);
}

/** "aujourd'hui à 20:30", "hier à 13:30", "jeudi 15 janvier à 20:30". */
export function formatSeanceDay(startUtc: string, now: Date, timeZone: string): string {
  return t('verdict.seance_day', {
    day: seanceDayLabel(startUtc, now, timeZone),
    time: formatTime(startUtc, timeZone),
  });
}

/** "aujourd'hui à 18:00", "demain à 18:00", "le jeudi 15 janvier à 18:00": after "dès", "pour"… */
export function formatWhen(startUtc: string, now: Date, timeZone: string): string {
  const offset = dayOffset(startUtc, now, timeZone);
  const day = Math.abs(offset) <= 1 ? seanceDayLabel(startUtc, now, timeZone) : `le ${dayName(startUtc, timeZone)}`;
  return t('verdict.seance_day', { day, time: formatTime(startUtc, timeZone) });
}

/**
 * When something happened, for a cashier glancing at the screen: "à l'instant", "il y a 2 min" within the
 * hour, then "à 18:02" the same day (venue's zone), else "le 26/11/2026 18:02".
 */
export function formatTimeAgo(isoUtc: string, now: Date, timeZone: string): string {
  const minutes = Math.floor((now.getTime() - new Date(isoUtc).getTime()) / 60_000);
  if (minutes < 1) return t('time.just_now');
  if (minutes < 60) return t('time.minutes_ago', { count: minutes });
  if (dayInZone(isoUtc, timeZone) === dayInZone(now.toISOString(), timeZone)) {
    return t('time.at', { time: formatTime(isoUtc, timeZone) });
  }
  return t('time.on', { when: formatDateTime(isoUtc, timeZone) });
}

/** "20:31" the same day in the venue's zone, else "26/11/2026 20:31". */
export function formatClockOrDate(isoUtc: string, now: Date, timeZone: string): string {
  return dayInZone(isoUtc, timeZone) === dayInZone(now.toISOString(), timeZone)
    ? formatTime(isoUtc, timeZone)
    : formatDateTime(isoUtc, timeZone);
}
