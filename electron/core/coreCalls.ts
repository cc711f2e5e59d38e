/**
 * The engine's one dispatcher: every core call, each handled once by its domain's handlers (the host answers
 * account.*, database.* and lan.*), audited and authorised by staff. A call without a handler fails typecheck.
 */
import type { Logger } from 'pino';
import type { StatusView, Validation } from '../../shared/contract';
import type { CounterSettingsStore } from './counter/counterSettings';
import { counterHandlers } from './counter/handlers';
import type { Standings } from './counter/validationStanding';
import type { CounterServices } from './counterServices';
import type { Stores } from './db/stores';
import { createDispatcher, oneHandlerEach, type CoreCallName } from './dispatch';
import type { EngineEvents } from './engineEvents';
import type { PlatformAccess } from './platformAccess';
import { programmeHandlers } from './programme/handlers';
import { createManagedOffers } from './programme/managedOffers';
import { createProgrammeMirror } from './programme/programmeMirror';
import { createProgrammeWriter } from './programme/programmeWriter';
import { createClosedSales } from './programme/seats';
import { createUnscheduledFilms } from './programme/unscheduledFilms';
import { reportHandlers } from './reports/handlers';
import { createReportPrinter } from './reports/reportPrinter';
import { auditedHandlers } from './staff/audited';
import { staffHandlers } from './staff/handlers';
import type { BackgroundSync } from './sync/backgroundSync';
import { syncHandlers } from './sync/handlers';
import type { CoreDeps } from './types';
import type { ServedVenues } from './venue';

export interface CoreCallsDeps {
  deps: CoreDeps;
  stores: Stores;
  standings: Standings;
  platform: PlatformAccess;
  venues: ServedVenues;
  counterSettings: CounterSettingsStore;
  sync: BackgroundSync;
  services: CounterServices;
  retention: ReturnType<Stores['retention']>;
  status: () => StatusView;
  publishStatus: () => void;
  events: EngineEvents;
  clock: () => Date;
  logger: Logger;
  /** A keyboard-wedge scan is being typed at a screen (foreground.ts). */
  expectScan: () => void;
}

export function createCoreCalls(d: CoreCallsDeps) {
  const { deps, stores, standings, venues, events, clock } = d;
  const { ledger, cache, queue, streams, settings } = stores;
  const { guichet, printing, scanning, staff } = d.services;
  const { timeZone } = venues;
  const managedOffers = createManagedOffers(settings);
  const programmeWriter = createProgrammeWriter({
    gateway: d.platform.gateway,
    mirror: createProgrammeMirror({
      cache,
      offers: stores.offers,
      seances: stores.seances,
      facts: stores.bookingFacts,
    }),
    managed: managedOffers,
    closedSales: createClosedSales(settings),
    clock,
    timeZone: () => timeZone(),
    venueIds: venues.venueIds,
    onProgrammeChanged: () => events.emit('programme.changed', {}),
  });

  // Every core call, each handled once (the host answers account.* and database.*): a missing one fails typecheck.
  return createDispatcher<CoreCallName>(
    auditedHandlers(
      staff,
      oneHandlerEach(
        counterHandlers({
          deps,
          clock,
          guichet,
          ledger,
          timeZone,
          venue: venues.first,
          resolveCandidates: d.services.resolveCandidates,
          settings: d.counterSettings,
          onSettingsChanged: (settings) => events.emit('counter.settings.changed', settings),
          expectScan: d.expectScan,
        }),
        syncHandlers({
          clock,
          guichet,
          queue,
          streams,
          budget: d.platform.budget,
          scheduler: d.sync.scheduler,
          mirrorQueries: d.sync.mirrorQueries,
          status: d.status,
          timeZone,
          connectivity: d.platform.connectivity,
          publishStatus: d.publishStatus,
          retryUploadsNow: () => d.sync.uploader.retryNow(),
        }),
        printing.handlers,
        {
          'printer.printValidation': (input: { validation: Validation }) => ({
            jobId: printing.printValidation(input.validation),
          }),
        },
        scanning.handlers,
        programmeHandlers({
          writer: programmeWriter,
          settings,
          unscheduled: createUnscheduledFilms(stores.offers, managedOffers, clock),
          timeZone,
        }),
        reportHandlers({
          sources: { seances: stores.seances, facts: stores.bookingFacts, standings },
          clock,
          timeZone,
          venue: venues.first,
          counterName: deps.counterName,
          printReport: createReportPrinter(printing),
        }),
        d.retention.handlers,
        staffHandlers(staff),
      ),
    ),
    d.logger,
    staff.authorize,
  );
}
