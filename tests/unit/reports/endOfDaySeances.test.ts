/** Fin de journée: one séance with its tariffs inside it on screen and on the slip; one CSV line per tariff. */
import { describe, expect, it } from 'vitest';
import type { EndOfDayReport } from '../../../shared/contract';
import { emptyCounts } from '../../../electron/core/reports/endOfDay';
import { endOfDayCsv } from '../../../electron/core/reports/endOfDayCsv';
import { buildEndOfDaySlip } from '../../../electron/core/reports/endOfDaySlip';
import { parseCsv } from '../../../electron/core/reports/csv';
import { endOfDaySeances } from '../../../shared/endOfDaySeances';

function counts(expected: number, here: number, cents: number) {
  const c = emptyCounts();
  c.expected = { bookings: expected, places: expected, amountCents: expected * cents };
  c.validatedHere = { bookings: here, places: here, amountCents: here * cents };
  c.waiting = { bookings: expected - here, places: expected - here, amountCents: (expected - here) * cents };
  return c;
}

const line = (stockId: number, offerId: number, start: string, label: string, c = counts(2, 1, 700)) => ({
  stockId,
  offerId,
  offerName: offerId === 1 ? 'La Nuit du chasseur' : 'Playtime',
  start,
  priceCategoryLabel: label,
  counts: c,
});

const report: EndOfDayReport = {
  day: '2026-06-12',
  timeZone: 'Europe/Paris',
  venueName: 'Le Lux',
  counterName: 'Caisse 1',
  generatedAt: '2026-06-12T21:00:00.000Z',
  seances: [
    line(10, 1, '2026-06-12T16:00:00.000Z', 'Plein tarif', counts(3, 2, 700)),
    line(11, 1, '2026-06-12T16:00:00.000Z', 'Tarif réduit', counts(2, 1, 500)),
    line(12, 2, '2026-06-12T16:00:00.000Z', 'Tarif unique'),
    line(13, 1, '2026-06-12T18:30:00.000Z', 'Plein tarif'),
  ],
  totals: emptyCounts(),
};

describe('séances of the end-of-day report', () => {
  it('gathers the tariffs of a film at one start, and keeps two films at the same time apart', () => {
    const seances = endOfDaySeances(report);
    expect(
      seances.map((s) => [s.offerName, s.start.slice(11, 16), s.tariffs.map((t) => t.priceCategoryLabel)]),
    ).toEqual([
      ['La Nuit du chasseur', '16:00', ['Plein tarif', 'Tarif réduit']],
      ['Playtime', '16:00', ['Tarif unique']],
      ['La Nuit du chasseur', '18:30', ['Plein tarif']],
    ]);
    expect(seances[0]?.counts.expected).toEqual({ bookings: 5, places: 5, amountCents: 3 * 700 + 2 * 500 });
    expect(seances[0]?.counts.validatedHere).toEqual({ bookings: 3, places: 3, amountCents: 2 * 700 + 500 });
  });

  it('keeps one CSV line per tariff for Excel', () => {
    const rows = parseCsv(endOfDayCsv(report).csv);
    expect(rows.slice(1, -1).map((row) => row[2])).toEqual([
      'Plein tarif',
      'Tarif réduit',
      'Tarif unique',
      'Plein tarif',
    ]);
  });

  it('prints each séance once on the slip, its tariffs under it', () => {
    const text = buildEndOfDaySlip(report)
      .blocks.map((block) => ('text' in block ? block.text : 'label' in block ? `${block.label} ${block.value}` : ''))
      .join('\n');
    expect(text.match(/18:00 La Nuit du chasseur/g)).toHaveLength(1);
    expect(text).toContain('Plein tarif');
    expect(text).toContain('Tarif réduit');
  });
});
