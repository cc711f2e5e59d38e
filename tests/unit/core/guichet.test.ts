/**
 * The guichet flow through the contract, against the real sandbox over HTTP and a real SQLite file.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Verdict } from '../../../shared/contract';
import {
  addSandboxBooking,
  cancelSandboxBooking,
  findBooking,
  resetSandbox,
  sandboxBookings,
  setFaults,
} from '../../support/sandboxControl';

/** A new, confirmed booking on the platform that this counter has never seen. */
async function freshBooking(): Promise<{ token: string; id: number }> {
  return addSandboxBooking(counter.sandbox.url);
}
import { startCounter, type CounterUnderTest } from '../../support/counterUnderTest';

let counter: CounterUnderTest;
beforeAll(async () => {
  counter = await startCounter({ lookupTimeoutMs: 800 });
});
afterAll(() => counter.close());
beforeEach(() => setFaults(counter.sandbox.url, { outage: false, malformed: false, latencyMs: 0 }));

const lookup = async (text: string) => await counter.core.call('counter.lookup', { text });

describe('looking a countermark up', () => {
  it('shows a confirmed booking green, with the name, film, séance and price', async () => {
    const b = await findBooking(counter.sandbox.url, { status: 'CONFIRMED', confirmed: true, quantity: 1 });
    const verdict = await lookup(b.token);
    expect(verdict).toMatchObject({ kind: 'valid', reason: null, token: b.token, undo: null });
    expect(verdict.booking).toMatchObject({
      bookingId: b.id,
      firstName: b.firstName,
      lastName: b.lastName,
      offerName: b.offerName,
      quantity: 1,
      isDuo: false,
      unitPriceCents: b.price,
      totalPriceCents: b.price,
    });
    expect(verdict.booking?.seanceStart).toBe(new Date(b.seanceStart).toISOString());
  });

  it('shows a DUO booking with its two places and the total price', async () => {
    const b = await findBooking(counter.sandbox.url, { status: 'CONFIRMED', confirmed: true, quantity: 2 });
    const verdict = await lookup(b.token);
    expect(verdict.booking).toMatchObject({ quantity: 2, isDuo: true, totalPriceCents: b.price * 2 });
  });

  it('accepts the QR payload, lower case and surrounding spaces', async () => {
    const b = await findBooking(counter.sandbox.url, { status: 'CONFIRMED', confirmed: true });
    expect((await lookup(`  passculture:v3;token:${b.token.toLowerCase()} `)).kind).toBe('valid');
    expect((await lookup(`PASSCULTURE:v2;TOKEN:${b.token}`)).kind).toBe('valid');
  });

  it.each([
    ['USED', 'used', /déjà été validée/],
    ['CANCELLED', 'cancelled', /annulée/],
    ['REIMBURSED', 'reimbursed', /remboursée/],
  ] as const)('refuses a %s booking in plain French', async (status, reason, message) => {
    const b = await findBooking(counter.sandbox.url, { status });
    const verdict = await lookup(b.token);
    expect(verdict).toMatchObject({ kind: 'refused', reason, undo: null });
    expect(verdict.message).toMatch(message);
  });

  it('refuses an unknown countermark', async () => {
    const verdict = await lookup('ZZZZ22');
    expect(verdict).toMatchObject({ kind: 'refused', reason: 'unknown', booking: null });
    expect(verdict.message).toMatch(/introuvable/);
  });

  it('shows a booking still in its cancellation window amber, with the date it becomes valid', async () => {
    const b = await findBooking(counter.sandbox.url, { status: 'CONFIRMED', confirmed: false });
    const verdict = await lookup(b.token);
    expect(verdict.kind).toBe('not_yet');
    expect(verdict.message).toMatch(/à partir du \d{2}\/\d{2}\/\d{4} à \d{2}:\d{2}/);
    // The platform words the date to the minute.
    const expected = new Date(b.confirmationDate!);
    expected.setUTCSeconds(0, 0);
    expect(new Date(verdict.validatableFrom!).getTime()).toBe(expected.getTime());
  });

  it('answers "not a countermark" without asking the platform or writing the ledger', async () => {
    const before = (await (await fetch(`${counter.sandbox.url}/__sandbox/stats`)).json()) as { total: number };
    const rowsBefore = (await counter.core.call('ledger.today', {})).rows.length;
    const envelope = await counter.core.dispatch('counter.lookup', { text: '3760123456789' });
    // 13 digits that are not an EAN-13: a ticketing system's ticket number, said so rather than "unknown".
    expect(envelope).toMatchObject({ ok: false, error: { code: 'not_a_countermark' } });
    expect(envelope.ok ? '' : envelope.error.message).toMatch(/billetterie du cinéma.*logiciel de caisse/);
    const after = (await (await fetch(`${counter.sandbox.url}/__sandbox/stats`)).json()) as { total: number };
    expect(after.total).toBe(before.total);
    expect((await counter.core.call('ledger.today', {})).rows).toHaveLength(rowsBefore);
  });
});

describe('validating and undoing', () => {
  it('validates once, then the same code is refused as used with an undo offered, and undo restores it', async () => {
    const b = await findBooking(counter.sandbox.url, { status: 'CONFIRMED', confirmed: true });
    const events: unknown[] = [];
    const stop = counter.core.onEvent((name, payload) => events.push({ name, payload }));
    await lookup(b.token);
    const validation = await counter.core.call('counter.validate', { token: b.token });
    expect(validation.message).toMatch(/Validée/);
    const platform = (await sandboxBookings(counter.sandbox.url)).find((x) => x.id === b.id)!;
    expect(platform).toMatchObject({ status: 'USED', usedCount: 1 });

    const again = await lookup(b.token);
    expect(again).toMatchObject({ kind: 'refused', reason: 'used', undo: { ledgerId: validation.ledgerId } });
    expect(again.booking?.lastName).toBe(b.lastName);

    await counter.core.call('counter.undo', { token: b.token });
    expect((await sandboxBookings(counter.sandbox.url)).find((x) => x.id === b.id)?.status).toBe('CONFIRMED');
    expect((await lookup(b.token)).kind).toBe('valid');
    const secondUndo = await counter.core.dispatch('counter.undo', { token: b.token });
    expect(secondUndo).toMatchObject({ ok: false, error: { code: 'not_undoable' } });
    stop();
    expect(events).toContainEqual({
      name: 'ledger.changed',
      payload: { entryId: validation.ledgerId, kind: 'validation' },
    });
  });

  it('reports a validation the platform refuses, and records it', async () => {
    const b = await findBooking(counter.sandbox.url, { status: 'CANCELLED' });
    const envelope = await counter.core.dispatch('counter.validate', { token: b.token });
    expect(envelope).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    const rows = (await counter.core.call('ledger.today', {})).rows;
    expect(rows[0]).toMatchObject({ token: b.token, kind: 'upload', outcome: 'use_conflict' });
    expect(rows[1]).toMatchObject({ token: b.token, kind: 'validation', outcome: 'validated' });
    // The cashier saw the refusal: it is kept in the queue's history, not left for the manager to handle.
    const overview = await counter.core.call('sync.overview', {});
    expect(overview.conflicts).toHaveLength(0);
    expect(overview.recent.find((r) => r.token === b.token)?.state).toBe('handled');
  });

  it("refuses to undo a validation made elsewhere (the counter's ledger has none)", async () => {
    const b = await findBooking(counter.sandbox.url, { status: 'USED' });
    expect(await counter.core.dispatch('counter.undo', { token: b.token })).toMatchObject({
      ok: false,
      error: { code: 'not_undoable' },
    });
  });

  it("lists today's ledger newest first with the beneficiary and film", async () => {
    const rows = (await counter.core.call('ledger.today', {})).rows;
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.map((r) => r.id)).toEqual([...rows.map((r) => r.id)].sort((a, b) => b - a));
    expect(rows.some((r) => r.beneficiary !== null)).toBe(true);
  });
});

describe('when the platform misbehaves', () => {
  it.each([[{ outage: 'reset' }], [{ outage: 'http503' }], [{ outage: 'hang' }]])(
    '%j: the counter goes offline by itself and answers from local data, then comes back',
    async (faults) => {
      const [seen, unseen] = [await freshBooking(), await freshBooking()];
      await lookup(seen!.token); // now known locally
      await setFaults(counter.sandbox.url, faults);
      const started = Date.now();
      // Never seen here and the platform cannot answer: it cannot be checked, and the counter is offline.
      expect(await lookup(unseen!.token)).toMatchObject({ kind: 'unverifiable' });
      expect(Date.now() - started).toBeLessThan(3000);
      expect((await counter.core.call('status.get', {})).online).toBe(false);
      expect(await lookup(seen!.token)).toMatchObject({ kind: 'valid', source: 'local' });

      await setFaults(counter.sandbox.url, { outage: false, malformed: false });
      expect((await counter.core.call('sync.now', {})).online).toBe(true);
      expect(await lookup(unseen!.token)).toMatchObject({ kind: 'valid', source: 'platform' });
    },
  );

  it('malformed JSON gives a typed error, and the next lookup works', async () => {
    const b = await freshBooking();
    await setFaults(counter.sandbox.url, { malformed: true });
    expect(await counter.core.dispatch('counter.lookup', { text: b.token })).toMatchObject({
      ok: false,
      error: { code: 'platform_malformed' },
    });
    await setFaults(counter.sandbox.url, { malformed: false });
    expect((await lookup(b.token)).kind).toBe('valid');
  });
});

describe('local first', () => {
  function nextUpdate(): Promise<Verdict> {
    return new Promise<Verdict>((resolve) => {
      const stop = counter.core.onEvent((name, payload) => {
        if (name !== 'verdict.updated') return;
        stop();
        resolve(payload as Verdict);
      });
    });
  }

  it('answers a token seen before at once, then confirms it, or corrects it if pass Culture disagrees', async () => {
    const b = await freshBooking();
    expect(await lookup(b.token)).toMatchObject({ kind: 'valid', source: 'platform' });

    // Seen before: the mirror answers, pass Culture confirms the same verdict (same ledger row, no correction).
    let updated = nextUpdate();
    const shown = await lookup(b.token);
    expect(shown).toMatchObject({ kind: 'valid', source: 'local', confirming: true });
    const confirmed = await updated;
    expect(confirmed).toMatchObject({ token: b.token, kind: 'valid', source: 'platform', ledgerId: shown.ledgerId });
    expect(confirmed.confirming).toBeFalsy();
    expect(confirmed.correctedFrom).toBeUndefined();

    // Cancelled on the platform since: the local answer comes first, then pass Culture's corrects it.
    await cancelSandboxBooking(counter.sandbox.url, b.id, 'offerer');
    updated = nextUpdate();
    expect(await lookup(b.token)).toMatchObject({ kind: 'valid', source: 'local' });
    expect(await updated).toMatchObject({
      token: b.token,
      kind: 'refused',
      reason: 'cancelled',
      source: 'platform',
      correctedFrom: 'valid',
    });

    // Now known as cancelled here: the mirror's red first, then pass Culture's same answer confirms it under the
    // shown verdict's ledger id (the screen does not sound it twice), without correctedFrom.
    updated = nextUpdate();
    const red = await lookup(b.token);
    expect(red).toMatchObject({ kind: 'refused', reason: 'cancelled', source: 'local', confirming: true });
    const redConfirmed = await updated;
    expect(redConfirmed).toMatchObject({
      kind: 'refused',
      reason: 'cancelled',
      source: 'platform',
      ledgerId: red.ledgerId,
    });
    expect(redConfirmed.correctedFrom).toBeUndefined();
    // And it can no longer be validated.
    expect(await counter.core.dispatch('counter.validate', { token: b.token })).toMatchObject({
      ok: false,
      error: { code: 'cancelled' },
    });
  });
});

describe('the contract boundary', () => {
  it('refuses malformed input with invalid_input', async () => {
    expect(await counter.core.dispatch('counter.lookup', { text: 42 })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(await counter.core.dispatch('counter.validate', { token: 'abc' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(await counter.core.dispatch('counter.lookup', { text: 'ABC234', extra: true })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
  });

  it('refuses an unknown call', async () => {
    expect(await counter.core.dispatch('counter.delete', {})).toMatchObject({
      ok: false,
      error: { code: 'unknown_call' },
    });
    expect(await counter.core.dispatch(undefined, undefined)).toMatchObject({
      ok: false,
      error: { code: 'unknown_call' },
    });
  });

  it('describes the counter without the API key', async () => {
    const info = await counter.core.call('app.info', {});
    expect(info).toMatchObject({ mode: 'demo', counterName: 'Caisse test' });
    expect(JSON.stringify(info)).not.toContain(counter.sandbox.apiKey);
  });

  it('lists the demo bookings with their tokens in demo mode', async () => {
    await resetSandbox(counter.sandbox.url);
    const { bookings } = await counter.core.call('demo.bookings', {});
    expect(bookings.length).toBeGreaterThan(100);
  });
});
