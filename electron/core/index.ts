/**
 * The counter engine, composed once from its dependencies. Hosts (Electron main, browser mode, tests) call
 * `createCore` and then only `dispatch` contract calls and listen to events.
 */
import path from 'node:path';
import { startOfDay } from 'date-fns';
import { TZDate } from '@date-fns/tz';
import { z } from 'zod';
import packageJson from '../../package.json';
import type { DemoBooking, EventName, EventPayload } from '../../shared/contract';
import { DEFAULT_TIME_ZONE } from '../../shared/dates';
import { createBookingCache } from './db/bookingCache';
import { createLedger } from './db/ledger';
import { closeDatabase, openDatabase } from './db/open';
import { createGuichet } from './counter/guichet';
import { ContractFailure } from './contractFailure';
import { createDispatcher } from './dispatch';
import { createPlatformClient } from './platform/client';
import type { Core, CoreDeps, EventListener } from './types';
import { cachedVenue, chooseVenue, rememberVenue, type Venue } from './venue';

export type { Core, CoreDeps } from './types';

export const DATABASE_FILE = 'guichet.sqlite';

export async function createCore(deps: CoreDeps): Promise<Core> {
  const clock = deps.clock ?? (() => new Date());
  const now = () => clock().toISOString();
  const logger = deps.logger;
  const db = openDatabase(path.join(deps.dataDir, DATABASE_FILE));
  const ledger = createLedger(db);
  const cache = createBookingCache(db);
  const client = createPlatformClient({
    baseUrl: deps.platform.baseUrl,
    apiKey: deps.platform.apiKey,
    timeoutMs: deps.lookupTimeoutMs ?? 3000,
    logger,
  });

  const listeners = new Set<EventListener>();
  function emit<N extends EventName>(name: N, payload: EventPayload<N>): void {
    for (const listener of listeners) {
      try {
        listener(name, payload);
      } catch (error) {
        logger.error({ err: error, event: name }, 'event listener failed');
      }
    }
  }

  let venue: Venue | null = cachedVenue(db);
  // Refreshed in the background: the counter must start (and work from its cache) without the network.
  const venueRefresh = client
    .getOffererVenues()
    .then((offerers) => {
      const chosen = chooseVenue(offerers, deps.venueId);
      if (chosen) {
        venue = chosen;
        rememberVenue(db, chosen);
      } else logger.warn({ venueId: deps.venueId }, 'no venue reachable with this key matches');
    })
    .catch((error: unknown) => logger.warn({ err: String(error) }, 'venue refresh failed'));

  const timeZone = () => venue?.timeZone ?? DEFAULT_TIME_ZONE;

  const guichet = createGuichet({
    client,
    ledger,
    cache,
    counterName: deps.counterName,
    now,
    logger,
    onLedgerRow: (entryId, kind) => emit('ledger.changed', { entryId, kind }),
  });

  const dispatch = createDispatcher(
    {
      'app.info': () => ({
        mode: deps.mode,
        counterName: deps.counterName,
        venue,
        platformHost: new URL(deps.platform.baseUrl).host,
        version: packageJson.version,
      }),
      'counter.lookup': ({ text }) => guichet.lookup(text),
      'counter.validate': ({ token }) => guichet.validate(token),
      'counter.undo': ({ token }) => guichet.undo(token),
      'ledger.today': () => {
        const dayStart = new Date(startOfDay(new TZDate(clock(), timeZone())).getTime()).toISOString();
        const rows = ledger.since(dayStart).map((row) => ({
          id: row.id,
          at: row.at,
          counterName: row.counterName,
          kind: row.kind,
          token: row.token,
          bookingId: row.bookingId,
          outcome: row.outcome,
          beneficiary: row.firstName === null ? null : `${row.firstName} ${row.lastName ?? ''}`.trim(),
          offerName: row.offerName,
          platformStatus: row.platformStatus,
        }));
        return { rows };
      },
      'demo.bookings': async () => ({ bookings: await demoBookings(deps, clock()) }),
    },
    logger,
  );

  let closed: Promise<void> | null = null;
  return {
    dispatch,
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      if (!closed) {
        closed = venueRefresh.then(() => {
          listeners.clear();
          closeDatabase(db);
        });
      }
      return closed;
    },
  };
}

const sandboxBookingsSchema = z.object({
  bookings: z.array(
    z.object({
      token: z.string(),
      status: z.enum(['CONFIRMED', 'USED', 'CANCELLED', 'REIMBURSED']),
      confirmationDate: z.string().nullable(),
      firstName: z.string(),
      lastName: z.string(),
      offerName: z.string(),
      seanceStart: z.string(),
      quantity: z.number().int(),
    }),
  ),
});

/** Demo mode: the embedded sandbox's bookings, so a trainee has codes to try. */
async function demoBookings(deps: CoreDeps, now: Date): Promise<DemoBooking[]> {
  if (deps.mode !== 'demo' || !deps.demoControlUrl) throw new ContractFailure('demo_only');
  const response = await fetch(`${deps.demoControlUrl}/__sandbox/bookings`, { signal: AbortSignal.timeout(3000) });
  const { bookings } = sandboxBookingsSchema.parse(await response.json());
  return bookings.map((b) => ({
    token: b.token,
    status: b.status,
    confirmed: b.confirmationDate === null || new Date(b.confirmationDate) <= now,
    firstName: b.firstName,
    lastName: b.lastName,
    offerName: b.offerName,
    seanceStart: b.seanceStart,
    quantity: b.quantity,
  }));
}
