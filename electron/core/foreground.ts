/**
 * Scans first. better-sqlite3 and the platform answers' parsing run on the engine's one thread, so a page of a
 * season's sync being mirrored (a few ms of CPU) is a few ms a scan arriving then waits. The guichet's calls are
 * tracked here; background work yields before each heavy step: one turn of the event loop (a scan's frame already
 * received is read first), then it waits until no guichet call is in flight (at most `MAX_WAIT_MS`, so a busy
 * counter never stops the sync for good).
 *
 * A scan can also be announced before its lookup comes (`expectScan`: the page saw a keyboard-wedge scan being
 * typed): background work then waits for that lookup too, for up to `EXPECTED_SCAN_MS`, so the lookup finds the
 * thread free instead of arriving in the middle of a page.
 */
import { GUICHET_CALLS } from '../../shared/channels';

const GUICHET: ReadonlySet<string> = new Set(GUICHET_CALLS);
const MAX_WAIT_MS = 1_000;
/**
 * How long an announced scan is waited for. The page announces it again every 150 ms while its keys come
 * (ANNOUNCE_EVERY_MS in renderer/scanner/useWedgeCapture.ts), and a scanner's suffix follows its last key within
 * 100 ms (MAX_SCAN_GAP_MS).
 */
export const EXPECTED_SCAN_MS = 300;

export function createForeground() {
  const now = () => performance.now();
  let inFlight = 0;
  /** Until when an announced scan's lookup is waited for (0: none announced). */
  let expectedUntil = 0;
  let waiters: (() => void)[] = [];
  let wakeScheduled = false;

  /**
   * Once no guichet call is left in flight, wakes the background work waiting, on the next turn of the event loop:
   * the call's answer is written by promise callbacks that run after this one, and a page woken here at once would
   * be mirrored before that answer goes out.
   */
  function settle(): void {
    inFlight -= 1;
    if (inFlight > 0 || waiters.length === 0 || wakeScheduled) return;
    wakeScheduled = true;
    setImmediate(() => {
      wakeScheduled = false;
      const waiting = waiters;
      waiters = [];
      for (const wake of waiting) wake();
    });
  }

  /** Until `deadline`, or until a guichet call settles with none left in flight. */
  function waitUntil(deadline: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, Math.max(0, deadline - now()));
      waiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  return {
    /** Runs a call, counted while it runs when it is one of the guichet's. */
    track<T>(name: unknown, call: () => Promise<T>): Promise<T> {
      if (typeof name !== 'string' || !GUICHET.has(name)) return call();
      inFlight += 1;
      expectedUntil = 0; // the announced scan (if any) has come: it is waited for as a call in flight now
      return call().finally(settle);
    },
    /** A scan is being typed: its lookup is due within EXPECTED_SCAN_MS. */
    expectScan(): void {
      expectedUntil = now() + EXPECTED_SCAN_MS;
    },
    /** For background work, before a heavy step: the guichet's calls (and an announced scan's) go first. */
    async yieldToScans(): Promise<void> {
      await new Promise((resolve) => setImmediate(resolve));
      const giveUpAt = now() + MAX_WAIT_MS;
      for (;;) {
        const busy = inFlight > 0;
        const expecting = expectedUntil > now();
        if ((!busy && !expecting) || now() >= giveUpAt) return;
        await waitUntil(busy ? giveUpAt : Math.min(expectedUntil, giveUpAt));
      }
    },
  };
}

export type Foreground = ReturnType<typeof createForeground>;
