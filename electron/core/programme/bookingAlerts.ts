/**
 * Which booking changes deserve a notification. The first complete bookings sync of an account brings every
 * existing booking as "new" (hundreds): nothing is announced until the `bookings` stream has succeeded once, as
 * recorded in sync_streams (so a restart does not re-arm the silence).
 */
import type { Streams } from '../db/syncStreams';

export function createBookingAlertGate(streams: Streams) {
  const hasSynced = () => streams.all().some((s) => s.name === 'bookings' && s.lastSuccessAt !== null);
  let armed = hasSynced();
  return {
    /** Whether changes brought by the cycle that just ran should be announced; re-arms for the next ones. */
    shouldAnnounce(): boolean {
      const announce = armed;
      armed = hasSynced();
      return announce;
    },
    /** After a cycle (even one with no change), so the first sync of an empty account arms the gate too. */
    cycleDone(): void {
      armed = hasSynced();
    },
  };
}
