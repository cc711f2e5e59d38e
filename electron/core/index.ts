/**
 * The counter engine, composed once from its dependencies. Hosts (Electron main, browser mode, tests) call
 * `createCore` and then only `dispatch` contract calls and listen to events.
 */
import path from 'node:path';
import { createDiskWatch } from './db/diskFull';
import { openEngineData } from './engineData';
import { createStandings } from './counter/validationStanding';
import { createCounterSettings } from './counter/counterSettings';
import { contractClient } from './client';
import { createEngineEvents } from './engineEvents';
import { createForeground } from './foreground';
import { startHousekeeping } from './housekeeping';
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

  // Personal data erased after the retention period (retention.ts): its settings are calls, its purge housekeeping's.
  const retention = stores.retention({ dataDir: deps.dataDir, clock, logger });

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

  const housekeeping = startHousekeeping({
    dataDir: deps.dataDir,
    stores,
    retention,
    sweepIdle: () => staff.sweepIdle(),
    firstBackupDelayMs: deps.firstBackupDelayMs ?? 30_000,
    clock,
    logger,
  });

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
          await housekeeping.stop();
          await stores.close();
          lock.release();
        })();
      }
      return closed;
    },
  };
}
