/**
 * The reimbursements screen's answer for one venue and one year: priced usages, their fortnightly cycles, the
 * band the venue is in, and the cumulative curve. Computed from the local mirror on each call (a year of a
 * cinema is a few thousand bookings: milliseconds), so it can never drift from the data it shows.
 */
import type { ReimbursementOverview, ReimbursementCycleView } from '../../../shared/contract';
import { accountingDay, accountingYear } from './accounting';
import { cycleOfUsage } from './cycles';
import { priceUsages, type PricedUsage } from './pricing';
import { bandFor, rateTableAt } from './rates';
import { collectUsages, type BookingUsage, type UsageSources } from './usages';

export const BOOKINGS_SHOWN = 300;

export interface OverviewRequest {
  venueId?: number;
  year?: number;
  /** The counter's own venue, chosen by default. */
  defaultVenue: { id: number; name: string } | null;
  timeZone: string;
  now: Date;
}

export function reimbursementOverview(sources: UsageSources, request: OverviewRequest): ReimbursementOverview {
  const { now } = request;
  const nowIso = now.toISOString();
  const today = accountingDay(nowIso);
  const year = request.year ?? accountingYear(nowIso);
  const { usages, upcoming } = collectUsages(sources, now);

  const venues = venueList(usages, request.defaultVenue);
  const venue = venues.find((v) => v.venueId === (request.venueId ?? request.defaultVenue?.id)) ?? venues[0] ?? null;
  const priced = priceUsages(usages.filter((u) => u.venueId === venue?.venueId)).filter((p) => p.year === year);

  const table = rateTableAt(year === accountingYear(nowIso) ? nowIso : `${year}-12-31T12:00:00.000Z`);
  const revenueCents = sum(priced, (p) => p.usage.totalCents);
  const reimbursementCents = sum(priced, (p) => p.reimbursementCents);
  // The next cent of revenue decides the band the next booking lands in.
  const band = bandFor(table, revenueCents + 1);
  const upcomingHere = venue ? upcoming.get(venue.venueId) : undefined;

  const newestFirst = [...priced].sort(
    (a, b) => Date.parse(b.usage.usedAt) - Date.parse(a.usage.usedAt) || b.usage.bookingId - a.usage.bookingId,
  );
  return {
    year,
    today,
    timeZone: request.timeZone,
    venues,
    venue,
    rates: { validFrom: table.validFrom, source: table.source, bands: [...table.bands] },
    totals: {
      bookings: priced.length,
      revenueCents,
      reimbursementCents,
      contributionCents: revenueCents - reimbursementCents,
      byOrigin: {
        here: originTotals(priced, 'here'),
        elsewhere: originTotals(priced, 'elsewhere'),
        automatic: originTotals(priced, 'automatic'),
      },
      upcoming: { bookings: upcomingHere?.bookings ?? 0, revenueCents: upcomingHere?.totalCents ?? 0 },
    },
    currentBand: { band, remainingCents: band.toCents === null ? null : band.toCents - revenueCents },
    cycles: cycles(priced, today),
    series: series(priced),
    bookings: newestFirst.slice(0, BOOKINGS_SHOWN).map((p) => ({
      bookingId: p.usage.bookingId,
      offerName: p.usage.offerName,
      beneficiary: p.usage.beneficiary,
      quantity: p.usage.quantity,
      seanceStart: p.usage.seanceStart === null ? null : new Date(p.usage.seanceStart).toISOString(),
      usedAt: p.usage.usedAt,
      usedAtEstimated: p.usage.usedAtEstimated,
      origin: p.usage.origin,
      reimbursed: p.usage.reimbursed,
      provisional: p.usage.provisional,
      totalCents: p.usage.totalCents,
      rateBasisPoints: p.rateBasisPoints,
      reimbursementCents: p.reimbursementCents,
      cycleKey: cycleOfUsage(p.usage.usedAt, p.usage.seanceStart).key,
    })),
    bookingsTotal: priced.length,
  };
}

type Priced = PricedUsage<BookingUsage>;

function sum(items: readonly Priced[], of: (p: Priced) => number): number {
  return items.reduce((total, p) => total + of(p), 0);
}

function venueList(usages: readonly BookingUsage[], own: OverviewRequest['defaultVenue']) {
  const names = new Map<number, string>();
  if (own) names.set(own.id, own.name);
  for (const u of usages) if (!names.has(u.venueId)) names.set(u.venueId, u.venueName);
  return [...names].map(([venueId, venueName]) => ({ venueId, venueName }));
}

function originTotals(priced: readonly Priced[], origin: BookingUsage['origin']) {
  const of = priced.filter((p) => p.usage.origin === origin);
  return {
    bookings: of.length,
    places: sum(of, (p) => p.usage.quantity),
    revenueCents: sum(of, (p) => p.usage.totalCents),
  };
}

function cycles(priced: readonly Priced[], today: string): ReimbursementCycleView[] {
  const byKey = new Map<string, { view: ReimbursementCycleView; allPaid: boolean }>();
  for (const p of priced) {
    const cycle = cycleOfUsage(p.usage.usedAt, p.usage.seanceStart);
    const entry = byKey.get(cycle.key) ?? {
      view: { ...cycle, bookings: 0, revenueCents: 0, reimbursementCents: 0, state: 'open' as const },
      allPaid: true,
    };
    entry.view.bookings += 1;
    entry.view.revenueCents += p.usage.totalCents;
    entry.view.reimbursementCents += p.reimbursementCents;
    entry.allPaid &&= p.usage.reimbursed;
    byKey.set(cycle.key, entry);
  }
  return [...byKey.values()]
    .map(({ view, allPaid }) => ({
      ...view,
      state: allPaid ? ('paid' as const) : today >= view.cutoffDay ? ('due' as const) : ('open' as const),
    }))
    .sort((a, b) => a.key.localeCompare(b.key));
}

function series(priced: readonly Priced[]) {
  const byDay = new Map<string, { revenueCents: number; reimbursementCents: number }>();
  let revenueCents = 0;
  let reimbursementCents = 0;
  // By usage date: each day's point is the running total once that day's usages are in.
  for (const p of [...priced].sort((a, b) => Date.parse(a.usage.usedAt) - Date.parse(b.usage.usedAt))) {
    revenueCents += p.usage.totalCents;
    reimbursementCents += p.reimbursementCents;
    byDay.set(accountingDay(p.usage.usedAt), { revenueCents, reimbursementCents });
  }
  return [...byDay].map(([day, totals]) => ({ day, ...totals }));
}
