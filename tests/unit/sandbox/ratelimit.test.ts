/**
 * The documented rate limit (200 requests per rolling minute per key, then 429 with no body), on the sandbox's
 * clock, and the counters a test uses to check a client never exceeded it.
 */
import { describe, expect, it } from 'vitest';
import { startTestSandbox, type TestSandbox } from './helpers';

const VENUES = '/public/offers/v1/offerer_venues';

/** `n` GETs, `batch` at a time; their statuses in order. */
async function burst(t: TestSandbox, n: number, batch = 50): Promise<number[]> {
  const out: number[] = [];
  for (let done = 0; done < n; done += batch) {
    const size = Math.min(batch, n - done);
    const responses = await Promise.all(Array.from({ length: size }, () => t.get(VENUES)));
    out.push(...responses.map((r) => r.status));
  }
  return out;
}

describe('rate limit', () => {
  it('lets 200 requests a minute through by default, then answers 429 with no body until the window rolls', async () => {
    // undefined: the sandbox's own default, not the test helper's "no limit".
    const t = await startTestSandbox({ rateLimitPerMinute: undefined });
    try {
      expect(await t.controlJson('GET', '/config')).toEqual({ rateLimitPerMinute: 200, venueListing: true });
      expect((await burst(t, 200)).every((s) => s === 200)).toBe(true);
      const refused = await t.get(VENUES);
      expect(refused.status).toBe(429);
      expect(refused.headers.get('retry-after')).toBeNull();
      expect(await refused.text()).toBe('');

      await t.controlJson('POST', '/clock', { advanceMs: 59_999 });
      expect((await t.get(VENUES)).status).toBe(429);
      await t.controlJson('POST', '/clock', { advanceMs: 1 });
      expect((await t.get(VENUES)).status).toBe(200);

      // The last minute (up to t0 + 60 s) holds the refused one at t0 + 59.999 s and the last one.
      expect(await t.controlJson('GET', '/stats')).toMatchObject({ total: 203, rateLimited: 2, perMinute: 2 });
    } finally {
      await t.close();
    }
  });

  it('counts every pass Culture route, with or without an error, but not the control API', async () => {
    const t = await startTestSandbox({ rateLimitPerMinute: 4 });
    try {
      const [booking] = await t.bookings();
      expect((await t.get(`/public/bookings/v1/token/${booking?.token}`)).status).toBeLessThan(429);
      expect((await t.patch('/public/bookings/v1/use/token/AAAAA2')).status).toBe(404);
      expect((await t.get('/public/bookings/v1/bookings?offerId=101')).status).toBe(200);
      expect((await t.get('/public/offers/v1/events/101/dates')).status).toBe(200);
      for (let i = 0; i < 5; i++) await t.bookings();
      expect((await t.get(VENUES)).status).toBe(429);
    } finally {
      await t.close();
    }
  });

  it('is set by the options and the control API; null lifts it; reset restores the option', async () => {
    const t = await startTestSandbox({ rateLimitPerMinute: 3 });
    try {
      expect(await burst(t, 4)).toEqual([200, 200, 200, 429]);
      expect(await t.controlJson('POST', '/config', { rateLimitPerMinute: 5 })).toMatchObject({
        rateLimitPerMinute: 5,
      });
      expect(await burst(t, 3, 1)).toEqual([200, 200, 429]);
      expect(await t.controlJson('POST', '/config', { rateLimitPerMinute: null })).toMatchObject({
        rateLimitPerMinute: null,
      });
      expect(await burst(t, 10)).toEqual(Array(10).fill(200));
      for (const body of [
        { rateLimitPerMinute: 0 },
        { rateLimitPerMinute: -1 },
        { rateLimitPerMinute: 'x' },
        { x: 1 },
      ]) {
        expect((await t.control('POST', '/config', body)).status).toBe(400);
      }
      await t.control('POST', '/reset');
      expect(await t.controlJson('GET', '/config')).toEqual({ rateLimitPerMinute: 3, venueListing: true });
      expect(await burst(t, 4)).toEqual([200, 200, 200, 429]);
    } finally {
      await t.close();
    }
  });

  it('refuses a bad rateLimitPerMinute option', async () => {
    for (const rateLimitPerMinute of [0, -5, 1.5, Number.NaN]) {
      await expect(startTestSandbox({ rateLimitPerMinute })).rejects.toThrow(/rateLimitPerMinute/);
    }
  });
});

describe('GET /__sandbox/stats', () => {
  it('gives the requests of the last minute and the most in any window', async () => {
    const t = await startTestSandbox();
    try {
      await burst(t, 3);
      await t.controlJson('POST', '/clock', { advanceMs: 30_000 });
      await burst(t, 4);
      await t.controlJson('POST', '/clock', { advanceMs: 40_000 });
      await burst(t, 2);
      // Now is t0 + 70 s: the last minute holds the 4 at t0 + 30 s and the 2 at t0 + 70 s.
      expect(await t.controlJson('GET', '/stats?windowMs=60000')).toMatchObject({
        total: 9,
        perMinute: 6,
        windowMs: 60_000,
        maxInWindow: 7,
      });
      expect(await t.controlJson('GET', '/stats?windowMs=1000')).toMatchObject({ maxInWindow: 4 });
      expect(await t.controlJson('GET', '/stats?windowMs=100000')).toMatchObject({ maxInWindow: 9 });
      expect((await t.control('GET', '/stats?windowMs=abc')).status).toBe(400);
      expect((await t.control('GET', '/stats?windowMs=0')).status).toBe(400);
    } finally {
      await t.close();
    }
  });
});
