/** Days and times typed in French format whatever the browser's language (shared/frenchDateInput.ts). */
import { describe, expect, it } from 'vitest';
import { formatFrenchDay, parseFrenchDay, parseFrenchTime } from '../../../shared/frenchDateInput';

describe('a day typed as a French manager writes it', () => {
  it('reads dd/mm/yyyy and its usual variants', () => {
    for (const text of ['14/07/2026', '14/7/2026', '14.07.2026', '14-07-2026', '14/07/26', '14072026', ' 14/07/2026 '])
      expect(parseFrenchDay(text), text).toBe('2026-07-14');
    expect(parseFrenchDay('2026-07-14')).toBe('2026-07-14');
  });

  it('refuses what is not a calendar day, never guessing month-first', () => {
    for (const text of ['31/02/2026', '07/14/2026', '00/01/2026', '14/07', 'demain', '', '14/07/1999'])
      expect(parseFrenchDay(text), text).toBeNull();
    expect(parseFrenchDay('29/02/2028')).toBe('2028-02-29');
  });

  it('writes it back as dd/mm/yyyy', () => {
    expect(formatFrenchDay('2026-07-04')).toBe('04/07/2026');
  });
});

describe('a time typed on 24 hours', () => {
  it('reads 20:30, 20h30, 20 h 30, 20h, 2030, 8:05 and 805', () => {
    expect(parseFrenchTime('20:30')).toBe('20:30');
    expect(parseFrenchTime('20h30')).toBe('20:30');
    expect(parseFrenchTime('20 h 30')).toBe('20:30');
    expect(parseFrenchTime('20H')).toBe('20:00');
    expect(parseFrenchTime('2030')).toBe('20:30');
    expect(parseFrenchTime('8:05')).toBe('08:05');
    expect(parseFrenchTime('805')).toBe('08:05');
    expect(parseFrenchTime('0:00')).toBe('00:00');
  });

  it('refuses 12-hour times and impossible ones', () => {
    for (const text of ['8:30 PM', '24:00', '20:60', '20', 'vingt heures', '', '20:3'])
      expect(parseFrenchTime(text), text).toBeNull();
  });
});
