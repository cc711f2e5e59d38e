/**
 * Defect 1 of issue 11: behind the rate budget, a cashier's scan waited 5, 10, 20, then 60 s after 429s.
 * Under a storm of 429s (the sandbox's `rateLimitBurst`), every scan is answered within its timeout
 * (3 s, plus a margin for the machine): from local data while the platform refuses, from the platform again
 * as soon as it accepts (one probe goes through the pause).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Envelope, Verdict } from '../../../shared/contract';
import { createRateBudget } from '../../../electron/core/platform/rateBudget';
import { startCounter, syncUntil, type CounterUnderTest } from '../../support/counterUnderTest';
import { addSandboxBooking, getFaults, setFaults } from '../../support/sandboxControl';

const SCAN_BOUND_MS = 3500;

let counter: CounterUnderTest;
beforeAll(async () => {
  counter = await startCounter({ lookupTimeoutMs: 3000 });
});
afterAll(() => counter.close());

async function timedLookup(token: string): Promise<{ ms: number; verdict: Verdict }> {
  const started = performance.now();
  const envelope = (await counter.core.dispatch('counter.lookup', { text: token })) as Envelope<Verdict>;
  const ms = performance.now() - started;
  if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`);
  return { ms, verdict: envelope.value };
}

describe('a storm of 429s', () => {
  it('answers every scan within 3.5 s, from local data, and from the platform once it accepts again', async () => {
    const fresh = [];
    for (let i = 0; i < 14; i++) fresh.push((await addSandboxBooking(counter.sandbox.url)).token);
    // Half the tokens are in the mirror (local verdicts possible), half were never seen here.
    const known = fresh.slice(0, 7);
    await syncUntil(counter.core, async () => {
      const search = await counter.core.dispatch('bookings.search', { query: '', scope: 'all', limit: 200 });
      return search.ok && (search.value as { bookings: unknown[] }).bookings.length > 0;
    });
    for (const token of known) await timedLookup(token); // learn token ↔ booking

    await setFaults(counter.sandbox.url, { rateLimitBurst: 40 });
    // Uploads compete for the budget too: validations made during the storm wait in the queue, scans do not.
    const times: number[] = [];
    for (const [i, token] of fresh.entries()) {
      const { ms, verdict } = await timedLookup(token);
      times.push(ms);
      expect(ms, `scan ${i + 1} took ${Math.round(ms)} ms`).toBeLessThan(SCAN_BOUND_MS);
      expect(['valid', 'unverifiable']).toContain(verdict.kind);
      if (i < known.length && verdict.kind === 'valid') {
        await counter.core.dispatch('counter.validate', { token });
      }
    }
    // Every scan consumed at most one 429 (a single probe through the pause), so the storm is still going on.
    expect((await getFaults(counter.sandbox.url)).rateLimitBurst).toBeGreaterThan(0);

    // The platform accepts again: the next scan's probe goes through and the answer comes from pass Culture.
    await setFaults(counter.sandbox.url, { rateLimitBurst: 0 });
    const after = await addSandboxBooking(counter.sandbox.url);
    const { ms, verdict } = await timedLookup(after.token);
    expect(ms).toBeLessThan(SCAN_BOUND_MS);
    expect(verdict).toMatchObject({ kind: 'valid', source: 'platform' });
  });

  it('a scan after a flood of lookups is still answered in time (callers that gave up left the queue)', async () => {
    await setFaults(counter.sandbox.url, { rateLimitBurst: 1000 });
    const flood = [];
    for (let i = 0; i < 300; i++) {
      const token = `Z${String(i).padStart(5, '0')}`.replace(/\d/g, (d) => 'ABCDEFGHJK'[Number(d)]!);
      flood.push(counter.core.dispatch('counter.lookup', { text: token }));
    }
    const real = await addSandboxBooking(counter.sandbox.url);
    const { ms } = await timedLookup(real.token);
    expect(ms).toBeLessThan(SCAN_BOUND_MS);
    const answers = await Promise.all(flood);
    expect(answers.every((a) => a.ok)).toBe(true);
    await setFaults(counter.sandbox.url, { rateLimitBurst: 0 });
  });
});

describe('the rate budget', () => {
  it('drops a caller that gave up from the queue, and lets one probe through a 429 pause', async () => {
    const budget = createRateBudget({ limitPerMinute: 100 });
    try {
      budget.rateLimited(); // paused for 5 s
      const ran: string[] = [];
      const upload = budget.schedule('upload', async () => void ran.push('upload'));
      const controller = new AbortController();
      // A probe is allowed through while paused: it runs at once.
      await budget.schedule('cashier', async () => void ran.push('probe'), { signal: controller.signal });
      expect(ran).toEqual(['probe']);
      // A second cashier call while another probes does not wait for a pause longer than its deadline.
      let release = () => {};
      const slowProbe = budget.schedule('cashier', () => new Promise<void>((r) => (release = r)));
      const waiting = budget.schedule('cashier', async () => void ran.push('never'), { signal: controller.signal });
      await expect(waiting).rejects.toMatchObject({ code: 'rate_limited', status: null });
      release();
      await slowProbe;
      // A success ends the pause: the queued upload goes.
      budget.succeeded();
      await upload;
      expect(ran).toEqual(['probe', 'upload']);
      // A queued call whose caller gives up leaves the queue and never runs.
      budget.rateLimited();
      const gaveUp = new AbortController();
      const queued = budget.schedule('upload', async () => void ran.push('late'), { signal: gaveUp.signal });
      gaveUp.abort();
      await expect(queued).rejects.toMatchObject({ code: 'rate_limited' });
      budget.succeeded();
      await new Promise((r) => setTimeout(r, 20));
      expect(ran).not.toContain('late');
    } finally {
      budget.stop();
    }
  });
});
