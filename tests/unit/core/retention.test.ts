/**
 * GDPR (issue 11): beneficiaries' personal data is erased a retention period after the séance once the booking is
 * settled and nothing about it waits to be sent; the ledger's triggers allow that purge and nothing else.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { PlatformBooking } from '../../../shared/platform/schemas';
import { createReplicaSink } from '../../../electron/core/db/replica';
import { createBookingCache } from '../../../electron/core/db/bookingCache';
import { createLedger } from '../../../electron/core/db/ledger';
import { closeDatabase, openDatabase, type CounterDb } from '../../../electron/core/db/open';
import { purgePersonalData } from '../../../electron/core/db/retention';
import { createUploadQueue } from '../../../electron/core/db/uploadQueue';

const NOW = new Date('2026-12-06T12:00:00Z');
const DAY = 24 * 60 * 60_000;
const daysAgo = (n: number) => new Date(NOW.getTime() - n * DAY).toISOString();

function platformBooking(id: number, stockId: number, status: PlatformBooking['status']): PlatformBooking {
  return {
    id,
    quantity: 1,
    creationDate: daysAgo(60),
    confirmationDate: null,
    price: 500,
    status,
    offerId: 10,
    stockId,
    priceCategoryLabel: 'Plein',
    offerName: 'Le Film',
    venueId: 1,
    venueName: 'Cinéma',
    userEmail: 'camille@example.org',
    userPhoneNumber: '+33600000000',
    userFirstName: 'Camille',
    userLastName: 'Martin',
    userBirthDate: '2007-01-01',
    userPostalCode: '75001',
  } as PlatformBooking;
}

const dbs: CounterDb[] = [];
afterEach(() => {
  for (const db of dbs.splice(0)) closeDatabase(db);
});

function setup() {
  const db = openDatabase(':memory:');
  dbs.push(db);
  const cache = createBookingCache(db);
  const ledger = createLedger(db);
  const queue = createUploadQueue(db, () => NOW.toISOString());
  // Two séances: 31 days ago and yesterday.
  cache.rememberSeancesNow(
    10,
    [
      { id: 100, beginningDatetime: daysAgo(31) },
      { id: 101, beginningDatetime: daysAgo(1) },
    ].map((d) => ({
      ...d,
      bookingLimitDatetime: d.beginningDatetime,
      bookedQuantity: 1,
      quantity: 10,
      priceCategory: { id: 1, label: 'Plein', price: 500 },
    })),
    NOW.toISOString(),
  );
  /** A validation made here, its upload in `state`. */
  function validated(id: number, stockId: number, token: string, state: 'done' | 'pending', at = daysAgo(31)) {
    cache.remember(token, platformBooking(id, stockId, 'USED'), at);
    ledger.append(
      {
        at,
        counterName: 'Caisse 1',
        kind: 'validation',
        token,
        bookingId: id,
        outcome: 'validated',
        platformStatus: null,
        platformAnswer: { note: 'x' },
      },
      (ledgerId) => {
        const q = queue.add({ ledgerId, action: 'use', token, bookingId: id, provisional: false });
        if (state === 'done') queue.markDone(q);
      },
    );
  }
  return { db, cache, ledger, queue, validated };
}

describe('the retention purge', () => {
  it('pseudonymises a booking 31 days after its séance, and not one still waiting to be sent', () => {
    const { db, cache, validated } = setup();
    validated(1, 100, 'AAAAA2', 'done'); // settled, séance 31 days ago
    validated(2, 100, 'BBBBB3', 'pending'); // séance 31 days ago, but its validation is not sent yet
    validated(3, 101, 'CCCCC4', 'done', daysAgo(1)); // séance yesterday

    const counts = purgePersonalData(db.$client, NOW, 30);
    expect(counts).toMatchObject({ bookings: 1, ledgerRows: 1 });

    expect(cache.byId(1)).toMatchObject({
      firstName: 'C.',
      lastName: 'M.',
      searchKey: '',
      token: null,
      unitPriceCents: 500,
      status: 'USED',
    });
    expect(cache.byId(2)).toMatchObject({ firstName: 'Camille', lastName: 'Martin', token: 'BBBBB3' });
    expect(cache.byId(3)).toMatchObject({ firstName: 'Camille', lastName: 'Martin' });
    const ledgerRows = db.$client
      .prepare('SELECT token, booking_id, outcome, at, platform_answer, purged_at FROM ledger_entries ORDER BY id')
      .all() as Record<string, unknown>[];
    expect(ledgerRows[0]).toMatchObject({
      token: '****A2',
      booking_id: 1,
      outcome: 'validated',
      at: daysAgo(31),
      platform_answer: null,
      purged_at: NOW.toISOString(),
    });
    expect(ledgerRows[1]).toMatchObject({ token: 'BBBBB3', purged_at: null });
    expect(ledgerRows[2]).toMatchObject({ token: 'CCCCC4', purged_at: null });
    // Nothing personal is left about booking 1 anywhere, and nothing beyond names was ever stored.
    const dump = JSON.stringify(db.$client.prepare('SELECT * FROM known_bookings').all());
    expect(dump).not.toMatch(/camille@example\.org|\+33600000000|2007-01-01|75001/);
    // The listing bringing the booking again does not bring the names back.
    cache.mirror([platformBooking(1, 100, 'USED')], NOW.toISOString());
    expect(cache.byId(1)).toMatchObject({ firstName: 'C.', lastName: 'M.' });
    // Idempotent.
    expect(purgePersonalData(db.$client, NOW, 30)).toMatchObject({ bookings: 0, ledgerRows: 0 });
  });

  it('masks a secondary’s copy of its main counter’s validations like the ledger it copies', () => {
    const { db, cache } = setup();
    cache.remember('DDDDD5', platformBooking(4, 100, 'USED'), daysAgo(31));
    cache.remember('EEEEE6', platformBooking(5, 101, 'USED'), daysAgo(1));
    const replica = { mainLedgerId: 0, kind: 'validation' as const, outcome: 'validated', counterName: 'Caisse 1' };
    const upload = { personName: null, uploadState: 'done' as const, uploadDoneAt: null, uploadReason: null };
    createReplicaSink(db).actions([
      { ...replica, ...upload, mainLedgerId: 7, token: 'DDDDD5', bookingId: 4, at: daysAgo(31) },
      { ...replica, ...upload, mainLedgerId: 8, token: 'EEEEE6', bookingId: 5, at: daysAgo(1) },
    ]);
    purgePersonalData(db.$client, NOW, 30);
    const rows = db.$client.prepare('SELECT token FROM replica_actions ORDER BY main_ledger_id').all();
    expect(rows).toEqual([{ token: '****D5' }, { token: 'EEEEE6' }]);
  });

  it('lets the ledger be updated by the purge only, once', () => {
    const { db, validated } = setup();
    validated(1, 100, 'AAAAA2', 'done');
    const change = (sql: string) => () => db.$client.prepare(sql).run();
    expect(change("UPDATE ledger_entries SET outcome = 'undone'")).toThrow(/append-only/);
    // Masking the token while changing something else, or without marking the row purged, is refused.
    expect(
      change("UPDATE ledger_entries SET token = '****A2', platform_answer = NULL, purged_at = 'x', booking_id = 9"),
    ).toThrow(/append-only/);
    expect(change("UPDATE ledger_entries SET token = '****A2', platform_answer = NULL")).toThrow(/append-only/);
    expect(change("UPDATE ledger_entries SET token = 'ZZZZZZ', platform_answer = NULL, purged_at = 'x'")).toThrow(
      /append-only/,
    );
    purgePersonalData(db.$client, NOW, 30);
    expect(change("UPDATE ledger_entries SET purged_at = 'again'")).toThrow(/append-only/);
    expect(change('DELETE FROM ledger_entries')).toThrow(/append-only/);
  });

  it('strips bidi controls from names at ingest and caps their length', () => {
    const { cache } = setup();
    const b = {
      ...platformBooking(5, 101, 'CONFIRMED'),
      userLastName: '\u202eNOSREP\u202c',
      userFirstName: 'A'.repeat(100_000),
    };
    const row = cache.remember('DDDDD5', b, NOW.toISOString());
    expect(row.lastName).toBe('NOSREP');
    expect(Array.from(row.firstName).length).toBeLessThanOrEqual(80);
    expect(row.firstName.endsWith('…')).toBe(true);
  });

  it('cleans tariff labels the same way, the booking’s and the séance’s (shown on the verdict, printed on the slip)', () => {
    const { cache } = setup();
    const label = (id: number, priceCategoryLabel: string | null) =>
      cache.remember(`DDDDD${id}`, { ...platformBooking(id, 101, 'CONFIRMED'), priceCategoryLabel }, NOW.toISOString())
        .priceCategoryLabel;
    expect(label(6, '\u202eFITRAT\u202c\u0007 réduit')).toBe('FITRAT réduit');
    expect(Array.from(label(7, 'x'.repeat(10_000)) ?? '').length).toBeLessThanOrEqual(80);
    expect(label(8, null)).toBeNull();
    const seance = {
      id: 4101,
      beginningDatetime: daysAgo(1),
      bookingLimitDatetime: daysAgo(1),
      bookedQuantity: 0,
      quantity: 10,
      priceCategory: { id: 2, label: '\u2066Plein\u2069\ttarif', price: 700 },
    };
    cache.rememberSeancesNow(10, [seance], NOW.toISOString());
    expect(cache.seance(4101)?.priceCategoryLabel).toBe('Plein tarif');
  });
});

describe('data folder permissions', () => {
  it.skipIf(process.platform === 'win32')('creates the database owner-only', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'guichet-perm-'));
    const db = openDatabase(path.join(dir, 'guichet.sqlite'));
    createLedger(db).append({
      at: NOW.toISOString(),
      counterName: 'c',
      kind: 'lookup',
      token: 'AAAAA2',
      bookingId: null,
      outcome: 'valid',
      platformStatus: null,
      platformAnswer: null,
    });
    for (const f of fs.readdirSync(dir)) expect(fs.statSync(path.join(dir, f)).mode & 0o077, f).toBe(0);
    closeDatabase(db);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
