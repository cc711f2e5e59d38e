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
 *
 * The print queue yields too, between slips (`yieldToLookups`), but only to a scan's lookup: a validation in flight
 * may be waiting for the platform, and its own slip must not wait for that.
 */
import { GUICHET_CALLS } from '../../shared/channels';

const GUICHET: ReadonlySet<string> = new Set(GUICHET_CALLS);
/** The calls that answer a scan (or a search) with a verdict: what a cashier waits for, looking at the screen. */
const LOOKUPS: ReadonlySet<string> = new Set([
  'counter.lookup',
  'counter.resolveCandidates',
  'bookings.search',
] satisfies (typeof GUICHET_CALLS)[number][]);
const MAX_WAIT_MS = 1_000;
/** The longest a slip waits for scans: a slip is what the person at the counter is waiting for too. */
const MAX_SLIP_WAIT_MS = 300;
/**
 * How long an announced scan is waited for. The page announces it again every 150 ms while its keys come
 * (ANNOUNCE_EVERY_MS in renderer/scanner/useWedgeCapture.ts), and a scanner's suffix follows its last key within
 * 100 ms (MAX_SCAN_GAP_MS).
 */
export const EXPECTED_SCAN_MS = 300;

export function createForeground() {
  const now = () => performance.now();
  let inFlight = 0;
  let lookupsInFlight = 0;
  /** Until when an announced scan's lookup is waited for (0: none announced). */
  let expectedUntil = 0;
  let waiters: (() => void)[] = [];
  let wakeScheduled = false;

  /**
   * Wakes every waiter when a guichet call ends (each checks again what it waits for), on the next turn of the
   * event loop: the call's answer is written by promise callbacks that run after this one, and background work
   * woken here at once would run its next step (a slip rendered and sent, a page mirrored) before that answer
   * goes out.
   */
  function settle(lookup: boolean): void {
    inFlight -= 1;
    if (lookup) lookupsInFlight -= 1;
    if (waiters.length === 0 || wakeScheduled) return;
    wakeScheduled = true;
    setImmediate(() => {
      wakeScheduled = false;
      const waiting = waiters;
      waiters = [];
      for (const wake of waiting) wake();
    });
  }

  /** Until `deadline`, or until a guichet call settles. */
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
      const lookup = LOOKUPS.has(name);
      inFlight += 1;
      if (lookup) lookupsInFlight += 1;
      expectedUntil = 0; // the announced scan (if any) has come: it is waited for as a call in flight now
      return call().finally(() => settle(lookup));
    },
    /** A scan is being typed: its lookup is due within EXPECTED_SCAN_MS. */
    expectScan(): void {
      expectedUntil = now() + EXPECTED_SCAN_MS;
    },
    /** For background work, before a heavy step: the guichet's calls (and an announced scan's) go first. */
    yieldToScans(): Promise<void> {
      return yieldWhile(() => inFlight > 0, MAX_WAIT_MS);
    },
    /** For the print queue, before a slip: a scan's lookup (announced or in flight) goes first. */
    yieldToLookups(): Promise<void> {
      return yieldWhile(() => lookupsInFlight > 0, MAX_SLIP_WAIT_MS);
    },
  };

  /** One turn of the event loop, then waits while `busy()` or a scan is announced, for at most `maxWaitMs`. */
  async function yieldWhile(busy: () => boolean, maxWaitMs: number): Promise<void> {
    await new Promise((resolve) => setImmediate(resolve));
    const giveUpAt = now() + maxWaitMs;
    for (;;) {
      const calls = busy();
      const expecting = expectedUntil > now();
      if ((!calls && !expecting) || now() >= giveUpAt) return;
      await waitUntil(calls ? giveUpAt : Math.min(expectedUntil, giveUpAt));
    }
  }
}

export type Foreground = ReturnType<typeof createForeground>;
