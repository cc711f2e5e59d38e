/** Traffic mode: new bookings (and now and then a cancellation) every interval, deterministic from the seed. */
import { describe, expect, it } from 'vitest';
import { SandboxRuntime } from '../../../electron/sandbox/runtime';
import { NOW, allDates, startTestSandbox, type ControlBooking, type TestSandbox } from './helpers';

type Tick = { created: ControlBooking | null; cancelled: ControlBooking | null };

async function ticks(t: TestSandbox, n: number): Promise<Tick[]> {
  const out: Tick[] = [];
  for (let i = 0; i < n; i++) out.push(await t.controlJson<Tick>('POST', '/traffic/tick'));
  return out;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('traffic', () => {
  it('books séances to come, some DUO, some still cancellable, and cancels some: the same for the same seed', async () => {
    const [a, b, other] = await Promise.all([startTestSandbox(), startTestSandbox(), startTestSandbox({ seed: 3 })]);
    try {
      const seeded = await a.bookings();
      const fromA = await ticks(a, 24);
      expect(await ticks(b, 24)).toEqual(fromA);
      expect((await ticks(other, 24)).map((x) => x.created?.token)).not.toEqual(fromA.map((x) => x.created?.token));

      const created = fromA.map((x) => x.created).filter((x): x is ControlBooking => x !== null);
      expect(created.length).toBe(24);
      for (const booking of created) {
        expect(booking.status).toBe('CONFIRMED');
        expect(Date.parse(booking.seanceStart)).toBeGreaterThan(NOW.getTime());
        expect(booking.id).toBeGreaterThan(seeded[seeded.length - 1]?.id ?? 0);
      }
      expect(created.some((x) => x.quantity === 2)).toBe(true);
      expect(created.some((x) => x.lookupOutcome === 'valid')).toBe(true);
      expect(created.some((x) => x.lookupOutcome === 'not_confirmed')).toBe(true);
      // Booked at the sandbox's now, and visible to the counter at once.
      const listed = await a.getJson<{ bookings: { creationDate: string }[] }>(
        `/public/bookings/v1/bookings?offerId=${created[0]?.offerId}&firstIndex=${created[0]?.id}&limit=1`,
      );
      expect(listed.bookings[0]?.creationDate).toBe('2026-03-26T10:00:00.000000Z');

      const cancelled = fromA.map((x) => x.cancelled).filter((x): x is ControlBooking => x !== null);
      expect(cancelled.length).toBeGreaterThan(0);
      for (const booking of cancelled) {
        expect(booking).toMatchObject({
          status: 'CANCELLED',
          dateUsed: null,
          cancellationDate: '2026-03-26T10:00:00Z',
        });
      }
      // Seats follow: every date's bookedQuantity is the sum of its bookings not cancelled.
      const bookings = await a.bookings();
      for (const date of await allDates(a)) {
        const booked = bookings
          .filter((x) => x.stockId === date.id && x.status !== 'CANCELLED')
          .reduce((sum, x) => sum + x.quantity, 0);
        expect(date.bookedQuantity).toBe(booked);
        expect(date.bookedQuantity).toBeLessThanOrEqual(date.quantity);
      }
    } finally {
      await Promise.all([a.close(), b.close(), other.close()]);
    }
  });

  it('runs on a timer while enabled, stops when disabled, and reset turns it off', async () => {
    const t = await startTestSandbox();
    try {
      expect(await t.controlJson('GET', '/traffic')).toEqual({ enabled: false, intervalMs: 20_000, ticks: 0 });
      const before = (await t.bookings()).length;
      expect(await t.controlJson('POST', '/traffic', { enabled: true, intervalMs: 20 })).toEqual({
        enabled: true,
        intervalMs: 20,
        ticks: 0,
      });
      await sleep(150);
      const running = await t.controlJson<{ ticks: number }>('POST', '/traffic', { enabled: false });
      expect(running.ticks).toBeGreaterThanOrEqual(2);
      const after = (await t.bookings()).length;
      expect(after).toBe(before + running.ticks);
      await sleep(60);
      expect((await t.bookings()).length).toBe(after);

      for (const body of [{}, { enabled: 'yes' }, { enabled: true, intervalMs: 1 }, { enabled: true, other: 1 }]) {
        expect((await t.control('POST', '/traffic', body)).status, JSON.stringify(body)).toBe(400);
      }
      await t.controlJson('POST', '/traffic', { enabled: true });
      await t.control('POST', '/reset');
      expect(await t.controlJson('GET', '/traffic')).toEqual({ enabled: false, intervalMs: 20_000, ticks: 0 });
    } finally {
      await t.close();
    }
  });

  it('stops when the sandbox shuts down (close() does so)', async () => {
    const rt = new SandboxRuntime({ apiKey: 'k', now: () => NOW, seed: 1 });
    rt.traffic.configure(true, 10);
    await sleep(35);
    rt.shutdown();
    const { ticks: atShutdown, enabled } = rt.traffic.status();
    expect(enabled).toBe(false);
    expect(atShutdown).toBeGreaterThanOrEqual(1);
    await sleep(40);
    expect(rt.traffic.status().ticks).toBe(atShutdown);
  });
});
