/**
 * What the cashier works with, composed together because each refers to another: the entry slip's printing, the
 * team's sessions (staff), the guichet (lookup, validate, undo) that schedules a slip after each validation and asks
 * staff who may undo, the scan candidates' resolver and the dedicated scanners.
 */
import type { Logger } from 'pino';
import type { DiskWatch } from './db/diskFull';
import type { Stores } from './db/stores';
import type { EngineEvents } from './engineEvents';
import { remoteCounterName } from './actingCounter';
import { createCandidateResolver } from './counter/candidates';
import type { CounterSettingsStore } from './counter/counterSettings';
import { createGuichet } from './counter/guichet';
import type { Standings } from './counter/validationStanding';
import type { Gateway } from './platform/gateway';
import { createPrinting } from './printing/printingService';
import { createScanning } from './scanning/scanningService';
import { currentActor } from './staff/actor';
import { createStaff } from './staff/staffService';
import type { Connectivity } from './sync/connectivity';
import type { Uploader } from './sync/uploader';
import type { CoreDeps } from './types';

export interface CounterServicesDeps {
  deps: CoreDeps;
  stores: Stores;
  standings: Standings;
  gateway: Gateway;
  connectivity: () => Connectivity;
  uploader: Uploader;
  counterSettings: CounterSettingsStore;
  disk: DiskWatch;
  events: EngineEvents;
  publishStatus: () => void;
  clock: () => Date;
  now: () => string;
  timeZone: () => string;
  venueName: () => string | null;
  logger: Logger;
}

export function createCounterServices(d: CounterServicesDeps) {
  const { deps, stores, events, clock, now, timeZone, logger } = d;
  const { ledger, cache, queue, settings } = stores;
  const printing = createPrinting({
    jobs: stores.printJobs,
    settings,
    ledger,
    logger,
    now,
    mode: deps.mode,
    counterName: deps.counterName,
    timeZone,
    venueName: d.venueName,
    emit: (payload) => events.emit('printer.changed', payload),
    printer: deps.printer,
  });

  const staff = createStaff({
    store: stores.staff,
    mode: deps.mode,
    counterName: deps.counterName,
    clock,
    monotonicMs: deps.monotonicMs ?? (() => performance.now()),
    timeZone,
    onChanged: () => events.emit('staff.changed', {}),
  });

  const guichet = createGuichet({
    gateway: d.gateway,
    ledger,
    standings: d.standings,
    cache,
    queue,
    uploader: d.uploader,
    connectivity: d.connectivity,
    counterName: deps.counterName,
    clock,
    timeZone,
    seanceWindow: d.counterSettings.seanceWindow,
    logger,
    lookupTimeoutMs: deps.lookupTimeoutMs ?? 3000,
    disk: d.disk,
    onLedgerRow: (entryId, kind) => events.emit('ledger.changed', { entryId, kind }),
    onQueued: () => d.publishStatus(),
    onVerdictUpdated: (verdict) => events.emit('verdict.updated', verdict),
    // After the ledger commit; only schedules the slip, so printing can never hold up or undo a validation.
    // A secondary counter prints its own slips: a validation it forwarded prints nothing here.
    onValidated: (validation) => {
      if (remoteCounterName() === null) printing.onValidated(validation);
    },
    // A cashier undoes only their own validations, within 10 minutes (staff/staffService.ts).
    undoRefusal: (validation) => staff.undoRefusal(currentActor(), validation),
  });

  // Scanners: ambiguous readings resolved against the mirror then the platform; dedicated scanners as events.
  const resolveCandidates = createCandidateResolver({ cache, gateway: d.gateway, connectivity: d.connectivity });
  const scanning = createScanning({
    settings,
    logger,
    now,
    emitScan: (payload) => events.emit('scanner.scan', payload),
    emitDevices: (payload) => events.emit('scanner.devices.changed', payload),
  });

  return { printing, staff, guichet, resolveCandidates, scanning };
}

export type CounterServices = ReturnType<typeof createCounterServices>;
