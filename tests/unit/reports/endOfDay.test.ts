/**
 * The end-of-day report and the reimbursements overview on a seeded sandbox day: the counter syncs, validates a
 * booking here, another is used elsewhere (pro web site) and one cancelled by the venue; the report's counts per
 * séance match what the sandbox says, and the categories add up to what was expected.
 */
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../../electron/core';
import type { SeanceCount } from '../../../shared/contract';
import { dayInZone } from '../../../shared/dates';
import { parseCsv } from '../../../electron/core/reports/csv';
import { startCounter, syncUntil, type CounterUnderTest } from '../../support/counterUnderTest';
import {
  cancelSandboxBooking,
  sandboxBookingSchema,
  sandboxBookings,
  useSandboxBooking,
  type SandboxBooking,
} from '../../support/sandboxControl';
import type { CallFunction } from '../../../electron/core/client';

let counter: CounterUnderTest;
let timeZone: string;
let day: string;
let stockId: number;
let validatedHere: SandboxBooking;
let usedElsewhere: SandboxBooking;
let cancelled: SandboxBooking;

async function createSandboxBooking(stock: number, quantity: number): Promise<SandboxBooking> {
  const response = await fetch(`${counter.sandbox.url}/__sandbox/bookings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ stockId: stock, quantity, confirmed: true }),
  });
  expect(response.status).toBe(201);
  return sandboxBookingSchema.parse(await response.json());
}
const call: CallFunction = (name, input) => counter.core.call(name, input);

beforeAll(async () => {
  counter = await startCounter();
  await call('sync.now');
  timeZone = (await call('app.info')).venue?.timeZone ?? 'Europe/Paris';
  // The soonest séance at least two hours ahead of a DUO film with five places left; four new bookings on it
  // (validated here, used elsewhere, cancelled by the venue, left unused), next to whatever the seed booked.
  const soon = new Date(Date.now() + 2 * 60 * 60_000).toISOString();
  const programme = await call('programme.list', { days: 8 });
  const duo = new Set(programme.offers.filter((o) => o.isDuo).map((o) => o.offerId));
  const ahead = programme.seances
    .filter((s) => s.start > soon && duo.has(s.offerId) && (s.remaining === null || s.remaining >= 5))
    .sort((a, b) => a.start.localeCompare(b.start));
  stockId = ahead[0]!.stockId;
  const created: SandboxBooking[] = [];
  for (const quantity of [2, 1, 1, 1]) created.push(await createSandboxBooking(stockId, quantity));
  [validatedHere, usedElsewhere, cancelled] = created as [SandboxBooking, SandboxBooking, SandboxBooking];
  await call('sync.now');
  day = dayInZone(new Date(validatedHere.seanceStart).toISOString(), timeZone);

  await call('counter.lookup', { text: validatedHere.token });
  await call('counter.validate', { token: validatedHere.token });
  await useSandboxBooking(counter.sandbox.url, usedElsewhere.id);
  await cancelSandboxBooking(counter.sandbox.url, cancelled.id, 'offerer');
  await syncUntil(counter.core, async () => {
    const { bookings: rows } = await call('bookings.forSeance', {
      stockId,
    });
    const statusOf = (id: number) => rows.find((r) => r.bookingId === id)?.status;
    return statusOf(cancelled.id) === 'CANCELLED' && statusOf(usedElsewhere.id) === 'USED';
  });
});
afterAll(async () => {
  await counter?.close();
});

const sumOf = (counts: SeanceCount[]) =>
  counts.reduce(
    (t, c) => ({
      bookings: t.bookings + c.bookings,
      places: t.places + c.places,
      amountCents: t.amountCents + c.amountCents,
    }),
    {
      bookings: 0,
      places: 0,
      amountCents: 0,
    },
  );

describe('the end-of-day report', () => {
  it('counts each séance of the day from the mirror and this counter’s validations', async () => {
    const report = await call('reports.endOfDay', { day });
    expect(report.day).toBe(day);
    const seance = report.seances.find((s) => s.stockId === stockId)!;
    expect(seance).toBeDefined();

    const sandbox = (await sandboxBookings(counter.sandbox.url)).filter((b) => b.stockId === stockId);
    const places = (list: SandboxBooking[]) => list.reduce((n, b) => n + b.quantity, 0);
    const notCancelled = sandbox.filter((b) => b.status !== 'CANCELLED');
    expect(seance.counts.expected.bookings).toBe(notCancelled.length);
    expect(seance.counts.expected.places).toBe(places(notCancelled));
    expect(seance.counts.expected.amountCents).toBe(notCancelled.reduce((n, b) => n + b.price * b.quantity, 0));
    expect(seance.counts.validatedHere).toEqual({
      bookings: 1,
      places: validatedHere.quantity,
      amountCents: validatedHere.price * validatedHere.quantity,
    });
    const elsewhere = sandbox.filter(
      (b) => (b.status === 'USED' || b.status === 'REIMBURSED') && b.id !== validatedHere.id,
    );
    expect(seance.counts.validatedElsewhere.bookings).toBe(elsewhere.length);
    expect(elsewhere.map((b) => b.id)).toContain(usedElsewhere.id);
    expect(seance.counts.cancelled.bookings).toBe(sandbox.filter((b) => b.status === 'CANCELLED').length);
    // The séance is ahead: nobody is a no-show yet; the rest are waiting.
    expect(seance.counts.noShows.bookings).toBe(0);
    expect(seance.counts.waiting.bookings).toBe(notCancelled.length - 1 - elsewhere.length);

    const c = seance.counts;
    expect(sumOf([c.validatedHere, c.provisional, c.validatedElsewhere, c.conflicts, c.noShows, c.waiting])).toEqual(
      c.expected,
    );
    expect(sumOf(report.seances.map((s) => s.counts.expected))).toEqual(report.totals.expected);
  });

  it('exports the day as CSV for Excel', async () => {
    const { fileName, csv } = await call('reports.endOfDayCsv', { day });
    expect(fileName).toBe(`rapport-fin-de-journee-${day}.csv`);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const rows = parseCsv(csv);
    const report = await call('reports.endOfDay', { day });
    expect(rows).toHaveLength(report.seances.length + 2);
    expect(rows.at(-1)?.[0]).toBe('TOTAL');
    expect(rows.every((row) => row.length === rows[0]!.length)).toBe(true);
    expect(rows.slice(1).every((row) => /^\d+,\d{2}$/.test(row[5]!))).toBe(true);
  });

  it('prints the report on the (virtual) receipt printer', async () => {
    const printed = await call('reports.printEndOfDay', { day });
    expect(printed.printer).toBeTruthy();
  });
});

describe('the reimbursements overview', () => {
  it('counts our validation as "here" and the one from the pro site as "elsewhere"', async () => {
    const overview = await call('reimbursements.overview', {});
    expect(overview.venue).not.toBeNull();
    const here = overview.bookings.find((b) => b.bookingId === validatedHere.id);
    expect(here?.origin).toBe('here');
    expect(here?.usedAtEstimated).toBe(false);
    expect(here?.reimbursementCents).toBe(validatedHere.price * validatedHere.quantity); // under 20,000 €: 100 %
    expect(overview.bookings.find((b) => b.bookingId === usedElsewhere.id)?.origin).toBe('elsewhere');
    expect(overview.bookings.some((b) => b.bookingId === cancelled.id)).toBe(false);
    expect(overview.totals.revenueCents).toBe(overview.bookings.reduce((n, b) => n + b.totalCents, 0));
    expect(overview.currentBand.band.rateBasisPoints).toBe(10_000);
    expect(overview.cycles.reduce((n, c) => n + c.bookings, 0)).toBe(overview.totals.bookings);
    expect(overview.series.at(-1)?.revenueCents).toBe(overview.totals.revenueCents);
  });
});

describe('after the séance', () => {
  it('turns unused bookings into no-shows once the séance has started', async () => {
    const later = await startLaterCore();
    try {
      const report = await later.call('reports.endOfDay', { day });
      const seance = report.seances.find((s) => s.stockId === stockId)!;
      expect(seance.counts.waiting.bookings).toBe(0);
      expect(seance.counts.noShows.bookings).toBeGreaterThan(0);
    } finally {
      await later.close();
    }
  });
});

/**
 * A second core on the same data folder, its clock three days on (the séance is over, past the 48 h) and the
 * platform out of reach: the report comes from local data. The first core is closed first (one writer).
 */
async function startLaterCore() {
  const later = new Date(Date.parse(validatedHere.seanceStart) + 3 * 24 * 60 * 60_000);
  await counter.core.close();
  return createCore({
    dataDir: counter.dataDir,
    platform: { baseUrl: 'http://127.0.0.1:9', apiKey: 'offline' },
    mode: 'demo',
    counterName: 'Caisse test',
    logger: pino({ level: 'silent' }),
    clock: () => later,
    syncPeriodMs: 0,
    lookupTimeoutMs: 200,
  });
}
