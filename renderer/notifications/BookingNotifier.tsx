import { useEffect } from 'react';
import { useVenueTimeZone } from '../context/appInfoContext';
import { useApi } from '../context/coreContext';
import { bookingNotice } from './bookingNotice';
import { playChime } from './chime';

/** More than this in one sync: one summary notification rather than a burst. */
const MAX_SEPARATE = 3;

/**
 * Announces new bookings and cancellations brought by sync (`bookings.alert`, which the core keeps silent during
 * an account's first complete sync): a desktop notification and a soft chime, unless turned off in Réglages.
 */
export function BookingNotifier() {
  const api = useApi();
  const timeZone = useVenueTimeZone();
  useEffect(
    () =>
      api.on('bookings.alert', (payload) => {
        void (async () => {
          const setting = await api.call('notifications.settings.get', {});
          if (!setting.ok || !setting.value.enabled) return;
          const notices = [
            ...payload.added.map((row) => bookingNotice(row, 'added', timeZone)),
            ...payload.cancelled.map((row) => bookingNotice(row, 'cancelled', timeZone)),
          ];
          if (notices.length === 0) return;
          playChime();
          if (typeof Notification === 'undefined') return;
          if (Notification.permission === 'default') await Notification.requestPermission();
          if (Notification.permission !== 'granted') return;
          for (const notice of notices.slice(0, MAX_SEPARATE)) {
            new Notification(notice.title, { body: notice.body, tag: notice.tag, silent: true });
          }
        })();
      }),
    [api, timeZone],
  );
  return null;
}
