/** Clock control: the sandbox's now moves forward or to an instant, and every rule follows it. */
import { describe, expect, it } from 'vitest';
import { startSandbox } from '../../../electron/sandbox';
import { NOW, startTestSandbox } from './helpers';

describe('POST /__sandbox/clock', () => {
  it('moves the clock, and a booking becomes validatable at its confirmation date', async () => {
    const t = await startTestSandbox();
    try {
      expect(await t.controlJson('GET', '/clock')).toEqual({ now: '2026-03-26T10:00:00Z', offsetMs: 0 });
      const booking = await t.create({ confirmed: false });
      expect((await t.get(`/public/bookings/v1/token/${booking.token}`)).status).toBe(403);

      const moved = await t.controlJson('POST', '/clock', { now: booking.confirmationDate });
      expect(moved).toEqual({
        now: booking.confirmationDate,
        offsetMs: Date.parse(booking.confirmationDate) - NOW.getTime(),
      });
      expect((await t.bookings()).find((b) => b.id === booking.id)?.lookupOutcome).toBe('valid');
      expect((await t.patch(`/public/bookings/v1/use/token/${booking.token}`)).status).toBe(204);
      expect((await t.bookings()).find((b) => b.id === booking.id)?.dateUsed).toBe(booking.confirmationDate);

      const later = await t.controlJson<{ now: string }>('POST', '/clock', { advanceMs: 90_000 });
      expect(Date.parse(later.now) - Date.parse(booking.confirmationDate)).toBe(90_000);
      // An offset in the instant is honoured.
      expect(await t.controlJson('POST', '/clock', { now: '2026-03-27T09:30:00+01:00' })).toMatchObject({
        now: '2026-03-27T08:30:00Z',
      });

      for (const body of [
        {},
        { advanceMs: -1 },
        { advanceMs: 1.5 },
        { now: 'tomorrow' },
        { advanceMs: 1, now: '2026-03-27T08:30:00Z' },
      ]) {
        expect((await t.control('POST', '/clock', body)).status, JSON.stringify(body)).toBe(400);
      }

      await t.control('POST', '/reset');
      expect(await t.controlJson('GET', '/clock')).toEqual({ now: '2026-03-26T10:00:00Z', offsetMs: 0 });
    } finally {
      await t.close();
    }
  });

  it('without an explicit now, runs on the real time plus the offset', async () => {
    const sandbox = await startSandbox();
    try {
      const read = async (init?: RequestInit) =>
        (await (await fetch(`${sandbox.url}/__sandbox/clock`, init)).json()) as { now: string; offsetMs: number };
      expect(Math.abs(Date.parse((await read()).now) - Date.now())).toBeLessThan(2000);
      const day = 86_400_000;
      const moved = await read({
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ advanceMs: day }),
      });
      expect(moved.offsetMs).toBe(day);
      expect(Math.abs(Date.parse(moved.now) - (Date.now() + day))).toBeLessThan(2000);
    } finally {
      await sandbox.close();
    }
  });
});
