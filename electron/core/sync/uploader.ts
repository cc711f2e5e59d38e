/**
 * Sends the upload queue to the platform, strictly in order, one row at a time, and settles each row:
 * done; done-with-a-note when a "410 already validated" follows an attempt that may have reached the
 * platform (so nothing counts twice); conflict (kept with its reason for the manager, never dropped);
 * or retried with back-off (network, timeout, 5xx, 429, key refused).
 */
import type { Logger } from 'pino';
import type { ErrorCode } from '../../../shared/contract';
import { maskToken } from '../../../shared/countermark';
import { t } from '../../../shared/i18n';
import type { BookingCache } from '../db/bookingCache';
import type { Ledger } from '../db/ledger';
import type { Gateway } from '../platform/gateway';
import { isPlatformError, type PlatformError } from '../platform/errors';
import type { Connectivity } from './connectivity';
import type { QueueRow, UploadQueue } from './uploadQueue';

export type Settlement = 'sent' | 'pending' | 'conflict';

export interface UploaderDeps {
  queue: UploadQueue;
  gateway: Gateway;
  ledger: Ledger;
  cache: BookingCache;
  connectivity: () => Connectivity;
  counterName: string;
  clock: () => Date;
  logger: Logger;
  onChange: () => void;
  /** A row left the queue (sent, or refused as a conflict with its French reason): e.g. a "sera envoyée" panel. */
  onSettled?: (row: QueueRow, settlement: 'sent' | 'conflict', reason: string | null) => void;
}

/** Refusals that say something about the booking: kept as conflicts for the manager. */
const CONFLICTS = new Set<ErrorCode>([
  'countermark_unknown',
  'already_used',
  'cancelled',
  'reimbursed',
  'not_confirmed',
  'offerer_closed',
  'not_used',
  'platform_malformed',
]);

const MAX_BACKOFF_MS = 60_000;

export function createUploader(deps: UploaderDeps) {
  const { queue, gateway, ledger, cache, logger } = deps;
  const now = () => deps.clock().toISOString();
  let draining: Promise<void> | null = null;
  let again = false;
  let wakeTimer: NodeJS.Timeout | null = null;
  let stopped = false;
  const waiters = new Map<number, Set<(s: Settlement) => void>>();

  function settle(id: number, settlement: Settlement): void {
    for (const resolve of waiters.get(id) ?? []) resolve(settlement);
    waiters.delete(id);
    deps.onChange();
  }

  function appendUploadRow(row: QueueRow, outcome: string, error: PlatformError | null): void {
    ledger.append({
      at: now(),
      counterName: deps.counterName,
      kind: 'upload',
      token: row.token,
      bookingId: row.bookingId,
      outcome,
      platformStatus: error?.status ?? null,
      platformAnswer: error ? { code: error.code, body: error.body } : null,
    });
  }

  function conflict(row: QueueRow, code: string, reason: string, error: PlatformError | null): Settlement {
    queue.markConflict(row.id, code, reason);
    appendUploadRow(row, `${row.action}_conflict`, error);
    logger.warn({ token: maskToken(row.token), code, queueId: row.id }, 'upload conflict');
    return 'conflict';
  }

  function noted(row: QueueRow, note: string): Settlement {
    queue.markDone(row.id, note);
    appendUploadRow(row, `${row.action}_noted`, null);
    return 'sent';
  }

  function retryLater(row: QueueRow, error: PlatformError): Settlement {
    const attempts = row.attempts + 1;
    const delay = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** Math.min(attempts - 1, 6)) * (0.8 + Math.random() * 0.4);
    const reached =
      error.code === 'platform_timeout' || error.code === 'platform_unreachable' || (error.status ?? 0) >= 500;
    queue.markRetry(
      row.id,
      t('sync.retry_later', { reason: error.message }),
      new Date(deps.clock().getTime() + delay).toISOString(),
      reached,
    );
    return 'pending';
  }

  /** A provisional validation: the token must belong to the booking the cashier chose by name. */
  async function checkProvisional(row: QueueRow): Promise<Settlement | null> {
    try {
      const booking = await gateway('upload', (c) => c.getBookingByToken(row.token));
      if (booking.id !== row.bookingId) {
        return conflict(row, 'token_other_booking', t('sync.token_other_booking'), null);
      }
      cache.remember(row.token, booking, now());
      return null;
    } catch (error) {
      if (!isPlatformError(error)) throw error;
      if (error.code === 'already_used' && row.mayHaveReached) return noted(row, t('sync.noted_already_used'));
      if (error.code === 'already_used') return conflict(row, 'used_elsewhere', t('sync.used_elsewhere'), error);
      if (CONFLICTS.has(error.code)) return conflict(row, error.code, error.message, error);
      return retryLater(row, error);
    }
  }

  async function send(row: QueueRow): Promise<Settlement> {
    // A row added as "sending" by the guichet was marked in its own transaction; count that attempt once.
    if (row.state === 'sending' && row.attempts === 1 && !row.mayHaveReached) row = { ...row, attempts: 0 };
    else queue.markSending(row);
    if (row.action === 'use' && row.provisional) {
      const refused = await checkProvisional(row);
      if (refused) return refused;
    }
    try {
      await gateway('upload', (c) => (row.action === 'use' ? c.useToken(row.token) : c.keepToken(row.token)));
      queue.markDone(row.id);
      return 'sent';
    } catch (error) {
      if (!isPlatformError(error)) throw error;
      // The earlier attempt did reach the platform: the state we wanted is there; count it once.
      if (row.action === 'use' && error.code === 'already_used') {
        return row.mayHaveReached
          ? noted(row, t('sync.noted_already_used'))
          : conflict(row, 'used_elsewhere', t('sync.used_elsewhere'), error);
      }
      if (row.action === 'keep' && error.code === 'not_used' && row.mayHaveReached)
        return noted(row, t('sync.noted_not_used'));
      if (CONFLICTS.has(error.code)) {
        if (row.bookingId !== null && error.code === 'cancelled') cache.setStatus(row.bookingId, 'CANCELLED', now());
        return conflict(row, error.code, error.message, error);
      }
      return retryLater(row, error);
    }
  }

  function scheduleWake(row: QueueRow): void {
    if (stopped || !row.nextAttemptAt) return;
    const delay = Math.max(0, new Date(row.nextAttemptAt).getTime() - deps.clock().getTime());
    if (wakeTimer) clearTimeout(wakeTimer);
    wakeTimer = setTimeout(() => {
      wakeTimer = null;
      void drain();
    }, delay);
    wakeTimer.unref();
  }

  async function drainLoop(): Promise<void> {
    for (;;) {
      if (stopped || !deps.connectivity().isOnline()) return;
      const row = queue.next();
      if (!row) return;
      if (row.nextAttemptAt && row.nextAttemptAt > now()) return scheduleWake(row);
      let settlement: Settlement;
      try {
        settlement = await send(row);
      } catch (error) {
        logger.error({ err: error, queueId: row.id }, 'upload failed unexpectedly');
        queue.markRetry(row.id, String(error), new Date(deps.clock().getTime() + 5000).toISOString(), true);
        settlement = 'pending';
      }
      settle(row.id, settlement);
      if (settlement === 'sent') deps.onSettled?.(row, settlement, null);
      if (settlement === 'conflict') deps.onSettled?.(row, settlement, queue.get(row.id)?.reason ?? null);
      if (settlement === 'pending') {
        const fresh = queue.get(row.id);
        if (fresh) scheduleWake(fresh);
        return;
      }
    }
  }

  /** Sends what can be sent now. Concurrent calls share one run (a second run follows if asked during it). */
  function drain(): Promise<void> {
    if (draining) {
      again = true;
      return draining;
    }
    draining = (async () => {
      do {
        again = false;
        await drainLoop();
      } while (again && !stopped);
    })().finally(() => {
      draining = null;
    });
    return draining;
  }

  return {
    drain,
    /** Resolves when row `id` settles, or with `pending` after `timeoutMs`. */
    waitFor(id: number, timeoutMs: number): Promise<Settlement> {
      const row = queue.get(id);
      if (row?.state === 'done') return Promise.resolve('sent');
      if (row?.state === 'conflict') return Promise.resolve('conflict');
      return new Promise((resolve) => {
        const set = waiters.get(id) ?? new Set();
        waiters.set(id, set);
        const timer = setTimeout(() => {
          set.delete(resolve);
          resolve('pending');
        }, timeoutMs);
        set.add((s) => {
          clearTimeout(timer);
          resolve(s);
        });
      });
    },
    isDraining: () => draining !== null,
    stop(): Promise<void> {
      stopped = true;
      if (wakeTimer) clearTimeout(wakeTimer);
      return draining ?? Promise.resolve();
    },
  };
}

export type Uploader = ReturnType<typeof createUploader>;
