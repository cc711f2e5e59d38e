/**
 * Prices used bookings the way pass-culture-main does (`api/src/pcapi/core/finance/api.py`, `price_bookings` /
 * `_price_booking`, and `_price_event` in newer versions):
 * - per venue (pricing point) and per revenue year: the Europe/Paris year of the usage date;
 * - in a stable order: later of (séance start, usage date), then usage date, then booking id
 *   (`_PRICE_BOOKINGS_ORDER_CLAUSE`);
 * - each booking adds its whole amount to the year-to-date revenue, and the rate is the band of that new
 *   revenue, applied to the WHOLE booking (not marginally): a booking that crosses 20,000 € is reimbursed at
 *   95 % in full (`get_reimbursement_rule(booking, …, new_revenue)` then `rule.apply(booking)`).
 */
import { accountingYear } from './accounting';
import { applyRate, bandFor, rateTableAt } from './rates';

export interface UsageToPrice {
  bookingId: number;
  venueId: number;
  totalCents: number;
  usedAt: string;
  seanceStart: string | null;
}

export interface PricedUsage<U extends UsageToPrice = UsageToPrice> {
  usage: U;
  year: number;
  /** Year-to-date revenue of the venue including this booking. */
  revenueAfterCents: number;
  rateBasisPoints: number;
  reimbursementCents: number;
}

function orderKey(u: UsageToPrice): [number, number, number] {
  const used = Date.parse(u.usedAt);
  const start = u.seanceStart === null ? used : Date.parse(u.seanceStart);
  return [Math.max(start, used), used, u.bookingId];
}

function compareUsages(a: UsageToPrice, b: UsageToPrice): number {
  const [a1, a2, a3] = orderKey(a);
  const [b1, b2, b3] = orderKey(b);
  return a1 - b1 || a2 - b2 || a3 - b3;
}

/** Prices every usage, in the platform's order; the answer is in that order. */
export function priceUsages<U extends UsageToPrice>(usages: readonly U[]): PricedUsage<U>[] {
  const revenueByVenueYear = new Map<string, number>();
  return [...usages].sort(compareUsages).map((usage) => {
    const year = accountingYear(usage.usedAt);
    const key = `${usage.venueId}:${year}`;
    const revenueAfterCents = (revenueByVenueYear.get(key) ?? 0) + usage.totalCents;
    revenueByVenueYear.set(key, revenueAfterCents);
    const { rateBasisPoints } = bandFor(rateTableAt(usage.usedAt), revenueAfterCents);
    return {
      usage,
      year,
      revenueAfterCents,
      rateBasisPoints,
      reimbursementCents: applyRate(usage.totalCents, rateBasisPoints),
    };
  });
}
