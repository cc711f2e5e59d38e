/**
 * Reimbursement arithmetic as pass-culture-main prices bookings: the band of the year-to-date revenue including
 * the booking applies to the whole booking; years are Europe/Paris years; amounts rounded half up to the cent.
 */
import { describe, expect, it } from 'vitest';
import { priceUsages, type UsageToPrice } from '../../../electron/core/reimbursement/pricing';
import { applyRate, bandFor, CINEMA_RATE_TABLES, rateTableAt } from '../../../electron/core/reimbursement/rates';

let nextId = 1;
function usage(totalCents: number, usedAt: string, extra: Partial<UsageToPrice> = {}): UsageToPrice {
  return { bookingId: nextId++, venueId: 1, totalCents, usedAt, seanceStart: null, ...extra };
}

/** Prices `[before, booking]` on the same day: what the second booking gets once `before` is counted. */
function priceAfter(beforeCents: number, bookingCents: number) {
  const priced = priceUsages([
    usage(beforeCents, '2025-05-01T10:00:00.000Z'),
    usage(bookingCents, '2025-05-01T11:00:00.000Z'),
  ]);
  return priced[1]!;
}

describe('the rate table', () => {
  it('is one dated table with its source', () => {
    expect(CINEMA_RATE_TABLES).toHaveLength(1);
    const table = CINEMA_RATE_TABLES[0]!;
    expect(table.validFrom).toBe('2021-09-01');
    expect(table.source).toMatch(/platform\.md.*reimbursement_rules\.py/);
    expect(table.bands.map((b) => [b.toCents, b.rateBasisPoints])).toEqual([
      [2_000_000, 10_000],
      [4_000_000, 9_500],
      [15_000_000, 9_200],
      [null, 9_000],
    ]);
    expect(rateTableAt('2026-01-01T00:00:00.000Z')).toBe(table);
  });

  it('has inclusive upper bounds, like `cumulative_revenue <= 40_000 * 100`', () => {
    const table = CINEMA_RATE_TABLES[0]!;
    expect(bandFor(table, 2_000_000).rateBasisPoints).toBe(10_000);
    expect(bandFor(table, 2_000_001).rateBasisPoints).toBe(9_500);
    expect(bandFor(table, 4_000_000).rateBasisPoints).toBe(9_500);
    expect(bandFor(table, 4_000_001).rateBasisPoints).toBe(9_200);
    expect(bandFor(table, 15_000_000).rateBasisPoints).toBe(9_200);
    expect(bandFor(table, 15_000_001).rateBasisPoints).toBe(9_000);
  });

  it('rounds half up to the cent, in integers', () => {
    expect(applyRate(790, 9_500)).toBe(751); // 7.505 → 7.51
    expect(applyRate(789, 9_500)).toBe(750); // 7.4955 → 7.50
    expect(applyRate(1_000, 9_200)).toBe(920);
    expect(applyRate(1, 9_500)).toBe(1); // 0.95 cent → 1
    expect(applyRate(1, 9_000)).toBe(1); // 0.90 cent → 1
    expect(applyRate(5, 9_000)).toBe(5); // 4.5 cents → 5
  });
});

describe.each([
  { threshold: 2_000_000, below: 10_000, above: 9_500 },
  { threshold: 4_000_000, below: 9_500, above: 9_200 },
  { threshold: 15_000_000, below: 9_200, above: 9_000 },
])('around $threshold cents', ({ threshold, below, above }) => {
  it('just below: the lower band', () => {
    const p = priceAfter(threshold - 1_001, 1_000);
    expect(p.revenueAfterCents).toBe(threshold - 1);
    expect(p.rateBasisPoints).toBe(below);
    expect(p.reimbursementCents).toBe(applyRate(1_000, below));
  });

  it('reaching the threshold exactly: still the lower band', () => {
    const p = priceAfter(threshold - 1_000, 1_000);
    expect(p.revenueAfterCents).toBe(threshold);
    expect(p.rateBasisPoints).toBe(below);
  });

  it('one cent above: the upper band', () => {
    const p = priceAfter(threshold - 999, 1_000);
    expect(p.revenueAfterCents).toBe(threshold + 1);
    expect(p.rateBasisPoints).toBe(above);
  });

  it('a booking straddling the threshold is priced in full at the upper rate (not split)', () => {
    const p = priceAfter(threshold - 500, 1_000); // half of it below, half above
    expect(p.rateBasisPoints).toBe(above);
    expect(p.reimbursementCents).toBe(applyRate(1_000, above));
  });

  it('well above: the upper band', () => {
    expect(priceAfter(threshold + 50_000, 1_000).rateBasisPoints).toBe(above);
  });
});

describe('pricing order and scope', () => {
  it('counts revenue per venue', () => {
    const priced = priceUsages([
      usage(2_000_000, '2025-05-01T10:00:00.000Z', { venueId: 1 }),
      usage(1_000, '2025-05-01T11:00:00.000Z', { venueId: 2 }),
      usage(1_000, '2025-05-01T12:00:00.000Z', { venueId: 1 }),
    ]);
    expect(priced.map((p) => [p.usage.venueId, p.rateBasisPoints])).toEqual([
      [1, 10_000],
      [2, 10_000],
      [1, 9_500],
    ]);
  });

  it('prices by the later of séance start and usage date (validated before the séance → séance time)', () => {
    const early = usage(1_000, '2025-05-01T08:00:00.000Z', { seanceStart: '2025-05-01T20:00:00.000Z' });
    const noon = usage(1_000, '2025-05-01T12:00:00.000Z');
    expect(priceUsages([early, noon]).map((p) => p.usage.bookingId)).toEqual([noon.bookingId, early.bookingId]);
  });

  it('splits years in Europe/Paris: 31/12 23:30 Paris is the old year, 01/01 00:30 Paris the new one', () => {
    const big = usage(1_999_500, '2024-12-01T10:00:00.000Z');
    const lastEvening = usage(1_000, '2024-12-31T22:30:00.000Z'); // 23:30 in Paris (UTC+1)
    const newYear = usage(1_000, '2024-12-31T23:30:00.000Z'); // 00:30 on 1 January in Paris
    const priced = priceUsages([big, lastEvening, newYear]);
    const of = (u: UsageToPrice) => priced.find((p) => p.usage === u)!;
    expect(of(lastEvening).year).toBe(2024);
    expect(of(lastEvening).revenueAfterCents).toBe(2_000_500);
    expect(of(lastEvening).rateBasisPoints).toBe(9_500);
    expect(of(newYear).year).toBe(2025);
    expect(of(newYear).revenueAfterCents).toBe(1_000);
    expect(of(newYear).rateBasisPoints).toBe(10_000);
  });
});
