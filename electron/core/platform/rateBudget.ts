/**
 * One rate budget for every call to the platform: 200 requests per rolling minute per key
 * (docs/platform.md), kept with p-queue's sliding window (`strict`), a small margin for the clock and
 * latency differences between us and the platform, and priorities so a cashier's request always goes first.
 * Background sync has its own, smaller sliding window (a configurable share) chained in front.
 *
 * A 429 pauses the queue with a growing back-off (no Retry-After is documented). A cashier is never held by it:
 * - a call may carry an AbortSignal (its deadline): aborted while queued, it leaves the queue at once and fails
 *   with `rate_limited` (status null: the platform said nothing), so the guichet answers from local data;
 * - during a pause one request at a time — a cashier's, or the connectivity probe — goes through as a probe:
 *   its success ends the pause early, another 429 lengthens it. Other cashier calls that cannot be served before
 *   their deadline fail at once rather than wait for nothing.
 * Delays are measured on the monotonic clock: setting the PC's clock back or forth never stretches a pause.
 */
import { setMaxListeners } from 'node:events';
import PQueue from 'p-queue';
import { t } from '../../../shared/i18n';
import { PlatformError } from './errors';

export type Lane = 'cashier' | 'upload' | 'sync';

const PRIORITY: Record<Lane, number> = { cashier: 3, upload: 2, sync: 1 };
const MINUTE = 60_000;

export interface RateBudgetOptions {
  limitPerMinute?: number;
  /** Share of the budget background sync may use (0..1). */
  backgroundShare?: number;
  /** Monotonic milliseconds (performance.now by default); tests inject their own. */
  monotonic?: () => number;
}

export interface ScheduleOptions {
  /** Aborted when the caller gives up (its deadline): the call leaves the queue and fails with `rate_limited`. */
  signal?: AbortSignal;
}

export interface RateBudget {
  schedule<T>(lane: Lane, task: () => Promise<T>, options?: ScheduleOptions): Promise<T>;
  /** After a 429: pause every lane, longer each time until a request succeeds. */
  rateLimited(): void;
  /** A request went through: the back-off resets and a pause ends. */
  succeeded(): void;
  usage(): { limitPerMinute: number; usedLastMinute: number; backgroundShare: number; pausedUntil: number | null };
  stop(): void;
}

const NOTHING_TO_RELEASE = () => {};

/** The error of a call that the budget could not serve before its caller gave up. */
export function budgetExhausted(): PlatformError {
  return new PlatformError('rate_limited', { status: null, message: t('errors.rate_limited_local') });
}

export function createRateBudget(options: RateBudgetOptions = {}): RateBudget {
  const limitPerMinute = options.limitPerMinute ?? 200;
  const backgroundShare = options.backgroundShare ?? 0.5;
  const monotonic = options.monotonic ?? (() => performance.now());
  // 2 % margin: our window counts request starts, the platform's counts arrivals.
  const cap = Math.max(1, Math.floor(limitPerMinute * 0.98));
  // Uploads go one at a time and background sync two at a time: with six slots a cashier always finds one.
  const all = new PQueue({ concurrency: 6, interval: MINUTE, intervalCap: cap, strict: true });
  const background = new PQueue({
    concurrency: 2,
    interval: MINUTE,
    intervalCap: Math.max(1, Math.floor(cap * backgroundShare)),
    strict: true,
  });
  const starts: number[] = [];
  let backoffMs = 0;
  /** Monotonic time the pause ends, null when not paused. */
  let pausedUntil: number | null = null;
  let resumeTimer: NodeJS.Timeout | null = null;
  let probeInFlight = false;
  let stopped = false;
  /** Aborted by stop(): whatever still waits in the queues leaves it and fails, so closing never hangs. */
  const lifetime = new AbortController();
  // Every call waiting in the budget listens to it (linkToLifetime): a storm of scans is not a leak.
  setMaxListeners(0, lifetime.signal);

  function usedLastMinute(): number {
    const since = monotonic() - MINUTE;
    while (starts.length > 0 && starts[0]! < since) starts.shift();
    return starts.length;
  }

  function resume(): void {
    pausedUntil = null;
    if (resumeTimer) clearTimeout(resumeTimer);
    resumeTimer = null;
    if (!stopped) all.start();
  }

  /** Runs `task` past the paused queue, as the one probe allowed through a 429 pause. */
  async function probe<T>(task: () => Promise<T>): Promise<T> {
    probeInFlight = true;
    starts.push(monotonic());
    try {
      return await task();
    } finally {
      probeInFlight = false;
    }
  }

  /**
   * The caller's signal joined to the budget's lifetime, with plain listeners removed once the call settles
   * (AbortSignal.any costs more and keeps its sources alive: this runs on every request).
   */
  function linkToLifetime(callerSignal: AbortSignal | undefined): { signal: AbortSignal; release: () => void } {
    if (!callerSignal) return { signal: lifetime.signal, release: NOTHING_TO_RELEASE };
    const joined = new AbortController();
    if (callerSignal.aborted || lifetime.signal.aborted) {
      joined.abort();
      return { signal: joined.signal, release: NOTHING_TO_RELEASE };
    }
    const abort = () => joined.abort();
    callerSignal.addEventListener('abort', abort, { once: true });
    lifetime.signal.addEventListener('abort', abort, { once: true });
    return {
      signal: joined.signal,
      release: () => {
        callerSignal.removeEventListener('abort', abort);
        lifetime.signal.removeEventListener('abort', abort);
      },
    };
  }

  function startsAtOnce(): boolean {
    return (
      !stopped &&
      pausedUntil === null &&
      !all.isPaused &&
      all.size === 0 &&
      all.pending < all.concurrency &&
      usedLastMinute() < cap - 1
    );
  }

  function run<T>(lane: Lane, task: () => Promise<T>, signal: AbortSignal | undefined): Promise<T> {
    const queued = all.add(
      () => {
        starts.push(monotonic());
        return task();
      },
      { priority: PRIORITY[lane], ...(signal ? { signal } : {}) },
    ) as Promise<T>;
    // A caller that gave up was removed from the queue: it learns so as a budget error, never as an AbortError.
    return signal
      ? queued.catch((error: unknown) => Promise.reject(signal.aborted ? budgetExhausted() : error))
      : queued;
  }

  return {
    schedule(lane, task, scheduleOptions = {}) {
      // Nothing waiting, a free slot, room in the window (one start to spare, for the clock p-queue reads): p-queue
      // starts the task inside `add`. A caller's deadline only ever mattered in the queue, and its listeners cost
      // a cashier's call about 25 µs each way (p-queue's on the signal, the link to the budget's lifetime).
      if (lane !== 'sync' && startsAtOnce()) return run(lane, task, undefined);
      const link = linkToLifetime(scheduleOptions.signal);
      const { signal } = link;
      if (signal.aborted) {
        link.release();
        return Promise.reject(budgetExhausted());
      }
      let scheduled: ReturnType<typeof task>;
      if (pausedUntil !== null && lane === 'cashier' && !probeInFlight && usedLastMinute() < cap) {
        scheduled = probe(task);
      } else if (pausedUntil !== null && lane === 'cashier' && scheduleOptions.signal) {
        // Someone is already probing: a caller with a deadline that ends before the pause does waits for nothing.
        scheduled = Promise.reject(budgetExhausted());
      } else if (lane !== 'sync') {
        scheduled = run(lane, task, signal);
      } else {
        scheduled = background
          .add(() => run(lane, task, signal), { signal })
          .catch((error: unknown) => Promise.reject(signal.aborted ? budgetExhausted() : error)) as ReturnType<
          typeof task
        >;
      }
      return link.release === NOTHING_TO_RELEASE ? scheduled : scheduled.finally(link.release);
    },
    rateLimited() {
      backoffMs = Math.min(MINUTE, backoffMs === 0 ? 5_000 : backoffMs * 2);
      pausedUntil = monotonic() + backoffMs;
      all.pause();
      if (resumeTimer) clearTimeout(resumeTimer);
      // setTimeout runs on the monotonic clock. Kept referenced: requests are waiting on it (stop() clears it).
      resumeTimer = setTimeout(resume, backoffMs);
    },
    succeeded() {
      backoffMs = 0;
      if (pausedUntil !== null) resume();
    },
    usage() {
      const remaining = pausedUntil === null ? null : Math.max(0, pausedUntil - monotonic());
      return {
        limitPerMinute,
        usedLastMinute: usedLastMinute(),
        backgroundShare,
        pausedUntil: remaining === null ? null : Date.now() + remaining,
      };
    },
    stop() {
      stopped = true;
      if (resumeTimer) clearTimeout(resumeTimer);
      lifetime.abort();
    },
  };
}
