/**
 * One rate budget for every call to the platform: 200 requests per rolling minute per key
 * (docs/platform.md), kept with p-queue's sliding window (`strict`), a small margin for the clock and
 * latency differences between us and the platform, and priorities so a cashier's request always goes first.
 * Background sync has its own, smaller sliding window (a configurable share) chained in front.
 * A 429 pauses everything, with a growing back-off (no Retry-After is documented).
 */
import PQueue from 'p-queue';

export type Lane = 'cashier' | 'upload' | 'sync';

const PRIORITY: Record<Lane, number> = { cashier: 3, upload: 2, sync: 1 };
const MINUTE = 60_000;

export interface RateBudgetOptions {
  limitPerMinute?: number;
  /** Share of the budget background sync may use (0..1). */
  backgroundShare?: number;
  now?: () => number;
}

export interface RateBudget {
  schedule<T>(lane: Lane, task: () => Promise<T>): Promise<T>;
  /** After a 429: pause every lane, longer each time until a request succeeds. */
  rateLimited(): void;
  succeeded(): void;
  usage(): { limitPerMinute: number; usedLastMinute: number; backgroundShare: number; pausedUntil: number | null };
  stop(): void;
}

export function createRateBudget(options: RateBudgetOptions = {}): RateBudget {
  const limitPerMinute = options.limitPerMinute ?? 200;
  const backgroundShare = options.backgroundShare ?? 0.5;
  const now = options.now ?? Date.now;
  // 2 % margin: our window counts request starts, the platform's counts arrivals.
  const cap = Math.max(1, Math.floor(limitPerMinute * 0.98));
  const all = new PQueue({ concurrency: 4, interval: MINUTE, intervalCap: cap, strict: true });
  const background = new PQueue({
    concurrency: 2,
    interval: MINUTE,
    intervalCap: Math.max(1, Math.floor(cap * backgroundShare)),
    strict: true,
  });
  const starts: number[] = [];
  let backoffMs = 0;
  let pausedUntil: number | null = null;
  let resumeTimer: NodeJS.Timeout | null = null;

  function run<T>(lane: Lane, task: () => Promise<T>): Promise<T> {
    return all.add(
      () => {
        starts.push(now());
        return task();
      },
      { priority: PRIORITY[lane] },
    ) as Promise<T>;
  }

  return {
    schedule(lane, task) {
      return lane === 'sync' ? (background.add(() => run(lane, task)) as ReturnType<typeof task>) : run(lane, task);
    },
    rateLimited() {
      backoffMs = Math.min(MINUTE, backoffMs === 0 ? 5_000 : backoffMs * 2);
      pausedUntil = now() + backoffMs;
      all.pause();
      if (resumeTimer) clearTimeout(resumeTimer);
      resumeTimer = setTimeout(() => {
        pausedUntil = null;
        all.start();
      }, backoffMs); // kept referenced: requests are waiting on it (stop() clears it)
    },
    succeeded() {
      backoffMs = 0;
    },
    usage() {
      const since = now() - MINUTE;
      while (starts.length > 0 && starts[0]! < since) starts.shift();
      return { limitPerMinute, usedLastMinute: starts.length, backgroundShare, pausedUntil };
    },
    stop() {
      if (resumeTimer) clearTimeout(resumeTimer);
      all.clear();
      background.clear();
    },
  };
}
