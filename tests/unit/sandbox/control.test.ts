/** The control API: creating bookings, reset, faults on the pass Culture paths only, and request counters. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { NOW, startTestSandbox, type ControlBooking, type TestSandbox } from './helpers';
import { startSandbox } from '../../../electron/sandbox';

const HOUR = 3600_000;
const NO_FAULTS = {
  latencyMs: 0,
  outage: false,
  malformed: false,
  errorRate: 0,
  resetRate: 0,
  rateLimitBurst: 0,
  latencyJitterMs: 0,
};
let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox();
});
afterAll(async () => {
  await t.close();
});

async function setFaults(target: TestSandbox, faults: Record<string, unknown>) {
  const response = await target.control('POST', '/faults', faults);
  expect(response.status).toBe(200);
  return response.json();
}

describe('POST /__sandbox/bookings', () => {
  it('by default books the next séance (today or tomorrow), confirmed, for one', async () => {
    const booking = await t.create();
    expect(booking).toMatchObject({ status: 'CONFIRMED', quantity: 1, usedCount: 0, lookupOutcome: 'valid' });
    expect(booking.token).toMatch(/^[ABCDEFGHJKLMNPQRSTUVWXYZ234567]{6}$/);
    const start = Date.parse(booking.seanceStart);
    expect(start).toBeGreaterThan(NOW.getTime());
    expect(start).toBeLessThan(NOW.getTime() + 38 * HOUR);
    expect((await t.get(`/public/bookings/v1/token/${booking.token}`)).status).toBe(200);
  });

  it('takes names, status, quantity and stock', async () => {
    const template = (await t.bookings()).find((b) => b.lookupOutcome === 'valid') as ControlBooking;
    const booking = await t.create({ stockId: template.stockId, firstName: 'Maëlle', lastName: 'Hérault' });
    expect(booking).toMatchObject({ stockId: template.stockId, firstName: 'Maëlle', lastName: 'Hérault' });
    const looked = await t.getJson<Record<string, unknown>>(`/public/bookings/v1/token/${booking.token}`);
    expect(looked).toMatchObject({ userFirstName: 'Maëlle', userLastName: 'Hérault', stockId: template.stockId });

    for (const [status, code] of [
      ['USED', 410],
      ['CANCELLED', 410],
      ['REIMBURSED', 403],
    ] as const) {
      const made = await t.create({ status });
      expect(made.status).toBe(status);
      expect((await t.get(`/public/bookings/v1/token/${made.token}`)).status).toBe(code);
    }
  });

  it('makes a booking still in its cancellation window with confirmed: false', async () => {
    const booking = await t.create({ confirmed: false });
    expect(booking.lookupOutcome).toBe('not_confirmed');
    expect(Date.parse(booking.seanceStart) - NOW.getTime()).toBeGreaterThan(48 * HOUR);
    expect((await t.get(`/public/bookings/v1/token/${booking.token}`)).status).toBe(403);
  });

  it.each([
    [{ quantity: 3 }],
    [{ status: 'PENDING' }],
    [{ stockId: 1 }],
    [{ colour: 'blue' }],
    [{ firstName: '' }],
    [{ confirmed: 'yes' }],
  ])('refuses %j with 400 and a message', async (body) => {
    const response = await t.control('POST', '/bookings', body);
    expect(response.status).toBe(400);
    const answer = (await response.json()) as { error: string; message: string };
    expect(answer.error).toBe('invalid_input');
    expect(answer.message.length).toBeGreaterThan(0);
  });

  it('refuses a DUO booking on a film without DUO', async () => {
    const { events } = await t.getJson<{ events: { id: number; enableDoubleBookings: boolean }[] }>(
      '/public/offers/v1/events',
    );
    const solo = events.find((e) => !e.enableDoubleBookings);
    const { dates } = await t.getJson<{ dates: { id: number }[] }>(`/public/offers/v1/events/${solo?.id}/dates`);
    const response = await t.control('POST', '/bookings', { stockId: dates[0]?.id, quantity: 2 });
    expect(response.status).toBe(400);
  });
});

describe('POST /__sandbox/reset', () => {
  it('re-seeds: same seed, same data; another seed, other data', async () => {
    const fresh = await startTestSandbox();
    try {
      const initial = await fresh.bookings();
      const valid = initial.find((b) => b.lookupOutcome === 'valid') as ControlBooking;
      expect((await fresh.patch(`/public/bookings/v1/use/token/${valid.token}`)).status).toBe(204);
      await fresh.create();
      await setFaults(fresh, { latencyMs: 5 });

      expect((await fresh.control('POST', '/reset', {})).status).toBe(200);
      expect(await fresh.bookings()).toEqual(initial);
      expect(await (await fresh.control('GET', '/faults')).json()).toEqual(NO_FAULTS);
      expect(await (await fresh.control('GET', '/stats')).json()).toEqual({
        requests: {},
        total: 0,
        rateLimited: 0,
        perMinute: 0,
      });
      expect(await fresh.controlJson('GET', '/requests')).toMatchObject({ requests: [] });

      const reseeded = await fresh.control('POST', '/reset', { seed: 2 });
      expect(await reseeded.json()).toMatchObject({ seed: 2 });
      expect((await fresh.bookings()).map((b) => b.token)).not.toEqual(initial.map((b) => b.token));
      await fresh.control('POST', '/reset', { seed: 1 });
      expect(await fresh.bookings()).toEqual(initial);
      // No body at all is fine too.
      expect((await fresh.control('POST', '/reset')).status).toBe(200);
      expect((await fresh.control('POST', '/reset', { seed: -1 })).status).toBe(400);
    } finally {
      await fresh.close();
    }
  });
});

describe('faults', () => {
  afterEach(async () => {
    await t.control('DELETE', '/faults');
  });

  it('starts without faults and validates changes', async () => {
    expect(await (await t.control('GET', '/faults')).json()).toEqual(NO_FAULTS);
    for (const body of [
      { outage: 'flaky' },
      { latencyMs: -1 },
      { malformed: 'yes' },
      { other: 1 },
      { errorRate: 1.5 },
      { resetRate: -0.1 },
      { rateLimitBurst: 2.5 },
      { latencyJitterMs: -5 },
    ]) {
      expect((await t.control('POST', '/faults', body)).status).toBe(400);
    }
    expect(await setFaults(t, { latencyMs: 10 })).toEqual({ ...NO_FAULTS, latencyMs: 10 });
    expect(await setFaults(t, { malformed: true })).toEqual({ ...NO_FAULTS, latencyMs: 10, malformed: true });
  });

  it('latency delays pass Culture answers, not the control API', async () => {
    await setFaults(t, { latencyMs: 250 });
    let started = Date.now();
    expect((await t.get('/public/offers/v1/offerer_venues')).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(240);
    started = Date.now();
    await t.bookings();
    expect(Date.now() - started).toBeLessThan(200);
  });

  it("outage 'reset' destroys the connection without an answer", async () => {
    await setFaults(t, { outage: 'reset' });
    await expect(t.get('/public/offers/v1/offerer_venues')).rejects.toThrow();
    expect((await t.control('GET', '/bookings')).status).toBe(200);
  });

  it("outage 'http503' answers 503", async () => {
    await setFaults(t, { outage: 'http503' });
    const response = await t.get('/public/offers/v1/offerer_venues');
    expect(response.status).toBe(503);
    expect(await response.text()).toContain('503');
    await setFaults(t, { outage: false });
    expect((await t.get('/public/offers/v1/offerer_venues')).status).toBe(200);
  });

  it("outage 'hang' never answers until the outage is lifted", async () => {
    await setFaults(t, { outage: 'hang' });
    await expect(
      fetch(`${t.url}/public/offers/v1/offerer_venues`, {
        headers: { authorization: `Bearer ${t.sandbox.apiKey}` },
        signal: AbortSignal.timeout(200),
      }),
    ).rejects.toThrow();
    const pending = t.get('/public/offers/v1/offerer_venues');
    await new Promise((resolve) => setTimeout(resolve, 100));
    await setFaults(t, { outage: false });
    expect((await pending).status).toBe(200);
  });

  it('close() completes promptly while requests hang', async () => {
    const hung = await startTestSandbox();
    await setFaults(hung, { outage: 'hang' });
    const pending = hung.get('/public/offers/v1/offerer_venues').then(
      () => 'answered',
      () => 'dropped',
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = Date.now();
    await hung.close();
    expect(Date.now() - started).toBeLessThan(1000);
    expect(await pending).toBe('dropped');
  });

  it('malformed answers 200 with invalid JSON on GET routes only', async () => {
    const valid = (await t.bookings()).find((b) => b.lookupOutcome === 'valid') as ControlBooking;
    await setFaults(t, { malformed: true });
    for (const path of [
      `/public/bookings/v1/token/${valid.token}`,
      '/public/offers/v1/events',
      '/public/bookings/v1/token/AAAAA5',
    ]) {
      const response = await t.get(path);
      expect(response.status).toBe(200);
      const text = await response.text();
      expect(text.length).toBeGreaterThan(0);
      expect(() => JSON.parse(text)).toThrow();
    }
    expect((await t.patch(`/public/bookings/v1/use/token/${valid.token}`)).status).toBe(204);
    expect((await t.control('GET', '/bookings')).status).toBe(200);
    expect(() => JSON.parse('{"id": 1, "quan')).toThrow();
  });
});

describe('GET /__sandbox/stats', () => {
  it('counts pass Culture requests by route, not control calls', async () => {
    const counted = await startTestSandbox();
    try {
      const [first, second] = await counted.bookings();
      await counted.get(`/public/bookings/v1/token/${first?.token}`);
      await counted.get(`/public/bookings/v1/token/${second?.token}`);
      await counted.patch(`/public/bookings/v1/use/token/${first?.token}`);
      await fetch(`${counted.url}/public/offers/v1/offerer_venues`); // 401, still counted
      const stats = (await (await counted.control('GET', '/stats')).json()) as {
        requests: Record<string, number>;
        total: number;
      };
      expect(stats).toEqual({
        requests: {
          'GET /public/bookings/v1/token/:token': 2,
          'GET /public/offers/v1/offerer_venues': 1,
          'PATCH /public/bookings/v1/use/token/:token': 1,
        },
        total: 4,
        rateLimited: 0,
        perMinute: 4,
      });
    } finally {
      await counted.close();
    }
  });
});

describe('the control API’s gate (issue 11)', () => {
  it('refuses another host name (DNS rebinding) and another origin (cross-site), like the browser-mode host', async () => {
    const { request } = await import('node:http');
    const sandbox = await startSandbox();
    const port = Number(new URL(sandbox.url).port);
    const status = (headers: Record<string, string>) =>
      new Promise<number>((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port, path: '/__sandbox/bookings', headers }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on('error', reject);
        req.end();
      });
    try {
      expect(await status({ Host: 'evil.example' })).toBe(421);
      expect(await status({ Host: `127.0.0.1:${port}`, Origin: 'http://evil.example' })).toBe(403);
      expect(await status({ Host: `127.0.0.1:${port}` })).toBe(200);
      expect(await status({ Host: `localhost:${port}`, Origin: `http://localhost:${port}` })).toBe(200);
    } finally {
      await sandbox.close();
    }
  });
});
