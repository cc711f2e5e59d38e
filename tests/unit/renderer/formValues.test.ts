/** Issue 12: the programme editor's forms as values — amounts, seats, tariffs, séances, and only what changed. */
import { describe, expect, it } from 'vitest';
import {
  amountText,
  centsOf,
  checkedTariff,
  checkSeance,
  filmChange,
  filmText,
  minutesOf,
  missingItems,
  nextSeanceDraft,
  seatsOf,
  tariffChange,
} from '../../../renderer/screens/programme/editor/formValues';

const PARIS = 'Europe/Paris';
/** 6 December 2026, 18:00 in Paris. */
const NOW_MS = Date.parse('2026-12-06T17:00:00.000Z');

describe('form values', () => {
  it('reads euros typed with a comma or a point, and writes them back with a comma', () => {
    expect(centsOf('5,50')).toBe(550);
    expect(centsOf('5.5')).toBe(550);
    expect(centsOf(' 7 € ')).toBe(700);
    expect(centsOf('5,555')).toBeNull();
    expect(centsOf('cinq')).toBeNull();
    expect(amountText(550)).toBe('5,50');
    expect(amountText(5)).toBe('0,05');
  });

  it('reads seats as a count, empty as unlimited, anything else as invalid; a duration in whole minutes', () => {
    expect(seatsOf('120')).toBe(120);
    expect(seatsOf(' ')).toBeNull();
    expect(seatsOf('12,5')).toBeUndefined();
    expect(minutesOf('')).toBeUndefined();
    expect(minutesOf('95')).toBe(95);
    expect(minutesOf('1h35')).toBeNaN();
  });

  it('checks a tariff as the core will: a label of its own, 0 to 300 €', () => {
    const others = [{ id: 1, label: 'Plein tarif' }];
    expect(checkedTariff(' ', '5', others)).toEqual({ ok: false, problem: 'label_empty' });
    expect(checkedTariff('plein tarif', '5', others)).toMatchObject({ ok: false, problem: 'label_taken' });
    expect(checkedTariff('Plein tarif', '9,50', others, 1)).toEqual({
      ok: true,
      label: 'Plein tarif',
      priceCents: 950,
    });
    expect(checkedTariff('Réduit', 'x', others)).toEqual({ ok: false, problem: 'price_invalid' });
    expect(checkedTariff('Réduit', '300,01', others)).toEqual({ ok: false, problem: 'price_too_high' });
    expect(checkedTariff('Réduit', '300', others)).toMatchObject({ ok: true, priceCents: 30_000 });
  });

  it('sends only what changed in a tariff, nothing when nothing did', () => {
    const tariff = { label: 'Plein tarif', priceCents: 800 };
    expect(tariffChange(tariff, { ok: true, label: 'Plein tarif', priceCents: 800 })).toBeNull();
    expect(tariffChange(tariff, { ok: true, label: 'Plein tarif', priceCents: 850 })).toEqual({
      label: undefined,
      priceCents: 850,
    });
    expect(tariffChange(tariff, { ok: false, problem: 'price_invalid' })).toBeNull();
  });

  it('sends only what changed in a film; an emptied trailer removes it, an emptied duration is left as it was', () => {
    const offer = {
      name: 'Nikita',
      description: null,
      durationMinutes: 117,
      isDuo: false,
      videoUrl: 'https://v.test/1',
    };
    const unchanged = filmText(offer);
    expect(filmChange(offer, unchanged)).toEqual({
      name: undefined,
      description: undefined,
      durationMinutes: undefined,
      isDuo: undefined,
      videoUrl: undefined,
    });
    expect(filmChange(offer, { ...unchanged, name: ' Nikita 2 ', duration: '', videoUrl: ' ', isDuo: true })).toEqual({
      name: 'Nikita 2',
      description: undefined,
      durationMinutes: undefined,
      isDuo: true,
      videoUrl: null,
    });
    expect(filmText({ ...offer, durationMinutes: 0 }).duration).toBe('');
  });

  it('checks a séance row: day, time, seats, then not already started', () => {
    const row = { key: 1, day: '2026-12-06', time: '20:30', seats: '' };
    expect(checkSeance({ ...row, day: null }, PARIS, NOW_MS)).toEqual({ ok: false, problem: 'day' });
    expect(checkSeance({ ...row, time: null }, PARIS, NOW_MS)).toEqual({ ok: false, problem: 'time' });
    expect(checkSeance({ ...row, seats: 'beaucoup' }, PARIS, NOW_MS)).toEqual({ ok: false, problem: 'seats' });
    expect(checkSeance({ ...row, time: '17:00' }, PARIS, NOW_MS)).toMatchObject({ ok: false, problem: 'past' });
    expect(checkSeance(row, PARIS, NOW_MS)).toEqual({ ok: true, day: '2026-12-06', time: '20:30', seats: null });
  });

  it('a new séance row takes the last one’s time and seats, the day after; the first is today at 20:30', () => {
    expect(nextSeanceDraft([], 1, '2026-12-06', '100')).toEqual({
      key: 1,
      day: '2026-12-06',
      time: '20:30',
      seats: '100',
    });
    const last = { key: 1, day: '2026-12-31', time: '18:15', seats: '' };
    expect(nextSeanceDraft([last], 2, '2026-12-06', '100')).toEqual({
      key: 2,
      day: '2027-01-01',
      time: '18:15',
      seats: '',
    });
  });

  it('lists what still stops "Publier", each séance by its number', () => {
    const film = { name: ' ', durationProblem: null, videoProblem: 'bad', posterProblem: null };
    const items = missingItems(film, { ok: false, problem: 'label_taken' }, [
      { ok: true, day: '2026-12-06', time: '20:30', seats: null },
      { ok: false, problem: 'time' },
    ]);
    expect(items).toEqual([
      { key: 'name' },
      { key: 'video' },
      { key: 'tariff_price' },
      { key: 'seance_time', number: 2 },
    ]);
  });
});
