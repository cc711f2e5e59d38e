/**
 * The counter engine, composed once from its dependencies. Hosts (Electron main, browser mode, tests) call
 * `createCore` and then only `dispatch` contract calls and listen to events.
 *
 * This file is the one composition root: each part is made by its own module, in this order, from the parts made
 * before it (engineData, engineEvents, statusLine, platformAccess, venue, sync/backgroundSync, counterServices,
 * coreCalls, severalCounters, housekeeping; shutdown for close).
 */
import path from 'node:path';
import { contractClient } from './client';
import { createStandings } from './counter/validationStanding';
import { createCounterSettings } from './counter/counterSettings';
import { createCounterServices } from './counterServices';
import { createCoreCalls } from './coreCalls';
import { createDiskWatch } from './db/diskFull';
import { openEngineData } from './engineData';
import { createEngineEvents } from './engineEvents';
import { createForeground } from './foreground';
import { startHousekeeping } from './housekeeping';
import { createPlatformAccess } from './platformAccess';
import { createSeveralCounters } from './severalCounters';
import { stopEngine } from './shutdown';
import { currentActor } from './staff/actor';
import { createStatusLine } from './statusLine';
import { createBackgroundSync } from './sync/backgroundSync';
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
  // The status line reads parts made below; it is computed only on a later turn of the event loop.
  const statusLine = createStatusLine({
    events,
    isOpen: () => stores.isOpen(),
    queue,
    streams,
    connectivity: () => platform.connectivity(),
    disk: () => disk,
  });
  const publishStatus = statusLine.publish;

  const platform = createPlatformAccess({
    deps,
    now,
    logger,
    onConnectivityChange: (online) => {
      publishStatus();
      if (online) void sync.scheduler.cycle();
    },
  });
  const { gateway, connectivity } = platform;
  const venues = createServedVenues({ settings, gateway, venueIds: deps.venueIds, logger });

  const counterSettings = createCounterSettings(settings, { seanceWindow: deps.seanceWindow });
  // The guichet's calls go before the sync's pages on the engine's thread (foreground.ts).
  const foreground = createForeground();
  // Before each page a bulk writer writes (the sync's mirror pages, a secondary's replica pages): the guichet's
  // calls first, and a writer that never pauses lets the WAL start over now and then (walCheckpointer.ts catchUp).
  const beforePageWrite = async (): Promise<void> => {
    await foreground.yieldToScans();
    await stores.walCatchUp();
  };
  const sync = createBackgroundSync({
    stores,
    gateway,
    connectivity,
    venueIds: venues.venueIds,
    beforePageWrite,
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
    connectivity,
    uploader,
    counterSettings,
    disk,
    events,
    publishStatus,
    clock,
    now,
    timeZone: venues.timeZone,
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
    expectScan: foreground.expectScan,
  });

  const { replica, handover } = createSeveralCounters({
    stores,
    counterSettings,
    standings,
    uploader,
    clock,
    timeZone: venues.timeZone,
    emit: events.emit,
    publishStatus,
    beforePageWrite,
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
    inForeground: (name, call) => foreground.track(name, call),
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
      closed ??= stopEngine({
        platform,
        disk,
        scheduler,
        uploader,
        printing,
        scanning,
        venueRefresh: venues.refreshed,
        events,
        housekeeping,
        stores,
        lock,
      });
      return closed;
    },
  };
}
