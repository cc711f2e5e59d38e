/** The words of a booking notification: who, which film, which séance (venue time), how many places. */
import type { BookingRow } from '../../shared/contract';
import { dayInZone, formatTime } from '../../shared/dates';
import { formatDayLong } from '../format/dates';
import { i18n } from '../i18n';

export interface BookingNotice {
  title: string;
  body: string;
  /** Groups the notifications of one booking (a cancellation replaces its arrival). */
  tag: string;
}

/**
 * On Linux, Electron hands notifications to libnotify, whose notification servers read the body as markup: a name
 * with "<b>" or "&" would be drawn as markup or dropped. There, `& < >` are escaped.
 */
export function bodyIsMarkup(
  userAgent: string = (globalThis as { navigator?: { userAgent?: string } }).navigator?.userAgent ?? '',
): boolean {
  return /\bElectron\//.test(userAgent) && /\bLinux\b/.test(userAgent);
}

export function escapeMarkup(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** One notification for a sync that brought more than a few: how many, no names. */
export function summaryNotice(added: number, cancelled: number): BookingNotice {
  const t = i18n.getFixedT('fr', 'ui');
  const parts = [
    added > 0 ? t('notifications.grouped_added', { count: added }) : null,
    cancelled > 0 ? t('notifications.grouped_cancelled', { count: cancelled }) : null,
  ].filter((part): part is string => part !== null);
  const what = parts.length === 2 ? t('notifications.summary_and', { first: parts[0], second: parts[1] }) : parts[0];
  return {
    title: t('notifications.summary_title', { what }),
    body: t('notifications.summary_body'),
    tag: 'bookings-summary',
  };
}

export function bookingNotice(
  row: BookingRow,
  kind: 'added' | 'cancelled',
  timeZone: string,
  markup = bodyIsMarkup(),
): BookingNotice {
  const t = i18n.getFixedT('fr', 'ui');
  const seance = row.seanceStart
    ? t('notifications.seance', {
        day: formatDayLong(dayInZone(row.seanceStart, timeZone)),
        time: formatTime(row.seanceStart, timeZone),
      })
    : t('notifications.seance_unknown');
  return {
    title: t(kind === 'added' ? 'notifications.added_title' : 'notifications.cancelled_title', {
      name: `${row.firstName} ${row.lastName}`.trim(),
    }),
    body: (markup ? escapeMarkup : (text: string) => text)(
      t('notifications.body', { film: row.offerName, seance, count: row.quantity }),
    ),
    tag: `booking-${row.bookingId}`,
  };
}
