/**
 * Sends the upload queue to the platform, strictly in order, one row at a time, and settles each row:
 * done; done-with-a-note when a "410 already validated" follows an attempt that may have reached the
 * platform (so nothing counts twice); conflict (kept with its reason for the manager, never dropped);
 * or retried with back-off (network, timeout, 5xx, 429, key refused).
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Logger } from 'pino';
import type { ErrorCode } from '../../../shared/contract';
import { maskToken } from '../../../shared/countermark';
import { t } from '../../../shared/i18n';
import type { BookingCache } from '../db/bookingCache';
import type { Ledger } from '../db/ledger';
import type { Gateway } from '../platform/gateway';
import { isPlatformError, type PlatformError } from '../platform/errors';
import type { Connectivity } from './connectivity';
import type { QueueRow, UploadQueue } from '../db/uploadQueue';
import { describeError } from '../../../shared/errorText';

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
  'booking_refused', // a refusal in words we do not know: retrying would not change it
  'platform_malformed',
]);

const MAX_BACKOFF_MS = 60_000;
/** A retry time read from the database (an earlier run) is never trusted beyond this: the clock may have moved. */
const STORED_RETRY_CAP_MS = MAX_BACKOFF_MS;

export function createUploader(deps: UploaderDeps) {
  const { queue, gateway, ledger, cache, logger } = deps;
  const now = () => deps.clock().toISOString();
  let draining: Promise<void> | null = null;
  let wakeTimer: NodeJS.Timeout | null = null;
  let stopped = false;
  /** A paired secondary counter's queue is its main counter's to send (hand-over, issue 14): held meanwhile. */
  let paused = false;
  const waiters = new Map<number, Set<(s: Settlement) => void>>();
  /**
   * When each row may be tried again, on the monotonic clock (performance.now): setting the PC's clock back or
   * forth changes nothing. `next_attempt_at` in the database is only what the screen shows and what a restart
   * starts from (capped, see dueInMs).
   */
  const retryAt = new Map<number, number>();
  /** The row being sent now: a waiter for it needs no look at the database (a validation's critical path). */
  let sendingId: number | null = null;

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

  /** Stores the retry (wall-clock time, for the screen) and times it on the monotonic clock. */
  function scheduleRetry(id: number, reason: string, delayMs: number, mayHaveReached: boolean): void {
    retryAt.set(id, performance.now() + delayMs);
    queue.markRetry(id, reason, new Date(deps.clock().getTime() + delayMs).toISOString(), mayHaveReached);
  }

  /** How long row `row` must still wait: the monotonic time set here, else its stored time capped. */
  function dueInMs(row: QueueRow): number {
    const due = retryAt.get(row.id);
    if (due !== undefined) return due - performance.now();
    if (!row.nextAttemptAt) return 0;
    const stored = new Date(row.nextAttemptAt).getTime() - deps.clock().getTime();
    const wait = Number.isFinite(stored) ? Math.min(stored, STORED_RETRY_CAP_MS) : 0;
    // From now on this run times it on the monotonic clock.
    if (wait > 0) retryAt.set(row.id, performance.now() + wait);
    return wait;
  }

  function retryLater(row: QueueRow, error: PlatformError): Settlement {
    const attempts = row.attempts + 1;
    const delay = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** Math.min(attempts - 1, 6)) * (0.8 + Math.random() * 0.4);
    const reached =
      error.code === 'platform_timeout' || error.code === 'platform_unreachable' || (error.status ?? 0) >= 500;
    scheduleRetry(row.id, t('sync.retry_later', { reason: error.message }), delay, reached);
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

  /**
   * Sends one row; null when another worker holds it (it must then not be sent from here). `accepted`: pass Culture
   * took it, and the row is still to be marked as sent (markSentAfterReply).
   */
  async function send(row: QueueRow): Promise<Settlement | 'accepted' | null> {
    retryAt.delete(row.id);
    // A row added as "sending" by the guichet was marked (and claimed) in its own transaction; count that attempt once.
    if (row.state === 'sending' && row.attempts === 1 && !row.mayHaveReached) row = { ...row, attempts: 0 };
    else if (!queue.markSending(row)) return null;
    if (row.action === 'use' && row.provisional) {
      const refused = await checkProvisional(row);
      if (refused) return refused;
    }
    try {
      await gateway('upload', (c) => (row.action === 'use' ? c.useToken(row.token) : c.keepToken(row.token)));
      return 'accepted';
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

  /**
   * pass Culture took the row: whoever waits for it (the cashier's validation) is answered first, and the row's
   * "sent" mark, a relaxed write (durability.ts), is made on the next turn of the event loop, once that answer has
   * gone. Until then the row still reads as `sending`; a crash in between leaves it so, and the next start sends it
   * again as one that may have reached the platform, whose "already used" then settles it once (as for any lost
   * "sent" mark). The status line and `upload.settled` come after the mark (drainLoop), so no screen reads the row
   * as still waiting.
   */
  async function markSentAfterReply(row: QueueRow): Promise<'sent'> {
    for (const resolve of waiters.get(row.id) ?? []) resolve('sent');
    waiters.delete(row.id);
    await nextTurn();
    queue.markDone(row.id);
    return 'sent';
  }

  function scheduleWake(delayMs: number): void {
    if (stopped) return;
    const delay = Math.max(0, delayMs);
    if (wakeTimer) clearTimeout(wakeTimer);
    wakeTimer = setTimeout(() => {
      wakeTimer = null;
      void drain();
    }, delay);
    wakeTimer.unref();
  }

  async function drainLoop(): Promise<void> {
    for (;;) {
      if (stopped || paused || !deps.connectivity().isOnline()) return;
      const row = queue.next();
      if (!row) return;
      const wait = dueInMs(row);
      if (wait > 0) return scheduleWake(wait);
      let settlement: Settlement | null;
      sendingId = row.id;
      try {
        const sent = await send(row);
        settlement = sent === 'accepted' ? await markSentAfterReply(row) : sent;
      } catch (error) {
        logger.error({ err: describeError(error), queueId: row.id }, 'upload failed unexpectedly');
        scheduleRetry(row.id, t('sync.retry_later', { reason: describeError(error) }), 5000, true);
        settlement = 'pending';
      } finally {
        sendingId = null;
      }
      if (settlement === null) return; // another worker holds it
      settle(row.id, settlement);
      if (settlement === 'sent') deps.onSettled?.(row, settlement, null);
      if (settlement === 'conflict') deps.onSettled?.(row, settlement, queue.get(row.id)?.reason ?? null);
      if (settlement === 'pending') {
        const fresh = queue.get(row.id);
        if (fresh) scheduleWake(dueInMs(fresh));
        return;
      }
      // The cashier waiting for this row is answered before the next row is even looked for: one turn of the event
      // loop, so the guichet's reply does not wait for the queue's next read (a validation's critical path).
      await nextTurn();
    }
  }

  /**
   * Sends what can be sent now. Calls made while a run is going share one follow-up run, which starts when that
   * one ends: every caller's promise resolves after a run that began after its call (no lost wake-up, and
   * "Synchroniser maintenant" really waits for the queue).
   */
  let followUp: Promise<void> | null = null;
  function drain(): Promise<void> {
    if (followUp) return followUp;
    if (draining) {
      followUp = draining.then(() => {
        followUp = null;
        return stopped ? undefined : drain();
      });
      return followUp;
    }
    draining = (async () => {
      try {
        await drainLoop();
      } catch (error) {
        // Even settling a row failed (e.g. the disk is full): the row stays as it is, tried again later.
        logger.error({ err: describeError(error) }, 'upload queue paused');
        scheduleWake(5_000);
      }
    })().finally(() => {
      draining = null;
    });
    return draining;
  }

  return {
    drain,
    /** "Synchroniser maintenant": every waiting row is tried at once, whatever its back-off said. */
    retryNow(): void {
      retryAt.clear();
      queue.clearRetryTimes();
      if (wakeTimer) clearTimeout(wakeTimer);
      wakeTimer = null;
    },
    /** Resolves when row `id` settles, or with `pending` after `timeoutMs`. */
    waitFor(id: number, timeoutMs: number): Promise<Settlement> {
      const row = id === sendingId ? undefined : queue.get(id);
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
    /** Stops sending; resolves once the row being sent (if any) has settled, so no row is left `sending`. */
    async pause(): Promise<void> {
      paused = true;
      await (followUp ?? draining);
    },
    resume(): void {
      if (!paused) return;
      paused = false;
      void drain();
    },
    stop(): Promise<void> {
      stopped = true;
      if (wakeTimer) clearTimeout(wakeTimer);
      return followUp ?? draining ?? Promise.resolve();
    },
  };
}

export type Uploader = ReturnType<typeof createUploader>;
