/**
 * The sync that runs behind the counter, as the engine composes it: the uploader (the ledger's rows to pass Culture),
 * the mirror sync (programme and bookings from it), the scheduler that runs both, and what a sync brought, told to
 * the screens (`bookings.changed`, and the notifications' `bookings.alert`).
 */
import type { Logger } from 'pino';
import { ALERT_ROWS } from '../../../shared/contract-programme';
import { errorMessage } from '../../../shared/errorText';
import type { MirrorChanges } from '../db/bookingCache';
import type { Stores } from '../db/stores';
import type { EngineEvents } from '../engineEvents';
import type { Gateway } from '../platform/gateway';
import { createBookingAlertGate } from '../programme/bookingAlerts';
import type { Standings } from '../counter/validationStanding';
import type { Connectivity } from './connectivity';
import { createMirrorQueries } from './mirrorQueries';
import { createMirrorSync } from './mirrorSync';
import { createScheduler } from './scheduler';
import { createUploader } from './uploader';

export interface BackgroundSyncDeps {
  stores: Stores;
  gateway: Gateway;
  connectivity: () => Connectivity;
  venueIds: () => Promise<number[]>;
  /** Before each page the sync mirrors: the guichet's calls first, the WAL's catch-up (index.ts). */
  beforePageWrite: () => Promise<void>;
  standings: Standings;
  events: EngineEvents;
  publishStatus: () => void;
  counterName: string;
  /** Sync cycle period in ms (CoreDeps.syncPeriodMs). */
  periodMs: number;
  clock: () => Date;
  posterDir: string;
  logger: Logger;
}

export function createBackgroundSync(d: BackgroundSyncDeps) {
  const { stores, events, clock, logger } = d;
  const { ledger, cache, queue, streams, settings } = stores;
  const mirrorQueries = createMirrorQueries({
    bookings: stores.bookingSearch,
    seances: stores.seances,
    offers: stores.offers,
    standings: d.standings,
    clock,
    posterDir: d.posterDir,
  });
  const uploader = createUploader({
    queue,
    gateway: d.gateway,
    ledger,
    cache,
    connectivity: d.connectivity,
    counterName: d.counterName,
    clock,
    logger,
    onChange: () => d.publishStatus(),
    onSettled: (row, settlement, reason) =>
      events.emit('upload.settled', {
        ledgerId: row.ledgerId,
        action: row.action,
        state: settlement === 'sent' ? 'done' : 'conflict',
        reason,
      }),
  });
  const mirror = createMirrorSync({
    offers: stores.offers,
    seances: stores.seances,
    facts: stores.bookingFacts,
    settings,
    gateway: d.gateway,
    cache,
    streams,
    venueIds: d.venueIds,
    clock,
    beforePageWrite: d.beforePageWrite,
    posterDir: d.posterDir,
    logger,
  });
  // Notifications stay silent during an account's first complete bookings sync.
  const alertGate = createBookingAlertGate(streams);
  const scheduler = createScheduler({
    uploader,
    queue,
    mirror,
    streams,
    connectivity: d.connectivity,
    clock,
    logger,
    periodMs: d.periodMs,
    onCycleDone: () => {
      alertGate.cycleDone();
      d.publishStatus();
    },
    onBookingsChanged: (changes) => {
      try {
        announceBookings(changes);
      } catch (error) {
        logger.error({ err: errorMessage(error) }, 'bookings brought by sync not announced');
      }
    },
    onProgrammeChanged: () => events.emit('programme.changed', {}),
  });

  /**
   * What a sync brought, to whoever listens: the booking ids (screens refresh their lists), and when it is worth a
   * notification (decided now, before the cycle ends and arms the gate) the first rows for its words. A first sync
   * brings the whole season: its rows are never read nor sent.
   */
  function announceBookings(changes: MirrorChanges): void {
    const alert = alertGate.shouldAnnounce();
    if (!events.hasListeners()) return;
    const cancelledIds = changes.changed.filter((c) => c.to === 'CANCELLED').map((c) => c.bookingId);
    events.emit('bookings.changed', { added: changes.added, cancelled: cancelledIds });
    if (!alert || (changes.added.length === 0 && cancelledIds.length === 0)) return;
    if (!stores.isOpen()) return;
    events.emit('bookings.alert', {
      added: mirrorQueries.byIds(changes.added.slice(0, ALERT_ROWS)),
      cancelled: mirrorQueries.byIds(cancelledIds.slice(0, ALERT_ROWS)),
      addedCount: changes.added.length,
      cancelledCount: cancelledIds.length,
    });
  }

  return { mirrorQueries, uploader, scheduler };
}

export type BackgroundSync = ReturnType<typeof createBackgroundSync>;
