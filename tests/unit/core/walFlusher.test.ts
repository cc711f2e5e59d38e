/**
 * The WAL flushed in the background while a sync mirrors pages (db/walFlusher.ts): one flush at a time, a page
 * mirrored meanwhile asks for exactly one more, nothing before the WAL exists, and `stop` waits for the flush in
 * progress before releasing the file. The engine's stores call it after each mirrored page, and only then.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { startWalFlusher } from '../../../electron/core/db/walFlusher';
import { flushAfterRelaxedWrites } from '../../../electron/core/db/durability';
import { closeDatabase, openDatabase } from '../../../electron/core/db/open';
import { createStores, openStores } from '../../../electron/core/db/stores';
import { platformBooking } from '../../support/platformBooking';

const silent = pino({ level: 'silent' });
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function tempFile(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'guichet-flush-'));
  dirs.push(dir);
  return path.join(dir, 'counter.sqlite');
}

/** A flush the test completes itself, recording the descriptors it was asked to flush. */
function manualSync() {
  const pending: (() => void)[] = [];
  const fds: number[] = [];
  return {
    fds,
    pending,
    sync: (fd: number, done: (error: NodeJS.ErrnoException | null) => void) => {
      fds.push(fd);
      pending.push(() => done(null));
    },
    finishOne: () => pending.shift()?.(),
  };
}

/** A flusher on a database whose WAL file exists, with the test's own flushes. */
function flusherWithWal() {
  const file = tempFile();
  fs.writeFileSync(`${file}-wal`, 'frames');
  const manual = manualSync();
  return { manual, flusher: startWalFlusher(file, silent, manual.sync) };
}

/** After the turn of the event loop a flush waits for (walFlusher.ts). */
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe('background WAL flushes', () => {
  it('does nothing while there is no WAL file', async () => {
    const manual = manualSync();
    const flusher = startWalFlusher(tempFile(), silent, manual.sync);
    flusher.flushSoon();
    await nextTurn();
    expect(manual.fds).toEqual([]);
    await flusher.stop();
  });

  it('runs one flush at a time, and one more for whatever was asked meanwhile', async () => {
    const { manual, flusher } = flusherWithWal();
    flusher.flushSoon();
    // Asked again in the same turn: the flush has not started yet, and covers that too.
    flusher.flushSoon();
    await nextTurn();
    // Asked twice during the flush.
    flusher.flushSoon();
    flusher.flushSoon();
    await nextTurn();
    expect(manual.fds).toHaveLength(1);
    manual.finishOne();
    // The two pages mirrored during the first flush are covered by one more.
    expect(manual.fds).toHaveLength(2);
    manual.finishOne();
    expect(manual.fds).toHaveLength(2);
    expect(manual.pending).toHaveLength(0);
    await flusher.stop();
  });

  it('waits for the flush in progress before releasing the file, and flushes nothing after', async () => {
    const { manual, flusher } = flusherWithWal();
    flusher.flushSoon();
    await nextTurn();
    let stopped = false;
    const stopping = flusher.stop().then(() => (stopped = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(stopped).toBe(false);
    manual.finishOne();
    await stopping;
    // The descriptor is closed: using it again fails.
    expect(() => fs.fstatSync(manual.fds[0]!)).toThrow();
    flusher.flushSoon();
    await nextTurn();
    expect(manual.fds).toHaveLength(1);
  });

  it('is asked after each mirrored page, lookup row and "sent" mark, never after a durable commit', () => {
    let asked = 0;
    const db = openDatabase(':memory:');
    const stores = createStores(db, () => new Date().toISOString());
    flushAfterRelaxedWrites(db.$client, () => (asked += 1));
    const now = new Date().toISOString();
    stores.cache.mirror([platformBooking({ id: 1 }), platformBooking({ id: 2 })], now);
    stores.cache.mirror([platformBooking({ id: 3 })], now);
    expect(asked).toBe(2);
    // Nothing written, nothing to flush.
    stores.cache.mirror([], now);
    expect(asked).toBe(2);
    const row = { at: now, counterName: 'Caisse 1', token: 'ABC123', bookingId: 1, platformStatus: null };
    stores.ledger.append({ ...row, kind: 'lookup', outcome: 'valid', platformAnswer: null });
    expect(asked).toBe(3);
    // A validation and its queue row: one durable commit, which writes its frames out itself.
    let queueId = 0;
    stores.ledger.append({ ...row, kind: 'validation', outcome: 'validated', platformAnswer: null }, (ledgerId) => {
      queueId = stores.queue.add({ ledgerId, action: 'use', token: 'ABC123', bookingId: 1, provisional: false });
    });
    expect(asked).toBe(3);
    stores.queue.markDone(queueId);
    expect(asked).toBe(4);
    closeDatabase(db);
  });

  it('starts and stops with the engine’s stores on a real file', async () => {
    const file = tempFile();
    const stores = openStores(file, () => new Date(), 'Caisse test', silent);
    stores.cache.mirror([platformBooking({ id: 1 })], new Date().toISOString());
    await stores.close();
    expect(fs.existsSync(file)).toBe(true);
  });
});
