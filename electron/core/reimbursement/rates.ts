/**
 * The pass Culture reimbursement rates for cinema (standard rule), in ONE dated table. Amounts are integer euro
 * cents, rates integer basis points (10,000 = 100 %), so every computation stays exact.
 *
 * Source: docs/platform.md ("Reimbursement"), and pass-culture-main
 * `api/src/pcapi/core/finance/reimbursement_rules.py` (classes `ReimbursementRateByVenueBetween20000And40000`,
 * `…Between40000And150000`, `…Above150000`, valid from `SEPTEMBER_2021` = 2021-09-01 00:00 Europe/Paris):
 * a band's upper bound is inclusive (`20_000 * 100 < cumulative_revenue <= 40_000 * 100` → 95 %).
 */
import { venueDayRange } from '../../../shared/venueTime';
import { ACCOUNTING_TIME_ZONE } from './accounting';

export interface RateBand {
  /** Year-to-date revenue (this booking included) above which the band applies, exclusive. */
  fromCents: number;
  /** Inclusive upper bound; null for the last band. */
  toCents: number | null;
  /** 10,000 = 100 %. */
  rateBasisPoints: number;
}

export interface RateTable {
  /** First calendar day (Europe/Paris) the table applies to, by the booking's usage date. */
  validFrom: string;
  bands: readonly RateBand[];
  source: string;
}

export const CINEMA_RATE_TABLES: readonly RateTable[] = [
  {
    validFrom: '2021-09-01',
    bands: [
      { fromCents: 0, toCents: 2_000_000, rateBasisPoints: 10_000 },
      { fromCents: 2_000_000, toCents: 4_000_000, rateBasisPoints: 9_500 },
      { fromCents: 4_000_000, toCents: 15_000_000, rateBasisPoints: 9_200 },
      { fromCents: 15_000_000, toCents: null, rateBasisPoints: 9_000 },
    ],
    source:
      'docs/platform.md; pass-culture-main api/src/pcapi/core/finance/reimbursement_rules.py (ReimbursementRateByVenue*, valid_from SEPTEMBER_2021)',
  },
];

/** The table in force at an instant (rules compare the usage date with `valid_from`, in Europe/Paris). */
export function rateTableAt(usedAt: string): RateTable {
  const at = Date.parse(usedAt);
  const inForce = CINEMA_RATE_TABLES.filter((table) => startOfParisDay(table.validFrom) <= at);
  // Usages before the oldest table are not expected here (the counter started long after 2021): oldest applies.
  return inForce[inForce.length - 1] ?? CINEMA_RATE_TABLES[0]!;
}

/**
 * The band of a year-to-date revenue that already includes the booking being priced: the platform picks the
 * rule from `new_revenue = current_revenue + booking.total_amount` (api.py `_price_booking` / `_price_event`).
 */
export function bandFor(table: RateTable, revenueIncludingBookingCents: number): RateBand {
  return (
    table.bands.find((band) => band.toCents === null || revenueIncludingBookingCents <= band.toCents) ??
    table.bands[table.bands.length - 1]!
  );
}

/**
 * Reimbursed cents of a booking at a rate, rounded half up to the cent like pass-culture-main
 * `core/finance/utils.py` (`to_eurocents` / `round_to_integer`, ROUND_HALF_UP). Exact in integers.
 */
export function applyRate(totalCents: number, rateBasisPoints: number): number {
  return Math.floor((totalCents * rateBasisPoints + 5_000) / 10_000);
}

function startOfParisDay(day: string): number {
  return Date.parse(venueDayRange(day, ACCOUNTING_TIME_ZONE).from);
}
