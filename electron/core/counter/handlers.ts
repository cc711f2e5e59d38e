/**
 * Contract handlers of the guichet itself: app info, lookup/validate/undo, the day's journal, demo codes, scan
 * candidates and the guichet's settings.
 */
import packageJson from '../../../package.json';
import type { CounterSettings, DemoBooking } from '../../../shared/contract';
import { cleanText, NAME_MAX, TITLE_MAX } from '../../../shared/text';
import { bookingListSchema } from '../../../shared/sandboxControl';
import { isNotConfirmedYet } from '../../../shared/validatable';
import { venueDayRange, venueToday } from '../../../shared/venueTime';
import type { createCandidateResolver } from './candidates';
import type { CounterSettingsStore } from './counterSettings';
import type { Guichet } from './guichet';
import type { Ledger } from '../db/ledger';
import { ContractFailure } from '../contractFailure';
import type { CoreDeps } from '../types';
import type { Venue } from '../venue';

export interface CounterHandlerDeps {
  deps: CoreDeps;
  clock: () => Date;
  guichet: Guichet;
  ledger: Ledger;
  timeZone: () => string;
  venue: () => Venue | null;
  resolveCandidates: ReturnType<typeof createCandidateResolver>;
  settings: CounterSettingsStore;
  onSettingsChanged: (settings: CounterSettings) => void;
  /** The page saw a scan being typed: background work waits for its lookup (foreground.ts). */
  expectScan: () => void;
}

export function counterHandlers(d: CounterHandlerDeps) {
  const { deps, clock, guichet, ledger, timeZone, venue } = d;
  return {
    'counter.resolveCandidates': ({ candidates }: { candidates: string[] }) => d.resolveCandidates(candidates),
    'counter.settings.get': () => d.settings.get(),
    'counter.settings.set': (change: Partial<CounterSettings>) => {
      const settings = d.settings.set(change);
      d.onSettingsChanged(settings);
      return settings;
    },
    'app.info': () => ({
      mode: deps.mode,
      counterName: deps.counterName,
      venue: venue(),
      platformHost: new URL(deps.platform.baseUrl).host,
      version: packageJson.version,
    }),
    'counter.lookup': ({ text }: { text: string }) => guichet.lookup(text),
    'counter.scanUnderway': () => {
      d.expectScan();
      return null;
    },
    'counter.validate': ({ token, acceptOtherSeance }: { token: string; acceptOtherSeance?: boolean }) =>
      guichet.validate(token, { acceptOtherSeance }),
    'counter.undo': ({ token }: { token: string }) => guichet.undo(token),
    'ledger.today': () => {
      const dayStart = venueDayRange(venueToday(clock(), timeZone()), timeZone()).from;
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
        personId: row.personId,
        personName: row.personName,
      }));
      return { rows };
    },
    'demo.bookings': async () => ({ bookings: await demoBookings(deps, clock()) }),
  } as const;
}

/** Demo mode: the embedded sandbox's bookings, so a trainee has codes to try. */
async function demoBookings(deps: CoreDeps, now: Date): Promise<DemoBooking[]> {
  if (deps.mode !== 'demo' || !deps.demoControlUrl) throw new ContractFailure('demo_only');
  const response = await fetch(`${deps.demoControlUrl}/__sandbox/bookings`, { signal: AbortSignal.timeout(3000) });
  const { bookings } = bookingListSchema.parse(await response.json());
  return bookings.map((b) => ({
    token: b.token,
    status: b.status,
    confirmed: !isNotConfirmedYet(b, now),
    // Cleaned like the mirror's (shared/text.ts): the sandbox takes any name its control API is given.
    firstName: cleanText(b.firstName, NAME_MAX),
    lastName: cleanText(b.lastName, NAME_MAX),
    offerName: cleanText(b.offerName, TITLE_MAX),
    seanceStart: b.seanceStart,
    quantity: b.quantity,
  }));
}
