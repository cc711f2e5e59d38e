/**
 * A secondary's first catch-up of a season writes its replica page after page, as fast as its main counter serves
 * them: like a main counter's sync (tests/unit/sync/walDuringSync.test.ts), it lets the WAL start over between its
 * pages (walCheckpointer's catchUp, called before each page, core/replica.ts) instead of growing it with each one:
 * these 40,000 bookings grew the secondary's WAL file to 250–290 MB without it, 21 MB with it.
 *
 * The main counter's mirror is filled with SQL (its own sync of 40,000 bookings would take longer than the catch-up
 * under test); the change-cursor triggers number the rows as the sync's writes do.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../../electron/core';
import { pairTwo, startTwoCounters, until, type TwoCounters } from '../../support/twoCounters';

const BOOKINGS = 40_000;
const FIRST_ID = 1_000_000;

let two: TwoCounters | null = null;
afterEach(async () => {
  await two?.close();
  two = null;
});

/** A season's bookings in the main counter's mirror, written beside its engine (WAL: readers and one writer). */
function fillMainMirror(dataDir: string, count: number): void {
  const db = new Database(path.join(dataDir, DATABASE_FILE));
  try {
    db.pragma('busy_timeout = 5000');
    // Names at random and booking ids out of order, as a real listing's: each page's rows land all over the
    // table's indexes (ordered names and ids would touch a few pages only, and write a much smaller WAL).
    db.prepare(
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?),
       people AS MATERIALIZED (
         SELECT i, lower(hex(randomblob(4))) AS last, lower(hex(randomblob(3))) AS first FROM n)
       INSERT INTO known_bookings (booking_id, status, quantity, unit_price_cents, price_category_label, offer_id,
         offer_name, stock_id, venue_id, venue_name, first_name, last_name, search_key, search_first_key, updated_at)
       SELECT ${FIRST_ID} + (i * 7919) % 100003, 'CONFIRMED', 1 + i % 2, 500, 'Plein tarif', 101 + i % 8,
         'Film ' || (i % 8), 5001 + i % 200, 1, 'Cinéma de test', first, last, last || ' ' || first,
         first || ' ' || last, '2026-12-06T12:00:00.000Z'
       FROM people`,
    ).run(count);
  } finally {
    db.close();
  }
}

describe('the WAL of a secondary catching up on a season', () => {
  it('starts over between pages instead of growing with each one', async () => {
    two = await startTwoCounters();
    fillMainMirror(two.main.dataDir, BOOKINGS);
    const wal = path.join(two.second.dataDir, `${DATABASE_FILE}-wal`);
    let largest = 0;
    const watch = setInterval(() => {
      largest = Math.max(largest, fs.statSync(wal, { throwIfNoEntry: false })?.size ?? 0);
    }, 5);
    try {
      await pairTwo(two);
      const secondLan = two.secondLan;
      await until(async () => (await secondLan.call('lan.get')).secondary?.replicaAt != null, 50_000);
    } finally {
      clearInterval(watch);
    }
    const reader = new Database(path.join(two.second.dataDir, DATABASE_FILE), { readonly: true });
    const { n } = reader.prepare('SELECT COUNT(*) AS n FROM known_bookings WHERE booking_id >= ?').get(FIRST_ID) as {
      n: number;
    };
    reader.close();
    expect(n).toBe(BOOKINGS);
    // 4,096 frames (16 MB) and the page that passes them (~5 MB: random names touch an index page per row).
    expect(largest).toBeGreaterThan(0);
    expect(largest).toBeLessThan(24 * 2 ** 20);
  }, 60_000);
});
