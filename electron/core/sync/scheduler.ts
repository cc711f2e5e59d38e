/**
 * The sync cycle: uploads first (so the platform's state never overwrites an unsent mark), then downloads —
 * new bookings and a pass of status refresh every cycle (statusRefresh.ts spends a few requests a pass), the
 * programme every ten minutes. Runs on a timer while online; never on the cashier's path.
 */
import type { Logger } from 'pino';
import type { MirrorChanges } from '../db/bookingCache';
import type { Connectivity } from './connectivity';
import { emptyChanges } from './listingWalk';
import type { MirrorSync } from './mirrorSync';
import { VenuesUnreadable } from './newBookings';
import type { Streams } from '../db/syncStreams';
import type { Uploader } from './uploader';
import type { UploadQueue } from '../db/uploadQueue';
import { errorMessage } from '../../../shared/errorText';

export interface SchedulerDeps {
  uploader: Uploader;
  queue: UploadQueue;
  mirror: MirrorSync;
  streams: Streams;
  connectivity: () => Connectivity;
  clock: () => Date;
  logger: Logger;
  /** Cycle period (ms); 0 disables the timer (tests drive `cycle()` themselves). */
  periodMs: number;
  onCycleDone: (completed: boolean) => void;
  onBookingsChanged: (changes: MirrorChanges) => void;
  onProgrammeChanged: () => void;
}

const PROGRAMME_EVERY_MS = 10 * 60_000;

export function createScheduler(deps: SchedulerDeps) {
  const { streams, logger } = deps;
  let running: Promise<boolean> | null = null;
  let timer: NodeJS.Timeout | null = null;
  let firstRun: NodeJS.Timeout | null = null;
  // After stop() nothing may run: the database is about to close.
  let stopped = false;
  let lastProgramme = 0;
  let forceStatuses = true;
  let lastSyncAt: string | null = null;

  async function runCycle(): Promise<boolean> {
    if (!deps.connectivity().isOnline()) return false;
    await streams.run('uploads', () => deps.uploader.drain());
    // Upload before download: while anything we did is unsent, the platform's view would overwrite it.
    if (deps.queue.hasUnsentRows()) return false;
    // A venue out of this key's reach (VenuesUnreadable) must not keep the others from syncing: the stream shows
    // it, the cycle goes on, and it counts as interrupted.
    let partial: VenuesUnreadable | null = null;
    const tolerant = (error: unknown) => {
      if (!(error instanceof VenuesUnreadable)) throw error;
      partial = error;
    };
    const t = deps.clock().getTime();
    if (t - lastProgramme >= PROGRAMME_EVERY_MS) {
      await streams.run('programme', () => deps.mirror.pullProgramme()).catch(tolerant);
      lastProgramme = t;
      deps.onProgrammeChanged();
    }
    // Filled as pages come: what a failing request interrupts is still announced.
    const changes = emptyChanges();
    try {
      await streams.run('bookings', () => deps.mirror.pullBookings(changes)).catch(tolerant);
      const force = forceStatuses;
      await streams.run('statuses', () => deps.mirror.refreshStatuses(changes, force));
      forceStatuses = false;
    } finally {
      if (changes.added.length > 0 || changes.changed.length > 0) deps.onBookingsChanged(changes);
    }
    if (partial) throw partial;
    lastSyncAt = deps.clock().toISOString();
    return true;
  }

  /** One cycle; concurrent callers share it. Resolves with whether it completed. */
  function cycle(): Promise<boolean> {
    if (stopped) return Promise.resolve(false);
    running ??= runCycle()
      .catch((error: unknown) => {
        logger.warn({ err: errorMessage(error) }, 'sync cycle interrupted');
        return false;
      })
      .then((completed) => {
        running = null;
        deps.onCycleDone(completed);
        return completed;
      });
    return running;
  }

  return {
    cycle,
    lastSyncAt: () => lastSyncAt,
    /** Forces the programme and statuses at the next cycle (e.g. "Synchroniser maintenant"). */
    refreshAll(): void {
      lastProgramme = 0;
      forceStatuses = true;
    },
    start(): void {
      if (deps.periodMs <= 0 || timer) return;
      timer = setInterval(() => void cycle(), deps.periodMs);
      timer.unref();
      firstRun = setTimeout(() => void cycle(), 200);
      firstRun.unref();
    },
    /**
     * No more cycles until `start` again: a secondary counter's main counter syncs for it (electron/lan/), and its
     * own syncing would spend the key's budget a second time. A cycle under way ends normally.
     */
    pause(): void {
      if (timer) clearInterval(timer);
      if (firstRun) clearTimeout(firstRun);
      timer = null;
    },
    async stop(): Promise<void> {
      stopped = true;
      if (timer) clearInterval(timer);
      if (firstRun) clearTimeout(firstRun);
      timer = null;
      await running;
    },
  };
}

export type Scheduler = ReturnType<typeof createScheduler>;
