/** Issue 12: the Programme's days — séances per film and time, places added up, where each stands now. */
import { describe, expect, it } from 'vitest';
import type { OfferView, SeanceView } from '../../../shared/contract';
import {
  filmsOfDay,
  seanceTiming,
  slotCountsByDay,
  slotTotals,
} from '../../../renderer/screens/programme/groupProgramme';

const PARIS = 'Europe/Paris';

function offer(offerId: number, name: string): OfferView {
  return {
    offerId,
    venueId: 1,
    name,
    description: null,
    durationMinutes: 100,
    isDuo: false,
    status: 'ACTIVE',
    hasPoster: false,
  };
}

let nextStock = 1;
function seance(offerId: number, start: string, change: Partial<SeanceView> = {}): SeanceView {
  return {
    stockId: nextStock++,
    offerId,
    offerName: `Film ${offerId}`,
    start,
    priceCategoryLabel: 'Plein tarif',
    priceCents: 800,
    quantity: 100,
    bookedQuantity: 10,
    remaining: 90,
    expected: 6,
    came: 4,
    ...change,
  };
}

describe('programme grouping', () => {
  it('groups a day per film in the order of its first séance, each time once with its tariffs, dearest first', () => {
    const seances = [
      seance(2, '2026-12-06T20:30:00.000Z'),
      seance(1, '2026-12-06T19:00:00.000Z', { priceCents: 500, priceCategoryLabel: 'Réduit' }),
      seance(1, '2026-12-06T19:00:00.000Z', { priceCents: 900 }),
      seance(1, '2026-12-06T21:00:00.000Z'),
      seance(2, '2026-12-06T14:00:00.000Z'),
    ];
    const films = filmsOfDay([offer(1, 'Le Grand Bleu'), offer(2, 'Nikita')], seances, '2026-12-06', PARIS);
    expect(films.map((film) => film.offer.name)).toEqual(['Nikita', 'Le Grand Bleu']);
    const [nikita, grandBleu] = films;
    expect(nikita?.slots.map((slot) => slot.start)).toEqual(['2026-12-06T14:00:00.000Z', '2026-12-06T20:30:00.000Z']);
    expect(grandBleu?.slots).toHaveLength(2);
    expect(grandBleu?.slots[0]?.stocks.map((stock) => stock.priceCents)).toEqual([900, 500]);
  });

  it("takes the venue's day, not UTC's: 23:30 in Paris on the 6th is the 6th, 00:30 on the 7th is the 7th", () => {
    const late = seance(1, '2026-12-06T22:30:00.000Z');
    const afterMidnight = seance(1, '2026-12-06T23:30:00.000Z');
    expect(filmsOfDay([], [late, afterMidnight], '2026-12-06', PARIS)[0]?.slots).toHaveLength(1);
    expect(slotCountsByDay([late, afterMidnight], PARIS)).toEqual(
      new Map([
        ['2026-12-06', 1],
        ['2026-12-07', 1],
      ]),
    );
  });

  it('shows a séance whose film is not in the mirror yet under the name the séance carries', () => {
    const [film] = filmsOfDay([], [seance(9, '2026-12-06T19:00:00.000Z')], '2026-12-06', PARIS);
    expect(film?.offer).toMatchObject({ offerId: 9, name: 'Film 9', durationMinutes: null });
  });

  it('adds places over tariffs; one unlimited tariff makes the séance unlimited', () => {
    const start = '2026-12-06T19:00:00.000Z';
    expect(slotTotals({ stocks: [seance(1, start), seance(1, start, { remaining: 5, came: 1 })] })).toEqual({
      booked: 20,
      remaining: 95,
      expected: 12,
      came: 5,
    });
    expect(
      slotTotals({ stocks: [seance(1, start), seance(1, start, { quantity: null, remaining: null })] }).remaining,
    ).toBeNull();
  });

  it('a séance is upcoming, then running from its start, then past after its duration (two hours if unknown)', () => {
    const start = '2026-12-06T19:00:00.000Z';
    expect(seanceTiming(start, 100, new Date('2026-12-06T18:59:59.000Z'))).toBe('upcoming');
    expect(seanceTiming(start, 100, new Date(start))).toBe('running');
    expect(seanceTiming(start, 100, new Date('2026-12-06T20:40:00.000Z'))).toBe('past');
    expect(seanceTiming(start, null, new Date('2026-12-06T20:59:00.000Z'))).toBe('running');
    expect(seanceTiming(start, null, new Date('2026-12-06T21:00:00.000Z'))).toBe('past');
  });
});
