/**
 * Fin de journée by counter (issue 14): a main counter and its secondaries write one ledger, so the report lists the
 * counters that validated that day and can be narrowed to one — on screen, in the CSV's name and on the slip.
 */
import { describe, expect, it } from 'vitest';
import type { CounterAction, Standings } from '../../../electron/core/counter/validationStanding';
import { foldStanding } from '../../../electron/core/counter/validationStanding';
import { endOfDayCsv } from '../../../electron/core/reports/endOfDayCsv';
import { buildEndOfDaySlip } from '../../../electron/core/reports/endOfDaySlip';
import { endOfDayReport, type EndOfDaySources } from '../../../electron/core/reports/endOfDay';

const START = '2026-12-06T19:30:00.000Z';
const NOW = new Date('2026-12-06T21:00:00.000Z');

function action(bookingId: number, counterName: string, state: 'done' | 'conflict' = 'done'): CounterAction {
  return {
    ledgerId: bookingId,
    kind: 'validation',
    at: '2026-12-06T19:20:00.000Z',
    counterName,
    bookingId,
    personId: null,
    personName: null,
    provisional: false,
    fromMain: false,
    upload: {
      state,
      doneAt: state === 'done' ? '2026-12-06T19:20:01.000Z' : null,
      reason: state === 'done' ? null : 'refusée',
    },
  };
}

/** One séance, four bookings of one place at 7 €: validated at Caisse 1, at Caisse 2, in conflict at Caisse 2, unused. */
const actions = new Map<number, CounterAction[]>([
  [1, [action(1, 'Caisse 1')]],
  [2, [action(2, 'Caisse 2')]],
  [3, [action(3, 'Caisse 2', 'conflict')]],
]);
const sources: EndOfDaySources = {
  seances: {
    ofDay: () => [{ stockId: 10, offerId: 5, start: START, priceCategoryLabel: 'Tarif unique', offerName: 'Le Film' }],
  },
  facts: {
    ofStocks: () =>
      [1, 2, 3, 4].map((bookingId) => ({
        bookingId,
        stockId: 10,
        status: 'CONFIRMED' as const,
        quantity: 1,
        unitPriceCents: 700,
      })),
  },
  standings: {
    ofBookings: (ids?: readonly number[]) =>
      new Map((ids ?? []).filter((id) => actions.has(id)).map((id) => [id, foldStanding(actions.get(id)!)])),
  } as unknown as Standings,
};
const request = { day: '2026-12-06', timeZone: 'Europe/Paris', venueName: 'Cinéma', counterName: 'Caisse 1', now: NOW };

describe('Fin de journée by counter', () => {
  it('lists the counters that validated that day, and counts them all by default', () => {
    const report = endOfDayReport(sources, request);
    expect(report.counters).toEqual(['Caisse 1', 'Caisse 2']);
    expect(report.totals.validatedHere.bookings).toBe(2);
    expect(report.totals.conflicts.bookings).toBe(1);
    expect(report.totals.noShows.bookings).toBe(1);
  });

  it("narrows to one counter's validations and conflicts", () => {
    const report = endOfDayReport(sources, { ...request, counter: 'Caisse 2' });
    expect(report.counter).toBe('Caisse 2');
    expect(report.totals.validatedHere).toEqual({ bookings: 1, places: 1, amountCents: 700 });
    expect(report.totals.conflicts.bookings).toBe(1);
    expect(report.totals.noShows.bookings).toBe(0);
    expect(report.totals.expected.bookings).toBe(2);
    // The filter list stays whole, so another counter can be chosen from the narrowed report.
    expect(report.counters).toEqual(['Caisse 1', 'Caisse 2']);
  });

  it('says the counter in the CSV file name and on the slip', () => {
    const report = endOfDayReport(sources, { ...request, counter: 'Caisse 2' });
    expect(endOfDayCsv(report).fileName).toBe('rapport-fin-de-journee-2026-12-06-Caisse-2.csv');
    expect(endOfDayCsv(endOfDayReport(sources, request)).fileName).toBe('rapport-fin-de-journee-2026-12-06.csv');
    const slip = buildEndOfDaySlip(report);
    expect(slip.blocks).toContainEqual(expect.objectContaining({ kind: 'pair', value: 'Caisse 2' }));
  });
});
