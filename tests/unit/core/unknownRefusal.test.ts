/**
 * A refusal worded in a way this version does not know (the platform adds one, or rewords one): the cashier reads
 * pass Culture's own words at once, and a validation sent later becomes a conflict with them, never a retry loop.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Envelope, SyncOverview } from '../../../shared/contract';
import { startCounter, type CounterUnderTest } from '../../support/counterUnderTest';
import { findBooking, setFaults } from '../../support/sandboxControl';

const WORDING = 'Cette contremarque est bloquée par le support pass Culture';

let counter: CounterUnderTest | null = null;
/** The refusal the platform gives now, if any (set by platformRefuses). */
let refusal: { token: string; status: number; body: unknown } | null = null;
afterEach(async () => {
  refusal = null;
  await counter?.close();
  counter = null;
});

/** The core's calls, through fetch: a refusal on its token, else the sandbox's own answer. */
const platformFetch: typeof fetch = (input, init) => {
  const url = input instanceof Request ? input.url : String(input);
  if (refusal && url.includes(`/token/${refusal.token}`)) {
    return Promise.resolve(
      new Response(JSON.stringify(refusal.body), {
        status: refusal.status,
        headers: { 'content-type': 'application/json' },
      }),
    );
  }
  return fetch(input, init);
};

/** The platform answers `status` with `body` to requests on `token`, and normally to everything else. */
function platformRefuses(token: string, status: number, body: unknown): void {
  refusal = { token, status, body };
}

const dispatch = (name: string, input: unknown) => counter!.core.dispatch(name, input);

describe('a refusal in unknown words', () => {
  it.each([
    [403, { booking: [WORDING] }],
    [410, { booking: WORDING }],
  ])('%i: the cashier reads the platform’s text, and the journal keeps the answer', async (status, body) => {
    counter = await startCounter({ platformFetch });
    const b = await findBooking(counter.sandbox.url, { status: 'CONFIRMED', confirmed: true });
    platformRefuses(b.token, status, body);
    const answer = (await dispatch('counter.lookup', { text: b.token })) as Envelope<unknown>;
    expect(answer).toEqual({
      ok: false,
      error: { code: 'booking_refused', message: `pass Culture refuse cette contremarque : « ${WORDING} »` },
    });
  });

  it('a validation sent later and refused so is a conflict quoting the platform, not retried', async () => {
    counter = await startCounter({ platformFetch });
    const b = await findBooking(counter.sandbox.url, { status: 'CONFIRMED', confirmed: true });
    expect((await dispatch('counter.lookup', { text: b.token })).ok).toBe(true);
    await setFaults(counter.sandbox.url, { outage: 'reset' });
    await dispatch('counter.lookup', { text: 'ZZZZ44' }); // offline now
    expect((await dispatch('counter.validate', { token: b.token })).ok).toBe(true);
    await setFaults(counter.sandbox.url, { outage: false });
    platformRefuses(b.token, 410, { booking: [WORDING] });
    await dispatch('sync.now', {});
    const overview = (await dispatch('sync.overview', {})) as Envelope<SyncOverview>;
    if (!overview.ok) throw new Error(overview.error.message);
    expect(overview.value.queue).toEqual([]);
    expect(overview.value.conflicts).toHaveLength(1);
    expect(overview.value.conflicts[0]).toMatchObject({ token: b.token, reason: expect.stringContaining(WORDING) });
  });
});
