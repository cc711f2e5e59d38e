/**
 * The 2026 listing against the sandbox: one cursor per venue that resumes after an interruption, the fallback to
 * film-by-film walks on a platform that refuses `venueId` (found once, logged, remembered, tried again a day later),
 * status changes found by the sweep of still-confirmed bookings, and a venue out of reach that stops nothing else.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import Database from 'better-sqlite3';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../../electron/core';
import { REQUESTS_PER_PASS } from '../../../electron/core/sync/statusRefresh';
import type { BookingRow, Envelope, SyncOverview } from '../../../shared/contract';
import { startCounter, type CounterUnderTest } from '../../support/counterUnderTest';
import {
  addSandboxBooking,
  cancelSandboxBooking,
  findBookings,
  sandboxBookings,
  sandboxRequests,
  setVenueListing,
  type SandboxRequest,
} from '../../support/sandboxControl';

let counter: CounterUnderTest | null = null;
afterEach(async () => {
  await counter?.close();
  counter = null;
});

async function call<T>(name: string, input: unknown = {}): Promise<T> {
  const envelope: Envelope<unknown> = await counter!.core.dispatch(name, input);
  if (!envelope.ok) throw new Error(`expected ok, got ${envelope.error.code}: ${envelope.error.message}`);
  return envelope.value as T;
}
const eventsDelivered = () => new Promise((resolve) => setImmediate(resolve));
const LISTING = '/public/bookings/v1/bookings';
/** The new-bookings walks: listings with no status, stock nor séance filter. */
const isNewBookingsWalk = (r: SandboxRequest) =>
  r.route === LISTING && !/status=|stockId=|beginningDatetime=/.test(r.path);
/** Every booking id in the counter's mirror (read from its database: more than a search shows). */
function mirroredIds(): number[] {
  const db = new Database(path.join(counter!.dataDir, DATABASE_FILE), { readonly: true });
  try {
    return db.prepare('SELECT booking_id FROM known_bookings ORDER BY booking_id').pluck().all() as number[];
  } finally {
    db.close();
  }
}

/** Until the first timed cycle has read the statuses (it reads everything due, at once). */
async function firstCycleDone(): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const overview = await call<SyncOverview>('sync.overview');
    if (overview.streams.some((s) => s.name === 'statuses' && s.lastSuccessAt !== null)) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the first sync cycle did not complete');
}

function capturingLogger() {
  const lines: { level: number; msg: string }[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as { level: number; msg: string });
      done();
    },
  });
  return { logger: pino({ level: 'info' }, stream), lines };
}

/** While set, the second page of a new-bookings walk fails as a dropped network would (the others go through). */
let dropSecondWalkPage = false;
let walkPages = 0;
const platformFetch: typeof fetch = (input, init) => {
  const url = input instanceof Request ? input.url : String(input);
  const walkPage = url.includes(`${LISTING}?venueId=`) && !/status=|stockId=|beginningDatetime=/.test(url);
  if (dropSecondWalkPage && walkPage && ++walkPages === 2) return Promise.reject(new TypeError('fetch failed'));
  return fetch(input, init);
};

describe('one cursor per venue', () => {
  it('resumes an interrupted walk from the last page it saved: every booking mirrored and announced once', async () => {
    counter = await startCounter({ platformFetch });
    await call('sync.now');
    await eventsDelivered();
    const added: number[] = [];
    counter.core.onEvent((name, payload) => {
      if (name === 'bookings.changed') added.push(...(payload as { added: number[] }).added);
    });
    // 120 new bookings: three pages of the venue's listing.
    const fresh: number[] = [];
    for (let i = 0; i < 120; i++)
      fresh.push((await addSandboxBooking(counter.sandbox.url, { status: 'CANCELLED' })).id);
    const { lastSeq } = await sandboxRequests(counter.sandbox.url);

    // The network drops while the second page is asked for.
    walkPages = 0;
    dropSecondWalkPage = true;
    try {
      await call('sync.now');
    } finally {
      dropSecondWalkPage = false;
    }
    await eventsDelivered();
    // The first page is in the mirror and was announced, though the cycle failed after it.
    expect(added).toEqual(fresh.slice(0, 50));
    expect((await call<{ online: boolean }>('status.get')).online).toBe(false);

    await call('sync.now'); // back online: the walk goes on from the saved cursor
    await eventsDelivered();
    const walks = (await sandboxRequests(counter.sandbox.url, lastSeq)).requests.filter(isNewBookingsWalk);
    const firstIndexes = walks.map((r) => Number(new URL(r.path, 'http://x').searchParams.get('firstIndex')));
    // The page that failed never reached the platform; the next sync asks for it again, then the third.
    expect(firstIndexes).toEqual([fresh[0], fresh[49]! + 1, fresh[99]! + 1]);
    expect(added.sort((a, b) => a - b)).toEqual(fresh);
    expect(mirroredIds()).toEqual((await sandboxBookings(counter.sandbox.url)).map((b) => b.id));
  });

  it('a steady cycle costs one request for new bookings, one page of the sweep, and a few séances at most', async () => {
    counter = await startCounter({ syncPeriodMs: 150 });
    await firstCycleDone(); // the first cycle reads everything due at once
    const { lastSeq } = await sandboxRequests(counter.sandbox.url);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const requests = (await sandboxRequests(counter.sandbox.url, lastSeq)).requests;
    // Between two new-bookings walks (a cycle), at most the sweep's page and a few séances or changed bookings.
    const cycles: SandboxRequest[][] = [];
    for (const r of requests) {
      if (isNewBookingsWalk(r)) cycles.push([]);
      cycles.at(-1)?.push(r);
    }
    expect(cycles.length).toBeGreaterThanOrEqual(3);
    for (const cycle of cycles.slice(0, -1)) {
      expect(cycle.length).toBeLessThanOrEqual(1 + 1 + REQUESTS_PER_PASS);
      expect(cycle.every((r) => r.path.includes('venueId=1') && !r.path.includes('offerId='))).toBe(true);
    }
  });

  it('finds a change to a far séance through the sweep of confirmed bookings, then reads that séance', async () => {
    counter = await startCounter({ syncPeriodMs: 100 });
    await firstCycleDone();
    const far = (await findBookings(counter.sandbox.url, { status: 'CONFIRMED' })).find(
      (b) => Date.parse(b.seanceStart) > Date.now() + 4 * 3600_000,
    )!;
    const { lastSeq } = await sandboxRequests(counter.sandbox.url);
    await cancelSandboxBooking(counter.sandbox.url, far.id, 'offerer');
    const inMirror = async () =>
      (await call<{ bookings: BookingRow[] }>('bookings.forSeance', { stockId: far.stockId })).bookings.find(
        (b) => b.bookingId === far.id,
      )?.status;
    for (let i = 0; i < 100 && (await inMirror()) !== 'CANCELLED'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(await inMirror()).toBe('CANCELLED');
    const requests = (await sandboxRequests(counter.sandbox.url, lastSeq)).requests.map((r) => r.path);
    expect(requests).toContain(`${LISTING}?venueId=1&stockId=${far.stockId}&firstIndex=1&limit=50`);
    expect(requests.some((p) => p.includes('status=CONFIRMED'))).toBe(true);
  });
});

describe('a platform that refuses venueId (before January 2026)', () => {
  it('is found out once, logged, and listed film by film: nothing is missed', async () => {
    const { logger, lines } = capturingLogger();
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'guichet-legacy-'));
    let offsetMs = 0;
    counter = await startCounter({
      venueListing: false,
      logger,
      dataDir,
      clock: () => new Date(Date.now() + offsetMs),
    });
    await call('sync.now');
    await call('sync.now');
    const requests = (await sandboxRequests(counter.sandbox.url)).requests.filter((r) => r.route === LISTING);
    const byVenue = requests.filter((r) => r.path.includes('venueId='));
    expect(byVenue).toHaveLength(1); // asked once, refused once
    expect(byVenue[0]?.status).toBe(400);
    expect(requests.filter((r) => r.path.includes('offerId=')).length).toBeGreaterThan(5);
    expect(mirroredIds()).toEqual((await sandboxBookings(counter.sandbox.url)).map((b) => b.id));
    const warned = lines.filter((l) => l.level === 40 && /refuses to list bookings by venue/.test(l.msg));
    expect(warned).toHaveLength(1);

    // A restart remembers it: no request is spent finding it out again.
    await counter.core.close();
    counter = await restart(counter, dataDir, logger, () => new Date(Date.now() + offsetMs));
    const { lastSeq } = await sandboxRequests(counter.sandbox.url);
    const fresh = await addSandboxBooking(counter.sandbox.url, { status: 'CANCELLED' });
    await call('sync.now');
    const after = (await sandboxRequests(counter.sandbox.url, lastSeq)).requests.filter((r) => r.route === LISTING);
    expect(after.filter((r) => r.path.includes('venueId='))).toEqual([]);
    expect(mirroredIds()).toContain(fresh.id);

    // The platform is upgraded; a day later the counter tries again, and goes on from the films' cursors.
    await setVenueListing(counter.sandbox.url, true);
    offsetMs = 24 * 3600_000 + 60_000;
    const { lastSeq: beforeUpgrade } = await sandboxRequests(counter.sandbox.url);
    const next = await addSandboxBooking(counter.sandbox.url, { status: 'CANCELLED' });
    await call('sync.now');
    const upgraded = (await sandboxRequests(counter.sandbox.url, beforeUpgrade)).requests.filter(isNewBookingsWalk);
    expect(upgraded[0]?.path).toMatch(/^\/public\/bookings\/v1\/bookings\?venueId=1&firstIndex=(\d+)&limit=50$/);
    expect(Number(/firstIndex=(\d+)/.exec(upgraded[0]!.path)?.[1])).toBeGreaterThan(1);
    expect(upgraded.filter((r) => r.path.includes('offerId='))).toEqual([]);
    expect(mirroredIds()).toContain(next.id);
    expect(lines.some((l) => /now lists bookings by venue/.test(l.msg))).toBe(true);
  });

  it('refreshes statuses film by film, as before', async () => {
    counter = await startCounter({ venueListing: false });
    await call('sync.now');
    const requests = (await sandboxRequests(counter.sandbox.url)).requests.filter((r) => r.route === LISTING);
    expect(requests.some((r) => /offerId=\d+&stockId=\d+/.test(r.path))).toBe(true);
    expect(requests.filter((r) => r.path.includes('venueId=')).map((r) => r.status)).toEqual([400]);
  });
});

describe('a venue the key no longer reaches', () => {
  it('is shown on the sync screen, and the other venue is still synced, statuses included', async () => {
    counter = await startCounter({ venueIds: [1, 999] });
    await call('sync.now');
    const overview = await call<SyncOverview>('sync.overview');
    const bookings = overview.streams.find((s) => s.name === 'bookings');
    expect(bookings?.lastError).toMatch(/lieu n'est pas \(ou plus\) accessible/);
    expect(overview.streams.find((s) => s.name === 'statuses')?.lastError).toBeNull();
    expect(mirroredIds()).toEqual((await sandboxBookings(counter.sandbox.url)).map((b) => b.id));
  });
});

async function restart(
  previous: CounterUnderTest,
  dataDir: string,
  logger: pino.Logger,
  clock: () => Date,
): Promise<CounterUnderTest> {
  const { createCore } = await import('../../../electron/core');
  const core = await createCore({
    dataDir,
    platform: { baseUrl: previous.sandbox.url, apiKey: previous.sandbox.apiKey },
    mode: 'demo',
    counterName: 'Caisse test',
    logger,
    clock,
    syncPeriodMs: 0,
    rateLimitPerMinute: 100_000,
  });
  return { ...previous, core };
}
