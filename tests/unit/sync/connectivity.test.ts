/**
 * The status banner must be true when nobody scans: a heartbeat notices the platform gone within 5 s, and notices
 * it back within 5 s however long the outage lasted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConnectivity } from '../../../electron/core/sync/connectivity';
import { startCounter, type CounterUnderTest } from '../../support/counterUnderTest';
import { sandboxRequests, setFaults } from '../../support/sandboxControl';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the heartbeat (fake ping and probe)', () => {
  function setUp() {
    const calls = { pings: 0, probes: 0 };
    const state = { hostUp: true, apiUp: true, changes: 0 };
    const connectivity = createConnectivity({
      now: () => new Date().toISOString(),
      pingEveryMs: 40,
      ping: async () => {
        calls.pings++;
        if (!state.hostUp) throw new Error('unreachable');
      },
      probe: async () => {
        calls.probes++;
        if (!state.hostUp || !state.apiUp) throw new Error('down');
      },
      onChange: () => state.changes++,
    });
    return { connectivity, calls, state };
  }

  it('pings only when no call has succeeded for a period, and goes offline when the ping fails', async () => {
    const { connectivity, calls, state } = setUp();
    for (let i = 0; i < 6; i++) {
      connectivity.reportSuccess();
      await sleep(15);
    }
    expect(calls.pings).toBe(0);
    state.hostUp = false;
    await sleep(130);
    expect(connectivity.isOnline()).toBe(false);
    expect(calls.probes).toBe(0);
    connectivity.stop();
  });

  it('comes back through the authenticated probe once the host answers again, not before', async () => {
    const { connectivity, calls, state } = setUp();
    state.hostUp = false;
    await sleep(130);
    expect(connectivity.isOnline()).toBe(false);
    await sleep(200);
    expect(calls.probes).toBe(0); // the host does not answer: no request with the key
    state.hostUp = true;
    state.apiUp = false;
    await sleep(200);
    expect(connectivity.isOnline()).toBe(false);
    expect(calls.probes).toBeGreaterThan(0);
    state.apiUp = true;
    await sleep(250);
    expect(connectivity.isOnline()).toBe(true);
    expect(state.changes).toBe(2);
    connectivity.stop();
  });
});

describe('the banner without a scan, against the sandbox', () => {
  let counter: CounterUnderTest;
  beforeAll(async () => {
    counter = await startCounter();
  });
  afterAll(() => counter.close());

  const online = async () => {
    const status = await counter.core.dispatch('status.get', {});
    return status.ok && (status.value as { online: boolean }).online;
  };
  async function within(ms: number, expected: boolean): Promise<number> {
    const started = Date.now();
    while (Date.now() - started < ms) {
      if ((await online()) === expected) return Date.now() - started;
      await sleep(100);
    }
    throw new Error(`still ${expected ? 'offline' : 'online'} after ${ms} ms`);
  }

  it.each(['hang', 'reset', 'http503'] as const)(
    'a %s outage turns it offline within 5 s and back online within 5 s after 10 s of outage',
    async (outage) => {
      await within(5000, true);
      const { lastSeq } = await sandboxRequests(counter.sandbox.url);
      await setFaults(counter.sandbox.url, { outage });
      await within(5000, false);
      await sleep(10_000);
      await setFaults(counter.sandbox.url, { outage: false });
      await within(5000, true);
      // The heartbeat is key-free: while the host did not answer, no request with the key went out.
      const sent = (await sandboxRequests(counter.sandbox.url, lastSeq)).requests;
      expect(sent.filter((r) => r.fault === outage).length).toBeLessThanOrEqual(1);
    },
    40_000,
  );
});
