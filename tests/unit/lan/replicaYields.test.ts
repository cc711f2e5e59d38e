/**
 * A secondary's replica pages wait for its cashier's calls (foreground.ts), as a main counter's sync pages do. A
 * connected secondary does not answer them with its engine: it forwards them to its main counter
 * (lan/secondaryLink.ts), and its engine counts them meanwhile (`Core.inForeground`), so a catch-up's page is not
 * written while the answer is on its way back to the screen. A scan announced at a connected secondary is announced
 * at both: the main counter answers its lookup, the secondary writes its replica.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core';
import { replicaBooking } from '../../support/replicaRows';
import { startCounter, type CounterUnderTest } from '../../support/counterUnderTest';
import { pairTwo, startTwoCounters, type TwoCounters } from '../../support/twoCounters';

let counter: CounterUnderTest | null = null;
let two: TwoCounters | null = null;
afterEach(async () => {
  await counter?.close();
  await two?.close();
  counter = null;
  two = null;
});

describe('a secondary’s replica pages and its cashier’s calls', () => {
  it('writes a page only once a forwarded guichet call has been answered', async () => {
    counter = await startCounter();
    const { core } = counter;
    let answer: () => void = () => {};
    const forwarded = core.inForeground!('counter.lookup', () => new Promise<void>((resolve) => (answer = resolve)));
    let saved = false;
    const saving = core.replica!.saveBookings('main', [replicaBooking(1, 1)]).then(() => (saved = true));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(saved).toBe(false);
    answer();
    await forwarded;
    await saving;
    expect(core.replica!.cursor('main').bookings).toEqual({ seq: 1, bookingId: 1 });
  });

  it('does not wait for a call that is not the guichet’s', async () => {
    counter = await startCounter();
    const { core } = counter;
    void core.inForeground!('sync.overview', () => new Promise<void>(() => {}));
    await core.replica!.saveBookings('main', [replicaBooking(1, 1)]);
    expect(core.replica!.cursor('main').bookings.seq).toBe(1);
  });

  it('counts the calls a connected secondary forwards to its main counter', async () => {
    two = await startTwoCounters();
    await pairTwo(two);
    const core: Core = two.second.core;
    const counted: unknown[] = [];
    const own = core.inForeground!.bind(core);
    core.inForeground = (name, call) => {
      counted.push(name);
      return own(name, call);
    };
    const verdict = await two.secondLan.call('counter.lookup', { text: 'ZZZZ22' });
    expect(verdict.kind).toBeDefined();
    expect(counted).toEqual(['counter.lookup']);
  });
});

describe('a scan announced at a connected secondary', () => {
  it('is announced at its main counter, which answers the lookup, and at the secondary itself', async () => {
    two = await startTwoCounters();
    await pairTwo(two);
    const announced: string[] = [];
    for (const [where, core] of [
      ['main', two.main.core],
      ['secondary', two.second.core],
    ] as const) {
      const own = core.dispatch.bind(core);
      core.dispatch = (name, input, caller) => {
        if (name === 'counter.scanUnderway') announced.push(where);
        return own(name, input, caller);
      };
    }
    expect(await two.secondLan.call('counter.scanUnderway', {})).toBeNull();
    expect(announced.sort()).toEqual(['main', 'secondary']);
  });
});
