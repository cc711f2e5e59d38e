/**
 * How the screens say a séance's day and how long ago something happened (renderer/format/dates.ts), in the venue's
 * zone. Their wordings and clock times are remembered (a verdict's render asks for them at each render): each case
 * is asked twice, and "today" must follow `now` across the venue's midnight.
 */
import { describe, expect, it } from 'vitest';
import { formatSeanceDay, formatTimeAgo, formatWhen } from '../../../renderer/format/dates';

const PARIS = 'Europe/Paris';

describe("a séance's day and a moment, as the screens say them", () => {
  it("names the séance's day relative to the venue's today, and moves on at the venue's midnight", () => {
    const start = '2026-12-07T19:30:00Z'; // 20:30 in Paris
    for (let round = 0; round < 2; round++) {
      expect(formatSeanceDay(start, new Date('2026-12-07T10:00:00Z'), PARIS)).toBe('aujourd’hui à 20:30');
      expect(formatSeanceDay(start, new Date('2026-12-06T22:59:00Z'), PARIS)).toBe('demain à 20:30');
      // 23:00 UTC is already the 8th in Paris.
      expect(formatSeanceDay(start, new Date('2026-12-07T23:00:00Z'), PARIS)).toBe('hier à 20:30');
      expect(formatSeanceDay(start, new Date('2026-12-10T12:00:00Z'), PARIS)).toBe('lundi 7 décembre à 20:30');
      expect(formatSeanceDay(start, new Date('2026-12-07T10:00:00Z'), 'America/Cayenne')).toBe('aujourd’hui à 16:30');
    }
  });

  it('says "le" before a date after "dès" or "pour", not before "demain"', () => {
    const start = '2026-12-10T17:00:00Z';
    for (let round = 0; round < 2; round++) {
      expect(formatWhen(start, new Date('2026-12-07T10:00:00Z'), PARIS)).toBe('le jeudi 10 décembre à 18:00');
      expect(formatWhen(start, new Date('2026-12-09T10:00:00Z'), PARIS)).toBe('demain à 18:00');
    }
  });

  it('says how long ago within the hour, then the time the same day, then the date', () => {
    const now = new Date('2026-12-07T19:00:00Z');
    for (let round = 0; round < 2; round++) {
      expect(formatTimeAgo('2026-12-07T18:59:30Z', now, PARIS)).toBe("à l'instant");
      expect(formatTimeAgo('2026-12-07T18:58:00Z', now, PARIS)).toBe('il y a 2 min');
      expect(formatTimeAgo('2026-12-07T09:02:00Z', now, PARIS)).toBe('à 10:02');
      expect(formatTimeAgo('2026-12-06T09:02:00Z', now, PARIS)).toBe('le 06/12/2026 10:02');
    }
  });
});
