import { useCallback, useEffect, useEffectEvent, useState } from 'react';
import type { EventPayload } from '../../shared/contract';
import type { ScreenName } from '../components/AppShell';
import { useVenueTimeZone, useApi } from '../context/coreContext';
import { useCounterSettings } from '../context/counterSettingsContext';
import { bookingNotice, summaryNotice } from './bookingNotice';
import { playChime } from '../sounds/webAudio';

/** More than this in one sync: one summary notification rather than a burst. */
const MAX_SEPARATE = 3;

/** New bookings and cancellations held back during service: counts only, never names. */
export interface GroupedNotices {
  added: number;
  cancelled: number;
}

/**
 * New bookings and cancellations brought by sync (`bookings.alert`, silent during an account's first complete sync),
 * unless turned off in Réglages. On the manager's screens: a desktop notification with the name and a soft chime.
 * On the guichet during service (the default `in_app`): no name pops up in front of the queue and no chime mixes
 * with the verdict sounds — they are counted in the status banner, and opening Réservations shows them.
 */
export function useBookingNotifications(screen: ScreenName) {
  const api = useApi();
  const timeZone = useVenueTimeZone();
  const { serviceNotifications } = useCounterSettings();
  const [grouped, setGrouped] = useState<GroupedNotices | null>(null);

  const onAlert = useEffectEvent(async (payload: EventPayload<'bookings.alert'>) => {
    const setting = await api.call('notifications.settings.get', {});
    if (!setting.ok || !setting.value.enabled) return;
    if (payload.addedCount === 0 && payload.cancelledCount === 0) return;
    if (screen === 'counter' && serviceNotifications === 'in_app') {
      setGrouped((previous) => ({
        added: (previous?.added ?? 0) + payload.addedCount,
        cancelled: (previous?.cancelled ?? 0) + payload.cancelledCount,
      }));
      return;
    }
    const notices =
      payload.addedCount + payload.cancelledCount > MAX_SEPARATE
        ? [summaryNotice(payload.addedCount, payload.cancelledCount)]
        : [
            ...payload.added.map((row) => bookingNotice(row, 'added', timeZone)),
            ...payload.cancelled.map((row) => bookingNotice(row, 'cancelled', timeZone)),
          ];
    playChime();
    if (typeof Notification === 'undefined') return;
    if (Notification.permission === 'default') await Notification.requestPermission();
    if (Notification.permission !== 'granted') return;
    for (const notice of notices.slice(0, MAX_SEPARATE)) {
      new Notification(notice.title, { body: notice.body, tag: notice.tag, silent: true });
    }
  });

  useEffect(() => api.on('bookings.alert', (payload) => void onAlert(payload)), [api]);

  /** Réservations shows them: the count has done its job. */
  const clear = useCallback(() => setGrouped(null), []);
  return { grouped, clear };
}
