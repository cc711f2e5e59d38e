import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createBookingCache } from '../../../electron/core/db/bookingCache';
import { createLedger } from '../../../electron/core/db/ledger';
import { checkFile, listBackups } from '../../../electron/core/db/backups';
import { platformBooking } from '../../support/platformBooking';
import {
  closeDatabase,
  defaultMigrationsFolder,
  NewerDatabaseError,
  openDatabase,
} from '../../../electron/core/db/open';

const dirs: string[] = [];
function tempFile(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'guichet-db-'));
  dirs.push(dir);
  return path.join(dir, 'guichet.sqlite');
}
/** The migrations as an older version had them: a copy beside `file` whose journal `keep` narrows. */
function olderMigrations(file: string, keep: (entries: { tag: string }[]) => { tag: string }[]): string {
  const older = path.join(path.dirname(file), 'older-migrations');
  fs.cpSync(defaultMigrationsFolder(), older, { recursive: true });
  const journalFile = path.join(older, 'meta', '_journal.json');
  const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] };
  journal.entries = keep(journal.entries);
  fs.writeFileSync(journalFile, JSON.stringify(journal));
  return older;
}

afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const row = {
  at: '2026-11-27T19:00:00.000Z',
  counterName: 'Caisse 1',
  kind: 'validation' as const,
  token: 'ABC234',
  bookingId: 1001,
  outcome: 'validated',
  platformStatus: 204,
  platformAnswer: null,
};

describe('database', () => {
  it('applies every migration to an empty in-memory database', () => {
    const db = openDatabase(':memory:');
    const tables = db.$client
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .all()
      .map((r) => (r as { name: string }).name);
    expect(tables).toEqual(
      expect.arrayContaining(['ledger_entries', 'known_bookings', 'seances', 'settings', '__drizzle_migrations']),
    );
    const triggers = db.$client.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'").all();
    // The ledger: no update (but the retention purge), no delete; the staff audit: neither; the mirror's change
    // cursor (0008): on insert, and on an update that changes something.
    expect(triggers).toHaveLength(6);
    closeDatabase(db);
  });

  it('moves a booking’s change cursor only when the booking really changes (the replica follows it)', () => {
    const db = openDatabase(':memory:');
    const cache = createBookingCache(db);
    const seqOf = (id: number) =>
      (
        db.$client.prepare('SELECT change_seq AS seq FROM known_bookings WHERE booking_id = ?').get(id) as {
          seq: number;
        }
      ).seq;
    const booking = platformBooking({ id: 1, quantity: 1 });
    cache.mirror([booking, { ...booking, id: 2 }], '2026-11-27T19:00:00.000Z');
    expect([seqOf(1), seqOf(2)]).toEqual([1, 2]);
    // The next sync cycle sees the same rows (only `updated_at` moves): nothing for the replica.
    cache.mirror([booking, { ...booking, id: 2 }], '2026-11-27T19:00:30.000Z');
    expect([seqOf(1), seqOf(2)]).toEqual([1, 2]);
    cache.mirror([{ ...booking, status: 'CANCELLED' }], '2026-11-27T19:01:00.000Z');
    cache.remember('ABC234', { ...booking, id: 2 }, '2026-11-27T19:01:00.000Z');
    expect([seqOf(1), seqOf(2)]).toEqual([3, 4]);
    closeDatabase(db);
  });

  it('a booking pass Culture confirms as mirrored is not written again; one that changed is', () => {
    const db = openDatabase(':memory:');
    const cache = createBookingCache(db);
    const stored = () =>
      db.$client.prepare('SELECT status, updated_at AS updatedAt FROM known_bookings WHERE booking_id = 7').get();
    const booking = platformBooking({ id: 7, quantity: 2 });
    const writes = () => db.$client.prepare('SELECT total_changes() AS n').get() as { n: number };
    cache.remember('ABC234', booking, '2026-12-06T19:00:00.000Z');
    const before = writes().n;
    cache.remember('ABC234', booking, '2026-12-06T19:05:00.000Z');
    expect(writes().n).toBe(before);
    expect(stored()).toEqual({ status: 'CONFIRMED', updatedAt: '2026-12-06T19:00:00.000Z' });
    cache.remember('ABC234', { ...booking, status: 'USED' }, '2026-12-06T19:06:00.000Z');
    expect(stored()).toEqual({ status: 'USED', updatedAt: '2026-12-06T19:06:00.000Z' });
    cache.remember('ABC234', { ...booking, status: 'USED', userLastName: 'Martin-Durand' }, '2026-12-06T19:07:00.000Z');
    expect(cache.byToken('ABC234')?.lastName).toBe('Martin-Durand');
    closeDatabase(db);
  });

  it('runs with WAL, full synchronous writes and foreign keys on', () => {
    const db = openDatabase(tempFile());
    expect(db.$client.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.$client.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.$client.pragma('foreign_keys', { simple: true })).toBe(1);
    closeDatabase(db);
  });

  it('opens an existing database again without re-running migrations', () => {
    const file = tempFile();
    const first = openDatabase(file);
    createLedger(first).append(row);
    closeDatabase(first);
    const second = openDatabase(file);
    expect(createLedger(second).since('2026-11-27T00:00:00.000Z')).toHaveLength(1);
    closeDatabase(second);
  });

  it('refuses a database migrated by a newer version, and leaves it untouched', () => {
    const file = tempFile();
    closeDatabase(openDatabase(file));
    const raw = new Database(file);
    raw.prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)').run('future', 9_999_999_999_999);
    raw.close();
    const before = fs.readFileSync(file);
    expect(() => openDatabase(file)).toThrow(NewerDatabaseError);
    expect(() => openDatabase(file)).toThrow(/version plus récente/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('keeps the ledger append-only: rows cannot be changed or deleted', () => {
    const db = openDatabase(':memory:');
    const id = createLedger(db).append(row);
    expect(() => db.$client.prepare("UPDATE ledger_entries SET outcome = 'x' WHERE id = ?").run(id)).toThrow(
      /append-only/,
    );
    expect(() => db.$client.prepare('DELETE FROM ledger_entries WHERE id = ?').run(id)).toThrow(/append-only/);
    closeDatabase(db);
  });

  it('finds the ledger rows of a token through its index', () => {
    const db = openDatabase(':memory:');
    const plan = db.$client
      .prepare(
        "EXPLAIN QUERY PLAN SELECT id FROM ledger_entries WHERE token = ? AND outcome IN ('validated','undone') ORDER BY id DESC LIMIT 1",
      )
      .all('ABC234')
      .map((r) => (r as { detail: string }).detail)
      .join(' ');
    expect(plan).toMatch(/USING (COVERING )?INDEX ledger_token_idx/);
    closeDatabase(db);
  });

  it('keeps the upload queue of a database made before its idempotency keys were dropped (0009)', () => {
    const file = tempFile();
    const full = defaultMigrationsFolder();
    // Everything before 0009 (drizzle applies only migrations newer than the last one applied).
    const older = olderMigrations(file, (entries) =>
      entries.slice(
        0,
        entries.findIndex((e) => e.tag === '0009_drop_idempotency_key'),
      ),
    );
    const before = openDatabase(file, older);
    const ledgerId = createLedger(before).append(row);
    before.$client
      .prepare(
        `INSERT INTO upload_queue (ledger_id, action, token, booking_id, provisional, idempotency_key, state, created_at)
         VALUES (?, 'use', 'ABC234', 1001, 0, 'a-key', 'pending', ?)`,
      )
      .run(ledgerId, row.at);
    closeDatabase(before);
    const db = openDatabase(file, full);
    const columns = db.$client.prepare("SELECT name FROM pragma_table_info('upload_queue')").all();
    expect(columns).not.toContainEqual({ name: 'idempotency_key' });
    expect(db.$client.prepare('SELECT ledger_id, token, state FROM upload_queue').all()).toEqual([
      { ledger_id: ledgerId, token: 'ABC234', state: 'pending' },
    ]);
    closeDatabase(db);
  });

  it('finds the print jobs of a ledger entry by status through one index (0010)', () => {
    const db = openDatabase(tempFile());
    const plan = db.$client
      .prepare(
        "EXPLAIN QUERY PLAN UPDATE print_jobs SET status = 'cancelled' WHERE ledger_id = 7 AND status = 'failed'",
      )
      .all() as { detail: string }[];
    expect(plan.map((step) => step.detail).join('\n')).toContain(
      'USING INDEX print_jobs_ledger_status_idx (ledger_id=? AND status=?)',
    );
    closeDatabase(db);
  });

  it('backs an existing database up before migrating it (VACUUM INTO), and not a new one', () => {
    const file = tempFile();
    const full = defaultMigrationsFolder();
    const older = olderMigrations(file, (entries) => entries.slice(0, 5));
    closeDatabase(openDatabase(file, older));
    expect(listBackups(path.dirname(file))).toEqual([]);
    const db = openDatabase(file, full);
    const backups = listBackups(path.dirname(file));
    expect(backups).toMatchObject([{ kind: 'migration' }]);
    expect(checkFile(backups[0]!.file)).toEqual({ ok: true });
    closeDatabase(db);
  });
});
