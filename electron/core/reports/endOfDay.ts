/**
 * The end-of-day report: for each séance of a day (venue's zone), what happened to its pass Culture bookings.
 * Each booking lands in exactly one category, in this order of precedence: a conflict of ours (the manager must
 * act), a validation here (provisional or not), used elsewhere (USED/REIMBURSED in the mirror without ours),
 * cancelled, then not used: a no-show once the séance has started, else still waiting.
 */
import type { EndOfDayCounts, EndOfDayReport, SeanceCount } from '../../../shared/contract';
import type { BookingFacts, SeanceBookingRow } from '../db/bookingFacts';
import type { SeanceStore } from '../db/seances';
import { standingOf, type Standings, type ValidationStanding } from '../counter/validationStanding';
import { venueDayRange, venueToday } from '../../../shared/venueTime';

export type EndOfDayCategory = Exclude<keyof EndOfDayCounts, 'expected'>;

export interface EndOfDayRequest {
  day?: string;
  timeZone: string;
  venueName: string | null;
  counterName: string;
  now: Date;
  /** Only the validations, provisional ones and conflicts this person made (staff, issue 15). */
  person?: string;
  /** Only those made at this counter (a main counter and its secondaries share one ledger: issue 14). */
  counter?: string;
}

/** What the report is read from: the day's séances, their bookings, and this counter's validations. */
export interface EndOfDaySources {
  seances: Pick<SeanceStore, 'ofDay'>;
  facts: Pick<BookingFacts, 'ofStocks'>;
  standings: Standings;
}

export function categoryOf(
  booking: Pick<SeanceBookingRow, 'status'>,
  standing: ValidationStanding,
  seanceStarted: boolean,
): EndOfDayCategory {
  if (standing.conflict !== null) return 'conflicts';
  if (booking.status !== 'CANCELLED' && standing.validatedAt !== null)
    return standing.provisional ? 'provisional' : 'validatedHere';
  if (booking.status === 'USED' || booking.status === 'REIMBURSED') return 'validatedElsewhere';
  if (booking.status === 'CANCELLED') return 'cancelled';
  return seanceStarted ? 'noShows' : 'waiting';
}

const zero = (): SeanceCount => ({ bookings: 0, places: 0, amountCents: 0 });
export function emptyCounts(): EndOfDayCounts {
  return {
    expected: zero(),
    validatedHere: zero(),
    provisional: zero(),
    validatedElsewhere: zero(),
    conflicts: zero(),
    noShows: zero(),
    waiting: zero(),
    cancelled: zero(),
  };
}

/** The amount validated (here, provisional and elsewhere) of a set of counts. */
export function validatedAmountCents(c: EndOfDayCounts): number {
  return c.validatedHere.amountCents + c.provisional.amountCents + c.validatedElsewhere.amountCents;
}

function add(count: SeanceCount, quantity: number, amountCents: number): void {
  count.bookings += 1;
  count.places += quantity;
  count.amountCents += amountCents;
}

/** What a person's or a counter's filter keeps: what was done at the counter. */
const PERSONAL: ReadonlySet<EndOfDayCategory> = new Set(['validatedHere', 'provisional', 'conflicts']);

export function endOfDayReport(sources: EndOfDaySources, request: EndOfDayRequest): EndOfDayReport {
  const day = request.day ?? venueToday(request.now, request.timeZone);
  const { from, to } = venueDayRange(day, request.timeZone);
  const seances = sources.seances.ofDay(from, to);
  const bookings = sources.facts.ofStocks(seances.map((s) => s.stockId));
  const standings = sources.standings.ofBookings(bookings.map((b) => b.bookingId));
  const totals = emptyCounts();
  const bySeance = new Map(seances.map((s) => [s.stockId, emptyCounts()]));
  const startedAt = new Map(seances.map((s) => [s.stockId, Date.parse(s.start) <= request.now.getTime()]));
  const counters = new Set<string>();

  for (const booking of bookings) {
    const counts = bySeance.get(booking.stockId);
    if (!counts) continue;
    const standing = standingOf(standings, booking.bookingId);
    const category = categoryOf(booking, standing, startedAt.get(booking.stockId)!);
    if (PERSONAL.has(category) && standing.lastActionAt !== null) counters.add(standing.lastActionAt);
    if (request.person !== undefined && !(PERSONAL.has(category) && standing.lastActionBy === request.person)) continue;
    if (request.counter !== undefined && !(PERSONAL.has(category) && standing.lastActionAt === request.counter))
      continue;
    const amountCents = booking.quantity * booking.unitPriceCents;
    for (const target of [counts, totals]) {
      add(target[category], booking.quantity, amountCents);
      // A cancelled booking is not expected; one whose validation of ours conflicts stays, to be handled.
      if (category !== 'cancelled') add(target.expected, booking.quantity, amountCents);
    }
  }

  return {
    day,
    timeZone: request.timeZone,
    venueName: request.venueName,
    counterName: request.counterName,
    person: request.person ?? null,
    counter: request.counter ?? null,
    counters: [...counters].sort((a, b) => a.localeCompare(b, 'fr')),
    generatedAt: request.now.toISOString(),
    seances: seances.map((s) => ({
      stockId: s.stockId,
      offerId: s.offerId,
      offerName: s.offerName,
      start: new Date(s.start).toISOString(),
      priceCategoryLabel: s.priceCategoryLabel,
      counts: bySeance.get(s.stockId)!,
    })),
    totals,
  };
}
