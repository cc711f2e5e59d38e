/**
 * The mirror against the real sandbox: incremental sync with a resumable cursor, status refresh, name search,
 * the programme, offline verdicts from local data, provisional validations reconciled, and the rate budget.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startCounter, syncUntil, type CounterUnderTest } from '../../support/counterUnderTest';
import {
  addSandboxBooking,
  cancelSandboxBooking,
  findBooking,
  findBookings,
  sandboxBookings,
  sandboxRequests,
  sandboxStats,
  setFaults,
  setRateLimit,
  successfulUses,
  useSandboxBooking,
} from '../../support/sandboxControl';
import type { CallFunction } from '../../../electron/core/client';

let counter: CounterUnderTest | null = null;
afterEach(async () => {
  await counter?.close();
  counter = null;
});

const call: CallFunction = (name, input) => counter!.core.call(name, input);
const lookup = (text: string) => call('counter.lookup', { text });
/** Events are delivered on the next turn of the event loop, after the answer of the call that caused them. */
const eventsDelivered = () => new Promise((resolve) => setImmediate(resolve));
const statusInMirror = async (booking: { id: number; stockId: number }) =>
  (await call('bookings.forSeance', { stockId: booking.stockId })).bookings.find((b) => b.bookingId === booking.id)
    ?.status;
async function goOffline(): Promise<void> {
  await setFaults(counter!.sandbox.url, { outage: 'reset' });
  await lookup('ZZZZ44'); // the failed request switches the counter offline
  expect((await call('status.get')).online).toBe(false);
}
async function backOnline(): Promise<void> {
  await setFaults(counter!.sandbox.url, { outage: false });
  expect((await call('sync.now')).online).toBe(true);
}

describe('the bookings mirror', () => {
  it('pulls new bookings by one id cursor per venue, and resumes from the stored cursor after a restart', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'guichet-mirror-'));
    counter = await startCounter({ dataDir });
    const events: { added: number[] }[] = [];
    counter.core.onEvent((name, payload) => name === 'bookings.changed' && events.push(payload as { added: number[] }));
    await call('sync.now');
    await eventsDelivered();
    const all = await sandboxBookings(counter.sandbox.url);
    const mirrored = await call('bookings.search', { query: '', scope: 'all', limit: 200 });
    expect(mirrored.bookings).toHaveLength(all.length);
    expect(events[0]?.added).toHaveLength(all.length);

    // A restart on the same data folder continues from the cursor, not from the first booking.
    const sandbox = counter.sandbox;
    await counter.core.close();
    const { createCore } = await import('../../../electron/core');
    const pino = (await import('pino')).default;
    const core = await createCore({
      dataDir,
      platform: { baseUrl: sandbox.url, apiKey: sandbox.apiKey },
      mode: 'demo',
      counterName: 'Caisse test',
      logger: pino({ level: 'silent' }),
      syncPeriodMs: 0,
    });
    counter = { ...counter, core };
    const { lastSeq } = await sandboxRequests(sandbox.url);
    const fresh = await addSandboxBooking(sandbox.url, { status: 'CONFIRMED', firstName: 'Anaïs', lastName: 'Ngô' });
    const newEvents: { added: number[] }[] = [];
    core.onEvent((name, payload) => name === 'bookings.changed' && newEvents.push(payload as { added: number[] }));
    await core.call('sync.now', {});
    await eventsDelivered();
    // The venue is listed from where the last sync stopped, not from the start, and no film one by one.
    const listings = (await sandboxRequests(sandbox.url, lastSeq)).requests.filter(
      (r) => r.route === '/public/bookings/v1/bookings' && !r.path.includes('status=') && !r.path.includes('Datetime'),
    );
    expect(listings[0]?.path).toBe(
      `/public/bookings/v1/bookings?venueId=1&firstIndex=${Math.max(...all.map((b) => b.id)) + 1}&limit=50`,
    );
    expect(listings.filter((r) => r.path.includes('offerId='))).toEqual([]);
    expect(newEvents.flatMap((e) => e.added)).toEqual([fresh.id]);
  });

  it('refreshes statuses: a cancellation and a validation made elsewhere show up', async () => {
    counter = await startCounter();
    await call('sync.now');
    const now = Date.now();
    const soon = (await findBookings(counter.sandbox.url, { status: 'CONFIRMED', confirmed: true }))
      .filter((b) => new Date(b.seanceStart).getTime() > now - 3600_000)
      .sort((a, b) => a.seanceStart.localeCompare(b.seanceStart));
    const [toCancel, toUse] = [soon[0]!, soon[1]!];
    await cancelSandboxBooking(counter.sandbox.url, toCancel.id, 'offerer');
    await useSandboxBooking(counter.sandbox.url, toUse.id);
    const cancelled: number[] = [];
    counter.core.onEvent((name, payload) => {
      if (name === 'bookings.changed') cancelled.push(...(payload as { cancelled: number[] }).cancelled);
    });
    await syncUntil(
      counter!.core,
      async () => (await statusInMirror(toUse)) === 'USED' && cancelled.includes(toCancel.id),
    );
    expect(cancelled).toContain(toCancel.id);
    expect(await statusInMirror(toUse)).toBe('USED');
  });

  it('finds people by name regardless of accents and case', async () => {
    counter = await startCounter();
    await call('sync.now');
    const someone = (await sandboxBookings(counter.sandbox.url)).find((b) =>
      /[éèëïôü]/i.test(b.lastName + b.firstName),
    )!;
    const plain = (someone.firstName + ' ' + someone.lastName)
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toUpperCase();
    const found = await call('bookings.search', { query: plain, scope: 'all' });
    expect(found.bookings.map((b) => b.bookingId)).toContain(someone.id);
  });

  it('shows the programme of the coming days with places booked and left', async () => {
    counter = await startCounter();
    await call('sync.now');
    const programme = await call('programme.list', { days: 7 });
    expect(programme.offers.length).toBeGreaterThanOrEqual(5);
    expect(programme.seances.length).toBeGreaterThan(20);
    expect(programme.seances.some((s) => s.bookedQuantity > 0)).toBe(true);
  });
});

describe('offline', () => {
  it('answers from local data for tokens seen before, and says when a token cannot be checked', async () => {
    counter = await startCounter();
    await call('sync.now');
    const valid = await findBooking(counter.sandbox.url, { status: 'CONFIRMED', confirmed: true });
    const [later] = (await findBookings(counter.sandbox.url, { status: 'CONFIRMED', confirmed: true }))
      .filter((b) => b.token !== valid.token && new Date(b.seanceStart).getTime() > Date.now())
      .sort((a, b) => a.seanceStart.localeCompare(b.seanceStart));
    for (const b of [valid, later!]) await lookup(b.token);
    await cancelSandboxBooking(counter.sandbox.url, later!.id, 'offerer');
    // The mirror learns the cancellation; the token stays known.
    await syncUntil(counter!.core, async () => (await statusInMirror(later!)) === 'CANCELLED');
    await goOffline();
    expect(await lookup(valid.token)).toMatchObject({ kind: 'valid', source: 'local' });
    expect(await lookup(later!.token)).toMatchObject({ kind: 'refused', reason: 'cancelled', source: 'local' });
    expect(await lookup('QQQQ22')).toMatchObject({ kind: 'unverifiable' });
  });

  it('validates offline, and the validation reaches the platform exactly once when the network returns', async () => {
    counter = await startCounter();
    const b = await findBooking(counter.sandbox.url, { status: 'CONFIRMED', confirmed: true });
    await lookup(b.token);
    await goOffline();
    const validation = await call('counter.validate', { token: b.token });
    expect(validation.upload).toBe('pending');
    expect(await lookup(b.token)).toMatchObject({ kind: 'refused', reason: 'used', undo: expect.anything() });
    expect((await call('status.get')).pendingUploads).toBe(1);
    await backOnline();
    expect((await call('status.get')).pendingUploads).toBe(0);
    expect(await successfulUses(counter.sandbox.url, b.token)).toBe(1);
  });

  it('reconciles provisional validations: the right booking is validated, a token of another booking is a conflict', async () => {
    counter = await startCounter();
    await call('sync.now');
    const [a, b, c] = await findBookings(counter.sandbox.url, { status: 'CONFIRMED', confirmed: true });
    await goOffline();
    // The cashier finds A by name for A's token (unknown here) — and, wrongly, C for B's token.
    expect(await lookup(a!.token)).toMatchObject({ kind: 'unverifiable' });
    const found = await call('bookings.search', { query: a!.lastName, scope: 'all' });
    expect(found.bookings.map((x) => x.bookingId)).toContain(a!.id);
    await call('counter.validateProvisional', { token: a!.token, bookingId: a!.id });
    await call('counter.validateProvisional', { token: b!.token, bookingId: c!.id });
    await backOnline();
    const overview = await call('sync.overview');
    expect(overview.conflicts).toHaveLength(1);
    expect(overview.conflicts[0]).toMatchObject({
      token: b!.token,
      bookingId: c!.id,
      reason: expect.stringMatching(/autre réservation/),
    });
    expect(await successfulUses(counter.sandbox.url, a!.token)).toBe(1);
    expect(await successfulUses(counter.sandbox.url, b!.token)).toBe(0);
  });
});

describe('the rate budget', () => {
  it('never sends more than the limit in a rolling minute: the platform refuses nothing', async () => {
    counter = await startCounter({ rateLimitPerMinute: 30 });
    await setRateLimit(counter.sandbox.url, 30);
    const b = await findBooking(counter.sandbox.url, { status: 'CONFIRMED', confirmed: true });
    const before = await sandboxStats(counter.sandbox.url);
    for (let i = 0; i < 45; i++) void counter.core.dispatch('counter.lookup', { text: b.token });
    await new Promise((r) => setTimeout(r, 1500));
    const after = await sandboxStats(counter.sandbox.url, 60_000);
    expect(after.rateLimited).toBe(0);
    expect(after.total - before.total).toBeLessThanOrEqual(30);
    expect(after.maxInWindow).toBeLessThanOrEqual(30);
  });
});
