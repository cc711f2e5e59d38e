/** A séance's day and time for the cashier: "aujourd'hui à 20:30", "hier à 13:30", "jeudi 15 janvier à 20:30". */
import { formatTime } from '../../shared/dates';
import { dayOffset } from '../../shared/seanceWindow';
import { i18n } from '../i18n';

const longDay = new Map<string, Intl.DateTimeFormat>();

/** "jeudi 15 janvier" in the venue's zone (the weekday names a day a cashier can place). */
function dayName(isoUtc: string, timeZone: string): string {
  let format = longDay.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('fr-FR', { timeZone, weekday: 'long', day: 'numeric', month: 'long' });
    longDay.set(timeZone, format);
  }
  return format.format(new Date(isoUtc));
}

/** The séance's day relative to `now` when it is close (today, yesterday, tomorrow), else its date. */
export function seanceDayLabel(startUtc: string, now: Date, timeZone: string): string {
  const t = i18n.getFixedT('fr', 'ui');
  const offset = dayOffset(startUtc, now, timeZone);
  if (offset === 0) return t('verdict.day.today');
  if (offset === -1) return t('verdict.day.yesterday');
  if (offset === 1) return t('verdict.day.tomorrow');
  return dayName(startUtc, timeZone);
}

export function formatSeanceDay(startUtc: string, now: Date, timeZone: string): string {
  const t = i18n.getFixedT('fr', 'ui');
  return t('verdict.seance_day', {
    day: seanceDayLabel(startUtc, now, timeZone),
    time: formatTime(startUtc, timeZone),
  });
}

/** "aujourd'hui à 18:00", "demain à 18:00", "le jeudi 15 janvier à 18:00": after "dès", "pour"… */
export function formatWhen(startUtc: string, now: Date, timeZone: string): string {
  const t = i18n.getFixedT('fr', 'ui');
  const offset = dayOffset(startUtc, now, timeZone);
  const day = Math.abs(offset) <= 1 ? seanceDayLabel(startUtc, now, timeZone) : `le ${dayName(startUtc, timeZone)}`;
  return t('verdict.seance_day', { day, time: formatTime(startUtc, timeZone) });
}
