/**
 * A secondary's replica written as a main counter's sync writes its mirror (db/replica.ts, core/replica.ts): a page
 * of bookings and the cursor after it in one relaxed commit, then a background WAL flush; the programme relaxed too;
 * the main counter's validations and undos durably. Each page waits for the engine's hook first (the guichet's
 * calls, the WAL's catch-up). The durability a row was written with is read by a temporary trigger from
 * `pragma_synchronous` (1 = NORMAL, 2 = FULL) at the moment it is inserted.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { ReplicaAction, ReplicaBooking } from '../../../shared/lanWire';
import { replicaBooking as booking } from '../../support/replicaRows';
import { createCounterSettings } from '../../../electron/core/counter/counterSettings';
import { flushAfterRelaxedWrites } from '../../../electron/core/db/durability';
import { closeDatabase, openDatabase, type CounterDb } from '../../../electron/core/db/open';
import { createStores } from '../../../electron/core/db/stores';
import { createReplica } from '../../../electron/core/replica';

const NOW = '2026-12-06T12:00:00.000Z';
const MAIN = 'fingerprint-of-caisse-1';
const NORMAL = 1;
const FULL = 2;

let opened: CounterDb | null = null;
afterEach(() => {
  if (opened) closeDatabase(opened);
  opened = null;
});

/** Stores on a fresh database, counting the background flushes asked, and recording each insert's durability. */
function setup() {
  const db = openDatabase(':memory:');
  opened = db;
  let flushes = 0;
  const stores = createStores(db, () => NOW);
  flushAfterRelaxedWrites(db.$client, () => (flushes += 1));
  db.$client.exec(`
    CREATE TEMP TABLE written (tbl TEXT, level INTEGER);
    CREATE TEMP TRIGGER booking_written AFTER INSERT ON known_bookings
      BEGIN INSERT INTO written SELECT 'bookings', synchronous FROM pragma_synchronous; END;
    CREATE TEMP TRIGGER action_written AFTER INSERT ON replica_actions
      BEGIN INSERT INTO written SELECT 'actions', synchronous FROM pragma_synchronous; END;
    CREATE TEMP TRIGGER seance_written AFTER INSERT ON seances
      BEGIN INSERT INTO written SELECT 'seances', synchronous FROM pragma_synchronous; END;
  `);
  const levels = (tbl: string) =>
    db.$client
      .prepare<[string], { level: number }>('SELECT level FROM written WHERE tbl = ?')
      .all(tbl)
      .map((r) => r.level);
  const count = (sql: string) => db.$client.prepare<[], { n: number }>(sql).get()!.n;
  const cursorRow = () =>
    db.$client.prepare<[], { value: string }>("SELECT value FROM settings WHERE key = 'lan.replica'").get();
  return { db, stores, levels, count, cursorRow, flushes: () => flushes };
}

function action(mainLedgerId: number): ReplicaAction {
  return {
    mainLedgerId,
    kind: 'validation',
    token: `AAAA${mainLedgerId}Z`,
    bookingId: mainLedgerId,
    outcome: 'validated',
    at: NOW,
    counterName: 'Caisse 1',
    personName: null,
    uploadState: 'done',
    uploadDoneAt: NOW,
    uploadReason: null,
  };
}

/** A hook the test lets through itself, counting its calls. */
function heldHook() {
  let calls = 0;
  let release: () => void = () => {};
  const hook = () => {
    calls += 1;
    return new Promise<void>((resolve) => (release = resolve));
  };
  return { hook, calls: () => calls, release: () => release() };
}

function replicaOf(stores: ReturnType<typeof createStores>, beforePageWrite: () => Promise<void>) {
  return createReplica({
    counterSettings: createCounterSettings(stores.settings),
    source: stores.replicaSource,
    sink: stores.replicaSink,
    settings: stores.settings,
    emit: () => {},
    beforePageWrite,
  });
}

describe('a secondary’s replica pages', () => {
  it('writes a page of bookings and its cursor in one relaxed commit, then asks for a background flush', () => {
    const { db, stores, levels, count, cursorRow, flushes } = setup();
    stores.replicaSink.bookings([booking(1, 11), booking(2, 12)], { key: 'lan.replica', value: { seq: 12 } });
    expect(levels('bookings')).toEqual([NORMAL, NORMAL]);
    expect(count('SELECT COUNT(*) AS n FROM known_bookings')).toBe(2);
    expect(JSON.parse(cursorRow()!.value)).toEqual({ seq: 12 });
    expect(flushes()).toBe(1);
    // Every other write of the engine is durable again.
    expect(db.$client.pragma('synchronous', { simple: true })).toBe(FULL);
  });

  it('keeps neither the rows nor the cursor of a page that fails: the catch-up pulls it again', () => {
    const { stores, count, cursorRow, flushes } = setup();
    const broken = { ...booking(2, 12), offerName: null } as unknown as ReplicaBooking;
    expect(() =>
      stores.replicaSink.bookings([booking(1, 11), broken], { key: 'lan.replica', value: { seq: 12 } }),
    ).toThrow(/NOT NULL/);
    expect(count('SELECT COUNT(*) AS n FROM known_bookings')).toBe(0);
    expect(cursorRow()).toBeUndefined();
    expect(flushes()).toBe(0);
  });

  it('copies the main counter’s validations and undos durably, and the programme relaxed', () => {
    const { stores, levels, flushes } = setup();
    stores.replicaSink.actions([action(1), action(2)]);
    expect(levels('actions')).toEqual([FULL, FULL]);
    expect(flushes()).toBe(0);
    stores.replicaSink.programme(
      [
        {
          stockId: 100,
          offerId: 10,
          beginningDatetime: NOW,
          priceCategoryLabel: 'Plein',
          priceCents: 500,
          quantity: null,
          bookedQuantity: 1,
          updatedAt: NOW,
        },
      ],
      [],
    );
    expect(levels('seances')).toEqual([NORMAL]);
    expect(flushes()).toBe(1);
  });

  it('waits for the engine’s hook before writing a page, and stores where the next pull starts', async () => {
    const { stores, count } = setup();
    const held = heldHook();
    const replica = replicaOf(stores, held.hook);
    const saving = replica.saveBookings(MAIN, [booking(1, 11), booking(2, 12)]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(held.calls()).toBe(1);
    expect(count('SELECT COUNT(*) AS n FROM known_bookings')).toBe(0);
    held.release();
    await saving;
    expect(count('SELECT COUNT(*) AS n FROM known_bookings')).toBe(2);
    expect(replica.cursor(MAIN).bookings).toEqual({ seq: 12, bookingId: 2 });

    const copying = replica.saveActions([action(5)]);
    expect(held.calls()).toBe(2);
    held.release();
    await copying;
    expect(replica.cursor(MAIN).actions).toBe(5);

    // An empty page writes nothing and waits for nothing.
    await replica.saveBookings(MAIN, []);
    await replica.saveActions([]);
    expect(held.calls()).toBe(2);
  });
});
