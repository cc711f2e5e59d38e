/** The séance window rule (shared/seanceWindow.ts): which bookings are for the séance of the moment. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SEANCE_WINDOW, dayOffset, seanceTiming } from '../../../shared/seanceWindow';

const PARIS = 'Europe/Paris';
/** Thursday 15 January 2026, 20:30 in Paris (UTC+1). */
const START = '2026-01-15T19:30:00.000Z';
const at = (iso: string) => new Date(iso);
const timing = (now: string, window = DEFAULT_SEANCE_WINDOW) => seanceTiming(START, at(now), window, PARIS);

describe('the séance window (default: 1 h before to 30 min after the start)', () => {
  it('admits from one hour before the start to thirty minutes after it, bounds included', () => {
    expect(timing('2026-01-15T18:30:00.000Z')).toBe('in_window');
    expect(timing('2026-01-15T19:30:00.000Z')).toBe('in_window');
    expect(timing('2026-01-15T20:00:00.000Z')).toBe('in_window');
  });

  it('is "later today" before the window on the séance day, in the venue’s time', () => {
    expect(timing('2026-01-15T18:29:00.000Z')).toBe('later_today');
    // 00:30 in Paris is already the 15th, though still the 14th in UTC.
    expect(timing('2026-01-14T23:30:00.000Z')).toBe('later_today');
  });

  it('is "another day" before the séance day', () => {
    expect(timing('2026-01-14T22:59:00.000Z')).toBe('other_day');
    expect(timing('2026-01-12T19:30:00.000Z')).toBe('other_day');
  });

  it('is "past" once the window has closed, the same evening or days later', () => {
    expect(timing('2026-01-15T20:00:01.000Z')).toBe('past');
    expect(timing('2026-01-16T12:00:00.000Z')).toBe('past');
  });

  it('follows the counter’s setting', () => {
    const wide = { beforeMinutes: 180, afterMinutes: 0 };
    expect(timing('2026-01-15T16:30:00.000Z', wide)).toBe('in_window');
    expect(timing('2026-01-15T19:31:00.000Z', wide)).toBe('past');
  });

  it('says nothing of a séance it does not know', () => {
    expect(seanceTiming(null, at('2026-01-15T19:00:00.000Z'), DEFAULT_SEANCE_WINDOW, PARIS)).toBeNull();
    expect(seanceTiming('not a date', at('2026-01-15T19:00:00.000Z'), DEFAULT_SEANCE_WINDOW, PARIS)).toBeNull();
  });

  it('counts calendar days in the venue’s zone (yesterday, tomorrow), across a DST change', () => {
    expect(dayOffset(START, at('2026-01-16T10:00:00.000Z'), PARIS)).toBe(-1);
    expect(dayOffset(START, at('2026-01-14T23:30:00.000Z'), PARIS)).toBe(0);
    expect(dayOffset(START, at('2026-01-14T22:30:00.000Z'), PARIS)).toBe(1);
    // Sunday 29 March 2026: clocks go forward in Paris.
    expect(dayOffset('2026-03-30T18:00:00.000Z', at('2026-03-28T22:00:00.000Z'), PARIS)).toBe(2);
  });
});
