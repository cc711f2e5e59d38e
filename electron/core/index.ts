/**
 * The counter engine, composed once from its dependencies. Hosts (Electron main, browser mode, tests) call
 * `createCore` and then only `dispatch` contract calls and listen to events.
 */
import path from 'node:path';
import { dailyBackupDue } from './db/backups';
import { createDiskWatch } from './db/diskFull';
import { PURGE_EVERY_MS } from './db/retention';
import { openEngineData } from './engineData';
import { createStandings } from './counter/validationStanding';
import { createCounterSettings } from './counter/counterSettings';
import { contractClient } from './client';
import { createEngineEvents } from './engineEvents';
import { createForeground } from './foreground';
import { createPlatformAccess } from './platformAccess';
import { createCounterServices } from './counterServices';
import { createCoreCalls } from './coreCalls';
import { currentActor } from './staff/actor';
import { createBackgroundSync } from './sync/backgroundSync';
import { createSeveralCounters } from './severalCounters';
import { createStatusLine } from './statusLine';
import type { Core, CoreDeps } from './types';
import { createServedVenues } from './venue';

export type { Core, CoreDeps } from './types';
export { DATABASE_FILE } from './engineData';

export async function createCore(deps: CoreDeps): Promise<Core> {
  const clock = deps.clock ?? (() => new Date());
  const now = () => clock().toISOString();
  const logger = deps.logger;
  const { lock, stores } = openEngineData(deps, clock, logger);
  const posterDir = path.join(deps.dataDir, 'posters');
  const { queue, streams, settings } = stores;
  const standings = createStandings(stores.counterActions);

  const events = createEngineEvents(logger);
  const { emit } = events;
  // The status line reads parts made below; it is computed only on a later turn of the event loop.
  const statusLine = createStatusLine({
    events,
    isOpen: () => stores.isOpen(),
    queue,
    streams,
    connectivity: () => connectivityOf(),
    disk: () => disk,
  });
  const publishStatus = statusLine.publish;

  const platform = createPlatformAccess({
    deps,
    now,
    logger,
    onConnectivityChange: (online) => {
      publishStatus();
      if (online) void scheduler.cycle();
    },
  });
  const { gateway, budget, connectivity: connectivityOf } = platform;
  const venues = createServedVenues({ settings, gateway, venueIds: deps.venueIds, logger });
  const timeZone = venues.timeZone;

  const counterSettings = createCounterSettings(settings, { seanceWindow: deps.seanceWindow });
  // The guichet's calls go before the sync's pages on the engine's thread (foreground.ts).
  const foreground = createForeground();
  const sync = createBackgroundSync({
    stores,
    gateway,
    connectivity: connectivityOf,
    venueIds: venues.venueIds,
    foreground,
    standings,
    events,
    publishStatus,
    counterName: deps.counterName,
    periodMs: deps.syncPeriodMs ?? 30_000,
    clock,
    posterDir,
    logger,
  });
  const { uploader, scheduler } = sync;

  const disk = createDiskWatch(deps.dataDir, () => publishStatus());

  const services = createCounterServices({
    deps,
    stores,
    standings,
    gateway,
    connectivity: connectivityOf,
    uploader,
    counterSettings,
    disk,
    events,
    publishStatus,
    clock,
    now,
    timeZone,
    venueName: () => venues.first()?.name ?? null,
    logger,
  });
  const { printing, staff, scanning } = services;

  // Personal data erased after the retention period (retention.ts): shortly after start, then daily.
  const retention = stores.retention({ dataDir: deps.dataDir, clock, logger });
  function purgeSafely(): void {
    try {
      retention.purge();
    } catch (error) {
      logger.warn({ err: String(error) }, 'personal data purge failed; tried again tomorrow');
    }
  }

  const dispatchCall = createCoreCalls({
    deps,
    stores,
    standings,
    platform,
    venues,
    counterSettings,
    sync,
    services,
    retention,
    status: statusLine.status,
    publishStatus,
    events,
    clock,
    logger,
  });

  const { replica, handover } = createSeveralCounters({
    stores,
    counterSettings,
    standings,
    uploader,
    clock,
    timeZone,
    emit,
    publishStatus,
  });

  scheduler.start();
  void uploader.drain();

  // A copy of the database a day, in the background (backups.ts), checked hourly and shortly after start.
  let backingUp: Promise<unknown> | null = null;
  function backupIfDue(): void {
    if (backingUp || !dailyBackupDue(deps.dataDir, clock())) return;
    backingUp = stores
      .dailyBackup(deps.dataDir, clock())
      .then((b) => logger.info({ backup: b.name }, 'daily backup taken'))
      .catch((error: unknown) => logger.warn({ err: String(error) }, 'daily backup failed'))
      .finally(() => (backingUp = null));
  }
  const firstBackupMs = deps.firstBackupDelayMs ?? 30_000;
  const backupTimers = [
    // The purge runs before the first backup check, so a new copy never holds what was just due for erasure.
    setTimeout(purgeSafely, Math.floor(firstBackupMs / 2)),
    setTimeout(backupIfDue, firstBackupMs),
    setInterval(backupIfDue, 3_600_000),
    setInterval(purgeSafely, PURGE_EVERY_MS),
    setInterval(() => staff.sweepIdle(), 15_000),
  ];
  for (const timer of backupTimers) timer.unref();

  const dispatch: Core['dispatch'] = (name, input, caller) =>
    foreground.track(name, () => dispatchCall(name, input, caller));

  let closed: Promise<void> | null = null;
  return {
    dispatch,
    replica,
    handover,
    call: contractClient(dispatch),
    onEvent: events.on,
    authorize: staff.authorize,
    forgetTerminal: (terminal) => staff.forget(terminal),
    recordAudit: (action, detail) =>
      staff.audit(action, currentActor() ?? { personId: null, personName: null }, detail),
    setBackgroundSync(enabled) {
      if (closed) return;
      if (enabled) scheduler.start();
      else scheduler.pause();
    },
    close() {
      if (!closed) {
        closed = (async () => {
          platform.closing.abort();
          budget.stop();
          disk.stop();
          connectivityOf().stop();
          await scheduler.stop();
          await uploader.stop();
          await printing.close();
          await scanning.close();
          await venues.refreshed;
          events.clear();
          for (const timer of backupTimers) clearTimeout(timer);
          await backingUp;
          await stores.close();
          lock.release();
        })();
      }
      return closed;
    },
  };
}
