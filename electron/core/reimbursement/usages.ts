/**
 * Which bookings bring revenue, and when they count as used, from the local mirror and this counter's queue.
 * The platform's booking JSON has no usage date (docs/platform.md), so only our own validations have a
 * known date; the others are estimates, and flagged so.
 */
import type { BookingFacts } from '../db/bookingFacts';
import { standingOf, type Standings } from '../counter/validationStanding';

/** docs/platform.md: the platform marks still-unused bookings as used 48 h after the séance (daily job). */
export const AUTOMATIC_USE_AFTER_MS = 48 * 60 * 60_000;

export type UsageOrigin = 'here' | 'elsewhere' | 'automatic';

export interface BookingUsage {
  bookingId: number;
  venueId: number;
  venueName: string;
  offerName: string;
  beneficiary: string;
  quantity: number;
  totalCents: number;
  seanceStart: string | null;
  /** When the booking is (or will be, for `automatic`) used, as far as this counter knows. */
  usedAt: string;
  /** `usedAt` is an estimate: validated elsewhere (séance start, or when the mirror saw it used) or automatic. */
  usedAtEstimated: boolean;
  origin: UsageOrigin;
  reimbursed: boolean;
  provisional: boolean;
  pendingUpload: boolean;
}

export interface UpcomingTotals {
  bookings: number;
  totalCents: number;
}

/** What usages are read from: the mirror's bookings and this counter's validations. */
export interface UsageSources {
  facts: Pick<BookingFacts, 'revenue'>;
  standings: Standings;
}

export function collectUsages(
  sources: UsageSources,
  now: Date,
): { usages: BookingUsage[]; upcoming: Map<number, UpcomingTotals> } {
  const rows = sources.facts.revenue();
  const standings = sources.standings.ofBookings();
  const usages: BookingUsage[] = [];
  const upcoming = new Map<number, UpcomingTotals>();
  for (const row of rows) {
    const standing = standingOf(standings, row.bookingId);
    const base = {
      bookingId: row.bookingId,
      venueId: row.venueId,
      venueName: row.venueName,
      offerName: row.offerName,
      beneficiary: `${row.firstName} ${row.lastName}`.trim(),
      quantity: row.quantity,
      totalCents: row.quantity * row.unitPriceCents,
      seanceStart: row.seanceStart,
      reimbursed: row.status === 'REIMBURSED',
      provisional: standing.provisional,
      pendingUpload: standing.pendingUpload,
    };
    if (standing.validatedAt !== null) {
      usages.push({ ...base, usedAt: standing.validatedAt, usedAtEstimated: false, origin: 'here' });
    } else if (row.status === 'USED' || row.status === 'REIMBURSED') {
      // Used no later than the mirror saw it so; a cashier validates around the séance start.
      const seen = row.updatedAt;
      const usedAt =
        row.seanceStart !== null && Date.parse(row.seanceStart) < Date.parse(seen) ? row.seanceStart : seen;
      usages.push({ ...base, usedAt: iso(usedAt), usedAtEstimated: true, origin: 'elsewhere' });
    } else if (row.seanceStart !== null && Date.parse(row.seanceStart) + AUTOMATIC_USE_AFTER_MS <= now.getTime()) {
      const usedAt = new Date(Date.parse(row.seanceStart) + AUTOMATIC_USE_AFTER_MS).toISOString();
      usages.push({ ...base, usedAt, usedAtEstimated: true, origin: 'automatic' });
    } else {
      const totals = upcoming.get(row.venueId) ?? { bookings: 0, totalCents: 0 };
      upcoming.set(row.venueId, { bookings: totals.bookings + 1, totalCents: totals.totalCents + base.totalCents });
    }
  }
  return { usages, upcoming };
}

/** The mirror keeps the platform's strings (`…Z`, maybe without milliseconds): one format from here on. */
function iso(value: string): string {
  return new Date(value).toISOString();
}
