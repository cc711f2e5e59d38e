/**
 * The engine's timed chores, none of them on a cashier's path: personal data erased after the retention period
 * (db/retention.ts), a copy of the database a day (db/backups.ts), and idle sessions signed out (staff).
 */
import type { Logger } from 'pino';
import { dailyBackupDue } from './db/backups';
import { PURGE_EVERY_MS } from './db/retention';
import type { Stores } from './db/stores';

export interface HousekeepingDeps {
  dataDir: string;
  stores: Stores;
  retention: { purge(): unknown };
  /** Signs out the screens idle too long. */
  sweepIdle: () => void;
  /** Delay before the first daily-backup check (CoreDeps.firstBackupDelayMs). */
  firstBackupDelayMs: number;
  clock: () => Date;
  logger: Logger;
}

export function startHousekeeping(d: HousekeepingDeps) {
  const { clock, logger } = d;
  // Personal data erased after the retention period (retention.ts): shortly after start, then daily.
  function purgeSafely(): void {
    try {
      d.retention.purge();
    } catch (error) {
      logger.warn({ err: String(error) }, 'personal data purge failed; tried again tomorrow');
    }
  }

  // A copy of the database a day, in the background (backups.ts), checked hourly and shortly after start.
  let backingUp: Promise<unknown> | null = null;
  function backupIfDue(): void {
    if (backingUp || !dailyBackupDue(d.dataDir, clock())) return;
    backingUp = d.stores
      .dailyBackup(d.dataDir, clock())
      .then((b) => logger.info({ backup: b.name }, 'daily backup taken'))
      .catch((error: unknown) => logger.warn({ err: String(error) }, 'daily backup failed'))
      .finally(() => (backingUp = null));
  }
  const firstBackupMs = d.firstBackupDelayMs;
  const timers = [
    // The purge runs before the first backup check, so a new copy never holds what was just due for erasure.
    setTimeout(purgeSafely, Math.floor(firstBackupMs / 2)),
    setTimeout(backupIfDue, firstBackupMs),
    setInterval(backupIfDue, 3_600_000),
    setInterval(purgeSafely, PURGE_EVERY_MS),
    setInterval(() => d.sweepIdle(), 15_000),
  ];
  for (const timer of timers) timer.unref();

  return {
    /** No chore starts from now on; the backup in progress, if any, for close to wait for. */
    stop(): Promise<unknown> | null {
      for (const timer of timers) clearTimeout(timer);
      return backingUp;
    },
  };
}
