/** Contract handlers of the sync/offline side: status, mirror screens, upload queue and conflicts. */
import type { QueueItem, StatusView } from '../../../shared/contract';
import type { Guichet } from '../counter/guichet';
import { ContractFailure } from '../contractFailure';
import type { RateBudget } from '../platform/rateBudget';
import type { Connectivity } from '../sync/connectivity';
import type { MirrorQueries } from '../sync/mirrorQueries';
import type { Scheduler } from '../sync/scheduler';
import type { Streams } from '../db/syncStreams';
import type { UploadQueue } from '../db/uploadQueue';

export interface SyncHandlerDeps {
  clock: () => Date;
  guichet: Guichet;
  queue: UploadQueue;
  streams: Streams;
  budget: RateBudget;
  scheduler: Scheduler;
  mirrorQueries: MirrorQueries;
  status: () => StatusView;
  timeZone: () => string;
  connectivity: () => Connectivity;
  publishStatus: () => void;
  /** Forgets upload back-offs: "Synchroniser maintenant" tries every waiting row at once. */
  retryUploadsNow: () => void;
}

type ListedRow = ReturnType<UploadQueue['list']>[number];

function queueItem({ row, firstName, lastName, offerName }: ListedRow): QueueItem {
  return {
    id: row.id,
    ledgerId: row.ledgerId,
    action: row.action,
    token: row.token,
    bookingId: row.bookingId,
    provisional: row.provisional,
    state: row.state,
    attempts: row.attempts,
    reason: row.reason,
    note: row.note,
    comment: row.comment,
    createdAt: row.createdAt,
    lastAttemptAt: row.lastAttemptAt,
    doneAt: row.doneAt,
    beneficiary: firstName === null ? null : `${firstName} ${lastName ?? ''}`.trim(),
    offerName,
    personName: row.personName,
    counterName: row.counterName,
  };
}

export function syncHandlers(d: SyncHandlerDeps) {
  function itemOf(id: number): QueueItem {
    const listed = d.queue
      .list(['pending', 'sending', 'done', 'conflict', 'handled'], 1_000_000)
      .find((r) => r.row.id === id);
    if (!listed) throw new ContractFailure('invalid_input', 'Élément introuvable dans la file d’envoi.');
    return queueItem(listed);
  }

  return {
    'status.get': () => d.status(),
    'counter.validateProvisional': ({
      token,
      bookingId,
      acceptOtherSeance,
    }: {
      token: string;
      bookingId: number;
      acceptOtherSeance?: boolean;
    }) => d.guichet.validateProvisional(token, bookingId, { acceptOtherSeance }),
    'bookings.search': ({ query, scope, limit }: { query: string; scope: 'moment' | 'all'; limit?: number }) => ({
      bookings: d.mirrorQueries.search(query, scope, limit),
    }),
    'bookings.forSeance': ({ stockId, query }: { stockId: number; query?: string }) => ({
      seance: d.mirrorQueries.seance(stockId),
      bookings: d.mirrorQueries.forSeance(stockId, query),
    }),
    'programme.list': ({ fromDay, days }: { fromDay?: string; days: number }) =>
      d.mirrorQueries.programme(fromDay, days, d.timeZone()),
    'programme.poster': ({ offerId }: { offerId: number }) => ({ dataUrl: d.mirrorQueries.poster(offerId) }),
    'sync.overview': () => {
      const usage = d.budget.usage();
      return {
        status: d.status(),
        queue: d.queue.list(['pending', 'sending'], 500).map(queueItem),
        conflicts: d.queue.list(['conflict'], 500).map(queueItem),
        recent: d.queue.list(['done', 'handled'], 30, true).map(queueItem),
        streams: d.streams.all().map(({ name, lastRunAt, lastSuccessAt, lastError }) => ({
          name,
          lastRunAt,
          lastSuccessAt,
          lastError,
        })),
        budget: {
          ...usage,
          pausedUntil: usage.pausedUntil === null ? null : new Date(usage.pausedUntil).toISOString(),
        },
      };
    },
    'sync.now': async () => {
      d.scheduler.refreshAll();
      d.retryUploadsNow();
      if (!d.connectivity().isOnline()) await d.connectivity().probeNow();
      await d.scheduler.cycle();
      return d.status();
    },
    'sync.retry': ({ id }: { id: number }) => {
      d.queue.retry(id);
      d.publishStatus();
      void d.scheduler.cycle();
      return itemOf(id);
    },
    'sync.markHandled': ({ id, comment }: { id: number; comment: string }) => {
      d.queue.markHandled(id, comment);
      d.publishStatus();
      return itemOf(id);
    },
  } as const;
}
