import { dayInZone, formatDateTime, formatTime } from '../../shared/dates';
import { i18n } from '../i18n';

/**
 * When something happened, for a cashier glancing at the screen: "à l'instant", "il y a 2 min" within the
 * hour, then "à 18:02" the same day (venue's zone), else "le 26/11/2026 18:02".
 */
export function formatTimeAgo(isoUtc: string, now: Date, timeZone: string): string {
  const minutes = Math.floor((now.getTime() - new Date(isoUtc).getTime()) / 60_000);
  if (minutes < 1) return i18n.t('ui:time.just_now');
  if (minutes < 60) return i18n.t('ui:time.minutes_ago', { count: minutes });
  if (dayInZone(isoUtc, timeZone) === dayInZone(now.toISOString(), timeZone)) {
    return i18n.t('ui:time.at', { time: formatTime(isoUtc, timeZone) });
  }
  return i18n.t('ui:time.on', { when: formatDateTime(isoUtc, timeZone) });
}

/** "20:31" the same day in the venue's zone, else "26/11/2026 20:31". */
export function formatClockOrDate(isoUtc: string, now: Date, timeZone: string): string {
  return dayInZone(isoUtc, timeZone) === dayInZone(now.toISOString(), timeZone)
    ? formatTime(isoUtc, timeZone)
    : formatDateTime(isoUtc, timeZone);
}
