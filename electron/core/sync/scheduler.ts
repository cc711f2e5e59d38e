/**
 * The sync cycle: uploads first (so the platform's state never overwrites an unsent mark), then downloads —
 * new bookings every cycle, séance statuses every other cycle, the programme every ten minutes.
 * Runs on a timer while online; never on the cashier's path.
 */
import type { Logger } from 'pino';
import type { MirrorChanges } from '../db/bookingCache';
import type { Connectivity } from './connectivity';
import type { MirrorSync } from './mirrorSync';
import type { Streams } from './streams';
import type { Uploader } from './uploader';
import type { UploadQueue } from './uploadQueue';

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
const STATUSES_EVERY_MS = 60_000;

export function createScheduler(deps: SchedulerDeps) {
  const { streams, logger } = deps;
  let running: Promise<boolean> | null = null;
  let timer: NodeJS.Timeout | null = null;
  let firstRun: NodeJS.Timeout | null = null;
  // After stop() nothing may run: the database is about to close.
  let stopped = false;
  let lastProgramme = 0;
  let lastStatuses = 0;
  let lastSyncAt: string | null = null;

  async function runCycle(): Promise<boolean> {
    if (!deps.connectivity().isOnline()) return false;
    await streams.run('uploads', () => deps.uploader.drain());
    // Upload before download: while anything we did is unsent, the platform's view would overwrite it.
    if (deps.queue.hasUnsentRows()) return false;
    const t = deps.clock().getTime();
    if (t - lastProgramme >= PROGRAMME_EVERY_MS) {
      await streams.run('programme', () => deps.mirror.pullProgramme());
      lastProgramme = t;
      deps.onProgrammeChanged();
    }
    const changes = await streams.run('bookings', () => deps.mirror.pullBookings());
    if (t - lastStatuses >= STATUSES_EVERY_MS) {
      const statusChanges = await streams.run('statuses', () => deps.mirror.refreshStatuses());
      changes.added.push(...statusChanges.added);
      changes.changed.push(...statusChanges.changed);
      lastStatuses = t;
    }
    if (changes.added.length > 0 || changes.changed.length > 0) deps.onBookingsChanged(changes);
    lastSyncAt = deps.clock().toISOString();
    return true;
  }

  /** One cycle; concurrent callers share it. Resolves with whether it completed. */
  function cycle(): Promise<boolean> {
    if (stopped) return Promise.resolve(false);
    running ??= runCycle()
      .catch((error: unknown) => {
        logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'sync cycle interrupted');
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
      lastStatuses = 0;
    },
    start(): void {
      if (deps.periodMs <= 0 || timer) return;
      timer = setInterval(() => void cycle(), deps.periodMs);
      timer.unref();
      firstRun = setTimeout(() => void cycle(), 200);
      firstRun.unref();
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
