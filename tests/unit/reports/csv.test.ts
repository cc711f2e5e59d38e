/** The CSV writer for French Excel, read back: BOM, `;`, quotes, CRLF, decimal comma. */
import { describe, expect, it } from 'vitest';
import type { EndOfDayReport } from '../../../shared/contract';
import { csvField, frenchDecimal, parseCsv, toCsv } from '../../../electron/core/reports/csv';
import { emptyCounts } from '../../../electron/core/reports/endOfDay';
import { endOfDayCsv } from '../../../electron/core/reports/endOfDayCsv';

describe('csv writer', () => {
  it('writes a BOM, `;` separators and CRLF line ends', () => {
    const text = toCsv([
      ['a', 'b'],
      ['c', 1],
    ]);
    expect(text).toBe('\uFEFFa;b\r\nc;1\r\n');
  });

  it('quotes fields with `;`, quotes, line breaks or edge spaces, doubling quotes', () => {
    expect(csvField('Le Mépris; version restaurée')).toBe('"Le Mépris; version restaurée"');
    expect(csvField('Le film "culte"')).toBe('"Le film ""culte"""');
    expect(csvField('deux\r\nlignes')).toBe('"deux\r\nlignes"');
    expect(csvField(' espace')).toBe('" espace"');
    expect(csvField('Simple')).toBe('Simple');
  });

  it('neutralises formulas in text cells', () => {
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('-1')).toBe("'-1");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
  });

  it('writes euros with a decimal comma and no grouping', () => {
    expect(frenchDecimal(0)).toBe('0,00');
    expect(frenchDecimal(5)).toBe('0,05');
    expect(frenchDecimal(123_450)).toBe('1234,50');
    expect(frenchDecimal(-750)).toBe('-7,50');
  });

  it('reads back what it wrote', () => {
    const rows = [
      ['Séance', 'Film', 'Montant (€)'],
      ['27/11/2026 20:30', 'Le "Grand"; Bleu\nfin', '12,50'],
      ['', ' x ', ''],
    ];
    expect(parseCsv(toCsv(rows))).toEqual(rows);
  });
});

describe('end-of-day CSV', () => {
  const counts = emptyCounts();
  counts.expected = { bookings: 3, places: 4, amountCents: 2_650 };
  counts.validatedHere = { bookings: 1, places: 2, amountCents: 1_300 };
  counts.validatedElsewhere = { bookings: 1, places: 1, amountCents: 700 };
  counts.noShows = { bookings: 1, places: 1, amountCents: 650 };
  const report: EndOfDayReport = {
    day: '2026-03-29',
    timeZone: 'Europe/Paris',
    venueName: 'Cinéma Le Lux',
    counterName: 'Caisse 1',
    generatedAt: '2026-03-29T21:00:00.000Z',
    seances: [
      {
        stockId: 7,
        offerId: 3,
        offerName: 'Le Mépris; "restauré"',
        start: '2026-03-29T18:30:00.000Z', // 20:30 in Paris (summer time began that morning)
        priceCategoryLabel: 'Plein tarif',
        counts,
      },
    ],
    totals: counts,
  };

  it('opens in French Excel: header, one row per séance, totals, Paris time, decimal comma', () => {
    const { fileName, csv } = endOfDayCsv(report);
    expect(fileName).toBe('rapport-fin-de-journee-2026-03-29.csv');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.split('\r\n')).toHaveLength(4); // 3 lines + the empty string after the last CRLF
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/\n/);
    const rows = parseCsv(csv);
    expect(rows).toHaveLength(3);
    const [header, seance, totals] = rows;
    expect(header?.slice(0, 6)).toEqual([
      'Séance',
      'Film',
      'Tarif',
      'Réservations attendues',
      'Places attendues',
      'Montant attendu (€)',
    ]);
    expect(seance?.slice(0, 6)).toEqual([
      '29/03/2026 20:30',
      'Le Mépris; "restauré"',
      'Plein tarif',
      '3',
      '4',
      '26,50',
    ]);
    const column = (name: string) => header!.indexOf(name);
    expect(seance?.[column('Validées ici')]).toBe('1');
    expect(seance?.[column('Montant validé (€)')]).toBe('20,00');
    expect(seance?.[column('Absents')]).toBe('1');
    expect(totals?.[0]).toBe('TOTAL');
    expect(rows.every((row) => row.length === header!.length)).toBe(true);
  });
});

describe('control characters (issue 11)', () => {
  it('never reach the CSV: C0, DEL, C1 and bidi controls are dropped, line breaks stay quoted', async () => {
    const { csvField } = await import('../../../electron/core/reports/csv');
    expect(csvField('A\u0000B\u0007C\u001bD\u007fE\u0085F\u202eG\u2066H')).toBe('ABCDEFGH');
    expect(csvField('ligne 1\r\nligne 2')).toBe('"ligne 1\r\nligne 2"');
  });
});
