/**
 * Scans first. better-sqlite3 and the platform answers' parsing run on the engine's one thread, so a page of a
 * season's sync being mirrored (a few ms of CPU) is a few ms a scan arriving then waits. The guichet's calls are
 * tracked here; background work yields before each heavy step: one turn of the event loop (a scan's frame already
 * received is read first), then it waits until no guichet call is in flight (at most `MAX_WAIT_MS`, so a busy
 * counter never stops the sync for good).
 */
import { GUICHET_CALLS } from '../../shared/channels';

const GUICHET: ReadonlySet<string> = new Set(GUICHET_CALLS);
const MAX_WAIT_MS = 1_000;

export function createForeground() {
  let inFlight = 0;
  let waiters: (() => void)[] = [];

  function settle(): void {
    inFlight -= 1;
    if (inFlight > 0) return;
    const waiting = waiters;
    waiters = [];
    for (const wake of waiting) wake();
  }

  return {
    /** Runs a call, counted while it runs when it is one of the guichet's. */
    track<T>(name: unknown, call: () => Promise<T>): Promise<T> {
      if (typeof name !== 'string' || !GUICHET.has(name)) return call();
      inFlight += 1;
      return call().finally(settle);
    },
    /** For background work, before a heavy step: the guichet's calls go first. */
    async yieldToScans(): Promise<void> {
      await new Promise((resolve) => setImmediate(resolve));
      if (inFlight === 0) return;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, MAX_WAIT_MS);
        waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    },
  };
}

export type Foreground = ReturnType<typeof createForeground>;
