/**
 * The venue's local day and wall-clock time ↔ instants (shared/venueTime.ts), and an instant's day and clock time as
 * shared/dates.ts remembers them, across summer/winter time.
 */
import { describe, expect, it } from 'vitest';
import { dayInZone, formatTime } from '../../../shared/dates';
import { venueDateTime, venueDayAndTime, venueDayRange, venueTimeMs, venueToday } from '../../../shared/venueTime';

describe("the venue's local day and time", () => {
  it('a day of the venue is a UTC range, 23 or 25 hours long on the days the clocks change', () => {
    expect(venueDayRange('2026-11-27', 'Europe/Paris')).toEqual({
      from: '2026-11-26T23:00:00.000Z',
      to: '2026-11-27T23:00:00.000Z',
    });
    expect(venueDayRange('2026-03-29', 'Europe/Paris')).toEqual({
      from: '2026-03-28T23:00:00.000Z',
      to: '2026-03-29T22:00:00.000Z',
    });
    expect(venueDayRange('2026-10-24', 'Europe/Paris', 2)).toEqual({
      from: '2026-10-23T22:00:00.000Z',
      to: '2026-10-25T23:00:00.000Z',
    });
    expect(venueDayRange('2026-11-27', 'Indian/Reunion').from).toBe('2026-11-26T20:00:00.000Z');
  });

  it("today is the venue's, not the PC's: 23:30 UTC is already tomorrow in Paris", () => {
    expect(venueToday(new Date('2026-11-27T23:30:00.000Z'), 'Europe/Paris')).toBe('2026-11-28');
    expect(venueToday(new Date('2026-11-27T23:30:00.000Z'), 'America/Cayenne')).toBe('2026-11-27');
  });

  it('a typed séance time is an instant with the offset of that day, and reads back the same', () => {
    expect(venueDateTime('2026-03-29', '20:30', 'Europe/Paris')).toBe('2026-03-29T20:30:00+02:00');
    expect(venueDateTime('2026-03-28', '20:30', 'Europe/Paris')).toBe('2026-03-28T20:30:00+01:00');
    expect(venueTimeMs('2026-03-29', '20:30', 'Europe/Paris')).toBe(Date.parse('2026-03-29T18:30:00Z'));
    expect(venueDayAndTime('2026-03-29T18:30:00.000Z', 'Europe/Paris')).toEqual({ day: '2026-03-29', time: '20:30' });
  });

  it("the day of an instant, remembered per minute, changes at the venue's midnight and not a minute off", () => {
    // In any ISO form, in two zones at once. Summer time: midnight is 22:00 UTC; Kathmandu's offset has 45 minutes.
    expectAskedTwice(dayInZone, [
      ['2026-11-27T22:59:59.999Z', 'Europe/Paris', '2026-11-27'],
      ['2026-11-27T23:00:00.000Z', 'Europe/Paris', '2026-11-28'],
      ['2026-11-27T23:00:59Z', 'Europe/Paris', '2026-11-28'],
      ['2026-11-28T00:00:00+01:00', 'Europe/Paris', '2026-11-28'],
      ['2026-11-27T23:00:30.000Z', 'America/Cayenne', '2026-11-27'],
      ['2026-07-14T21:59:00Z', 'Europe/Paris', '2026-07-14'],
      ['2026-07-14T22:00:00Z', 'Europe/Paris', '2026-07-15'],
      ['2026-07-14T18:14:59Z', 'Asia/Kathmandu', '2026-07-14'],
      ['2026-07-14T18:15:00Z', 'Asia/Kathmandu', '2026-07-15'],
    ]);
    expect(() => dayInZone('not a date', 'Europe/Paris')).toThrow(RangeError);
  });

  it("a clock time, remembered per minute, follows the venue's offset on the nights the clocks change", () => {
    // 25 October 2026: 03:00 summer time becomes 02:00 winter time at 01:00 UTC.
    expectAskedTwice(formatTime, [
      ['2026-10-25T00:59:59Z', 'Europe/Paris', '02:59'],
      ['2026-10-25T01:00:00Z', 'Europe/Paris', '02:00'],
      ['2026-10-25T01:00:00Z', 'Indian/Reunion', '05:00'],
      ['2026-07-14T18:15:30.500Z', 'Asia/Kathmandu', '00:00'],
      ['2026-11-27T21:30:00+01:00', 'Europe/Paris', '21:30'],
    ]);
    expect(() => formatTime('not a date', 'Europe/Paris')).toThrow(RangeError);
  });
});

/** Each case twice over: the second answer comes from the memo (shared/dates `perMinute`). */
function expectAskedTwice(read: (isoUtc: string, timeZone: string) => string, cases: [string, string, string][]) {
  for (let round = 0; round < 2; round++) {
    for (const [isoUtc, timeZone, expected] of cases) expect(read(isoUtc, timeZone)).toBe(expected);
  }
}
