/**
 * The new faults: errorRate, resetRate, rateLimitBurst and latencyJitterMs. Their draws come from a PRNG seeded by
 * the sandbox's seed and restarted on every change of the faults, so the same requests meet the same faults.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestSandbox, type TestSandbox } from './helpers';

const VENUES = '/public/offers/v1/offerer_venues';

let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox();
});
afterAll(async () => {
  await t.close();
});
afterEach(async () => {
  await t.control('DELETE', '/faults');
});

type Answer = { status: number; type: string; body: string } | 'reset';

/** `n` requests one after the other, each answer or the reset connection. */
async function answers(target: TestSandbox, n: number, path = VENUES): Promise<Answer[]> {
  const out: Answer[] = [];
  for (let i = 0; i < n; i++) {
    try {
      const response = await target.get(path);
      out.push({
        status: response.status,
        type: response.headers.get('content-type') ?? '',
        body: await response.text(),
      });
    } catch {
      out.push('reset');
    }
  }
  return out;
}

const statuses = (list: Answer[]) => list.map((a) => (a === 'reset' ? 'reset' : a.status));

describe('errorRate', () => {
  it('answers that share with 500 (the platform’s JSON), 502 or 503 (a proxy’s page)', async () => {
    await t.controlJson('POST', '/faults', { errorRate: 0.3 });
    const got = await answers(t, 80);
    const failed = got.filter((a) => a !== 'reset' && a.status >= 500) as Exclude<Answer, 'reset'>[];
    expect(failed.length).toBeGreaterThanOrEqual(12);
    expect(failed.length).toBeLessThanOrEqual(36);
    expect(new Set(failed.map((a) => a.status))).toEqual(new Set([500, 502, 503]));
    for (const a of failed) {
      if (a.status === 500) {
        expect(JSON.parse(a.body)).toEqual({
          global: ['Il semble que nous ayons des problèmes techniques :( On répare ça au plus vite.'],
        });
      } else {
        expect(a.type).toMatch(/^text\/html/);
        expect(a.body).toContain(String(a.status));
      }
    }
    expect(got.filter((a) => a !== 'reset' && a.status === 200).length).toBe(80 - failed.length);
  });

  it('fails the same requests on every run: same seed, same pattern; another seed, another', async () => {
    await t.controlJson('POST', '/faults', { errorRate: 0.5 });
    const first = statuses(await answers(t, 30));
    await t.controlJson('POST', '/faults', { errorRate: 0.5 }); // any change restarts the draws
    expect(statuses(await answers(t, 30))).toEqual(first);

    const twin = await startTestSandbox();
    const other = await startTestSandbox({ seed: 2 });
    try {
      await twin.controlJson('POST', '/faults', { errorRate: 0.5 });
      await other.controlJson('POST', '/faults', { errorRate: 0.5 });
      expect(statuses(await answers(twin, 30))).toEqual(first);
      expect(statuses(await answers(other, 30))).not.toEqual(first);
    } finally {
      await Promise.all([twin.close(), other.close()]);
    }
  });

  it('0 and 1 mean never and always', async () => {
    await t.controlJson('POST', '/faults', { errorRate: 1 });
    expect((await answers(t, 5)).every((a) => a !== 'reset' && a.status >= 500)).toBe(true);
    await t.controlJson('POST', '/faults', { errorRate: 0 });
    expect(statuses(await answers(t, 5))).toEqual([200, 200, 200, 200, 200]);
  });
});

describe('resetRate', () => {
  it('resets that share of connections, deterministically, and the log says so', async () => {
    const { lastSeq } = await t.controlJson<{ lastSeq: number }>('GET', '/requests');
    await t.controlJson('POST', '/faults', { resetRate: 0.4 });
    const first = statuses(await answers(t, 30));
    const resets = first.filter((s) => s === 'reset').length;
    expect(resets).toBeGreaterThanOrEqual(5);
    expect(resets).toBeLessThanOrEqual(20);
    expect(first.filter((s) => s === 200).length).toBe(30 - resets);

    const { requests } = await t.controlJson<{ requests: { status: number | null; fault: string | null }[] }>(
      'GET',
      `/requests?since=${lastSeq}`,
    );
    expect(requests.filter((r) => r.fault === 'reset' && r.status === null)).toHaveLength(resets);

    await t.controlJson('POST', '/faults', { resetRate: 0.4 });
    expect(statuses(await answers(t, 30))).toEqual(first);
  });
});

describe('rateLimitBurst', () => {
  it('answers the next N requests 429 with no body and no Retry-After, then carries on', async () => {
    const fresh = await startTestSandbox();
    try {
      await fresh.controlJson('POST', '/faults', { rateLimitBurst: 3 });
      for (let i = 0; i < 3; i++) {
        const response = await fresh.get(VENUES);
        expect(response.status).toBe(429);
        expect(response.headers.get('retry-after')).toBeNull();
        expect(await response.text()).toBe('');
      }
      expect((await fresh.get(VENUES)).status).toBe(200);
      expect(await fresh.controlJson('GET', '/faults')).toMatchObject({ rateLimitBurst: 0 });
      expect(await fresh.controlJson('GET', '/stats')).toMatchObject({ rateLimited: 3, total: 4 });
    } finally {
      await fresh.close();
    }
  });

  it('leaves the malformed fault out of its 429s', async () => {
    await t.controlJson('POST', '/faults', { rateLimitBurst: 1, malformed: true });
    const response = await t.get(VENUES);
    expect(response.status).toBe(429);
    expect(await response.text()).toBe('');
  });
});

describe('latencyJitterMs', () => {
  it('adds a random 0..jitter delay on top of latencyMs', async () => {
    await t.controlJson('POST', '/faults', { latencyMs: 30, latencyJitterMs: 120 });
    const delays: number[] = [];
    for (let i = 0; i < 6; i++) {
      const started = performance.now();
      expect((await t.get(VENUES)).status).toBe(200);
      delays.push(performance.now() - started);
    }
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(25);
    expect(Math.max(...delays)).toBeLessThan(300);
    expect(Math.max(...delays) - Math.min(...delays)).toBeGreaterThan(30);
  });
});

describe('the control API', () => {
  it('is never subject to faults', async () => {
    await t.controlJson('POST', '/faults', { errorRate: 1, resetRate: 1, rateLimitBurst: 5, latencyMs: 250 });
    const started = Date.now();
    for (const path of ['/bookings', '/faults', '/stats', '/requests', '/clock', '/config', '/traffic']) {
      expect((await t.control('GET', path)).status, path).toBe(200);
    }
    expect(Date.now() - started).toBeLessThan(200);
    await expect(t.get(VENUES)).rejects.toThrow();
  });
});
