/**
 * An ambiguous scan's readings checked against the local mirror, then the platform (the sandbox), without a
 * ledger row and without a guess.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createCandidateResolver } from '../../../electron/core/counter/candidates';
import { PlatformError } from '../../../electron/core/platform/errors';
import type { CallTime, Gateway } from '../../../electron/core/platform/gateway';
import type { PlatformClient } from '../../../electron/core/platform/client';
import { startCounter, type CounterUnderTest } from '../../support/counterUnderTest';
import { findBookings, sandboxRequests, setFaults } from '../../support/sandboxControl';

let counter: CounterUnderTest;
beforeAll(async () => {
  counter = await startCounter();
});
afterAll(() => counter?.close());
beforeEach(() => setFaults(counter.sandbox.url, { outage: false }));

async function resolve(candidates: string[]) {
  return counter.core.dispatch('counter.resolveCandidates', { candidates });
}

async function ledgerSize(): Promise<number> {
  const envelope = await counter.core.dispatch('ledger.today', {});
  if (!envelope.ok) throw new Error(envelope.error.message);
  return (envelope.value as { rows: unknown[] }).rows.length;
}

describe('counter.resolveCandidates against the sandbox', () => {
  it('keeps the reading that is a booking, drops the one the platform does not know, and writes no ledger row', async () => {
    const [booking] = await findBookings(counter.sandbox.url, { status: 'CONFIRMED', confirmed: true });
    const before = await ledgerSize();
    const answer = await resolve([booking!.token, 'ZZZZ22']);
    expect(answer).toEqual({ ok: true, value: { existing: [booking!.token], unchecked: [] } });
    expect(await ledgerSize()).toBe(before);
  });

  it('a used or cancelled booking exists too (the platform refuses it, but knows it)', async () => {
    const [used] = await findBookings(counter.sandbox.url, { status: 'USED' });
    const [cancelled] = await findBookings(counter.sandbox.url, { status: 'CANCELLED' });
    const answer = await resolve([used!.token, cancelled!.token, 'ZZZZ23']);
    expect(answer).toMatchObject({ ok: true, value: { existing: [used!.token, cancelled!.token], unchecked: [] } });
  });

  it('a token the local mirror knows is not asked of the platform again', async () => {
    const [, booking] = await findBookings(counter.sandbox.url, { status: 'CONFIRMED', confirmed: true });
    await counter.core.dispatch('counter.lookup', { text: booking!.token });
    const { lastSeq } = await sandboxRequests(counter.sandbox.url);
    const answer = await resolve([booking!.token, 'ZZZZ24']);
    expect(answer).toMatchObject({ ok: true, value: { existing: [booking!.token] } });
    const { requests } = await sandboxRequests(counter.sandbox.url, lastSeq);
    expect(requests.map((r) => r.token)).toEqual(['ZZZZ24']);
  });

  it('platform unreachable: what the mirror does not know stays unchecked (the cashier will be asked)', async () => {
    await setFaults(counter.sandbox.url, { outage: 'reset' });
    const answer = await resolve(['ZZZZ25', 'ZZZZ26']);
    expect(answer).toMatchObject({ ok: true, value: { existing: [], unchecked: ['ZZZZ25', 'ZZZZ26'] } });
  });

  it('refuses fewer than two candidates, duplicates, or anything that is not a token', async () => {
    for (const candidates of [['ABCDEF'], ['ABCDEF', 'ABCDEF'], ['ABCDEF', 'abcdef'], ['ABCDEF', 'ABC']]) {
      expect(await resolve(candidates)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
  });
});

describe('the resolver on its own', () => {
  const online = () => ({ isOnline: () => true });
  function gatewayAnswering(answer: (token: string) => unknown): Gateway {
    const client = {
      getBookingByToken: async (token: string) => {
        const result = answer(token);
        if (result instanceof Error) throw result;
        return result;
      },
    } as unknown as PlatformClient;
    return (async (_lane: unknown, request: (c: PlatformClient, time: CallTime) => Promise<unknown>) =>
      request(client, { timeoutMs: (ceiling) => ceiling })) as Gateway;
  }

  it('both readings exist: both are returned, so the cashier chooses', async () => {
    const resolver = createCandidateResolver({
      cache: { byToken: (t) => (t === 'HATLVF' ? ({ bookingId: 1 } as never) : undefined) },
      gateway: gatewayAnswering(() => ({ id: 2 })),
      connectivity: online,
    });
    expect(await resolver(['HATLVF', 'HQTLVF'])).toEqual({ existing: ['HATLVF', 'HQTLVF'], unchecked: [] });
  });

  it('an answer that says nothing about the booking (401, 429, 5xx) leaves it unchecked', async () => {
    const errors: Record<string, Error> = {
      AAAAAA: new PlatformError('auth_invalid', { status: 401 }),
      BBBBBB: new PlatformError('rate_limited', { status: 429 }),
      CCCCCC: new PlatformError('platform_error', { status: 502 }),
      DDDDDD: new PlatformError('provider_inactive', { status: 403 }),
      EEEEEE: new PlatformError('not_confirmed', { status: 403 }),
      FFFFFF: new PlatformError('countermark_unknown', { status: 404 }),
    };
    const resolver = createCandidateResolver({
      cache: { byToken: () => undefined },
      gateway: gatewayAnswering((t) => errors[t]),
      connectivity: online,
    });
    expect(await resolver(Object.keys(errors))).toEqual({
      existing: ['EEEEEE'],
      unchecked: ['AAAAAA', 'BBBBBB', 'CCCCCC', 'DDDDDD'],
    });
  });

  it('offline, only the mirror answers', async () => {
    let asked = 0;
    const resolver = createCandidateResolver({
      cache: { byToken: (t) => (t === 'HATLVF' ? ({ bookingId: 1 } as never) : undefined) },
      gateway: gatewayAnswering(() => {
        asked += 1;
        return { id: 1 };
      }),
      connectivity: () => ({ isOnline: () => false }),
    });
    expect(await resolver(['HATLVF', 'HQTLVF'])).toEqual({ existing: ['HATLVF'], unchecked: ['HQTLVF'] });
    expect(asked).toBe(0);
  });
});
