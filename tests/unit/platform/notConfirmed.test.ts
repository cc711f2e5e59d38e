import { describe, expect, it } from 'vitest';
import { parseNotConfirmedDate } from '../../../electron/core/platform/notConfirmed';

const sentence = (when: string) =>
  `Vous pourrez valider cette contremarque à partir du ${when}, une fois le délai d’annulation passé.`;

describe('parseNotConfirmedDate', () => {
  it('converts a winter time (UTC+1) in Paris', () => {
    expect(parseNotConfirmedDate(sentence('27/11/2026 à 20:30'), 'Europe/Paris')).toEqual({
      when: '27/11/2026 à 20:30',
      validatableFrom: '2026-11-27T19:30:00.000Z',
    });
  });

  it('converts a summer time (UTC+2) in Paris', () => {
    expect(parseNotConfirmedDate(sentence('14/07/2026 à 09:05'), 'Europe/Paris')?.validatableFrom).toBe(
      '2026-07-14T07:05:00.000Z',
    );
  });

  it('uses the zone it is given (overseas venues)', () => {
    expect(parseNotConfirmedDate(sentence('27/11/2026 à 20:30'), 'Indian/Reunion')?.validatableFrom).toBe(
      '2026-11-27T16:30:00.000Z',
    );
    expect(parseNotConfirmedDate(sentence('27/11/2026 à 20:30'), 'America/Cayenne')?.validatableFrom).toBe(
      '2026-11-27T23:30:00.000Z',
    );
  });

  it('handles both sides of the spring-forward change', () => {
    expect(parseNotConfirmedDate(sentence('29/03/2026 à 01:59'), 'Europe/Paris')?.validatableFrom).toBe(
      '2026-03-29T00:59:00.000Z',
    );
    expect(parseNotConfirmedDate(sentence('29/03/2026 à 03:00'), 'Europe/Paris')?.validatableFrom).toBe(
      '2026-03-29T01:00:00.000Z',
    );
    // 02:30 does not exist that night: read as 03:30 summer time rather than failing.
    expect(parseNotConfirmedDate(sentence('29/03/2026 à 02:30'), 'Europe/Paris')?.validatableFrom).toBe(
      '2026-03-29T01:30:00.000Z',
    );
  });

  it('takes the later instant of an ambiguous autumn time', () => {
    // 02:30 happens twice on 25/10/2026 (00:30Z in summer time, 01:30Z in winter time).
    expect(parseNotConfirmedDate(sentence('25/10/2026 à 02:30'), 'Europe/Paris')?.validatableFrom).toBe(
      '2026-10-25T01:30:00.000Z',
    );
    expect(parseNotConfirmedDate(sentence('25/10/2026 à 03:30'), 'Europe/Paris')?.validatableFrom).toBe(
      '2026-10-25T02:30:00.000Z',
    );
  });

  it('is lenient on spacing and on "20h30"', () => {
    const text = 'Vous pourrez valider cette contremarque à partir du 1/2/2027\u00a0à\u00a020h30.';
    expect(parseNotConfirmedDate(text, 'Europe/Paris')).toEqual({
      when: '01/02/2027 à 20:30',
      validatableFrom: '2027-02-01T19:30:00.000Z',
    });
  });

  it('returns null when there is no valid date', () => {
    expect(parseNotConfirmedDate('Vous pourrez valider cette contremarque plus tard.', 'Europe/Paris')).toBeNull();
    expect(parseNotConfirmedDate(sentence('31/02/2026 à 10:00'), 'Europe/Paris')).toBeNull();
    expect(parseNotConfirmedDate(sentence('10/13/2026 à 10:00'), 'Europe/Paris')).toBeNull();
    expect(parseNotConfirmedDate(sentence('10/10/2026 à 24:00'), 'Europe/Paris')).toBeNull();
  });

  it('keeps the wording but no instant when the zone is unknown', () => {
    expect(parseNotConfirmedDate(sentence('27/11/2026 à 20:30'), 'Mars/Olympus_Mons')).toEqual({
      when: '27/11/2026 à 20:30',
      validatableFrom: null,
    });
  });
});
