/**
 * WAL checkpoints in a worker thread (db/walCheckpointer.ts): the engine's connection never checkpoints in a commit,
 * the worker copies the WAL into the database file once it has grown, stops cleanly, and SQLite's own checkpoints
 * come back when the worker cannot run.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { startWalCheckpointer } from '../../../electron/core/db/walCheckpointer';
import { walIndexState } from '../../../electron/core/db/walIndex';

/** Frames in the WAL not yet copied into the database file; null when the wal-index cannot be read. */
const pendingWalFrames = (file: string) => walIndexState(file)?.pending ?? null;

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function walDatabase(): { sqlite: Database.Database; file: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'guichet-wal-'));
  dirs.push(dir);
  const file = path.join(dir, 'counter.sqlite');
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)');
  return { sqlite, file };
}

/** ~6 MB of rows in commits of 100 (past the 4 MB from which the worker is asked). */
function fillWal(sqlite: Database.Database): void {
  const insert = sqlite.prepare('INSERT INTO t (v) VALUES (?)');
  const commit = sqlite.transaction(() => {
    for (let i = 0; i < 100; i++) insert.run('x'.repeat(1_000));
  });
  for (let i = 0; i < 60; i++) commit();
}

const pagesInFile = (file: string) => Math.floor(fs.statSync(file).size / 4_096);

async function until(check: () => boolean, ms = 5_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('WAL checkpointer', () => {
  it('leaves commits alone and copies the WAL into the database file from a worker', async () => {
    const { sqlite, file } = walDatabase();
    const checkpointer = startWalCheckpointer(sqlite, file, pino({ level: 'silent' }));
    expect(sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    const before = pagesInFile(file);
    fillWal(sqlite);
    // No commit checkpointed: the database file has not grown yet, everything is in the WAL.
    expect(pagesInFile(file)).toBe(before);
    await until(() => pagesInFile(file) > before + 1_000);
    await checkpointer.stop();
    expect(sqlite.prepare('SELECT COUNT(*) AS n FROM t').get()).toEqual({ n: 6_000 });
    sqlite.close();
    // Closed by the last connection: SQLite removes the WAL (the worker's connection was closed first).
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
  });

  it('reads how many frames wait in the WAL from the wal-index', () => {
    const { sqlite, file } = walDatabase();
    sqlite.pragma('wal_autocheckpoint = 0');
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
    expect(pendingWalFrames(file)).toBe(0);
    sqlite.prepare('INSERT INTO t (v) VALUES (?)').run('x'.repeat(10_000)); // three pages of overflow, and the leaf
    const waiting = pendingWalFrames(file);
    expect(waiting).toBeGreaterThanOrEqual(3);
    expect(sqlite.pragma('wal_checkpoint(PASSIVE)', { simple: false })).toEqual([
      { busy: 0, log: waiting, checkpointed: waiting },
    ]);
    expect(pendingWalFrames(file)).toBe(0);
    expect(pendingWalFrames(path.join(path.dirname(file), 'absent.sqlite'))).toBeNull();
    sqlite.close();
  });

  it('leaves a few frames in the WAL until its cadence, then copies them too', async () => {
    const { sqlite, file } = walDatabase();
    const checkpointer = startWalCheckpointer(sqlite, file, pino({ level: 'silent' }), { atLeastEveryMs: 3_000 });
    const insert = sqlite.prepare('INSERT INTO t (v) VALUES (?)');
    for (let i = 0; i < 20; i++) insert.run(`row ${i}`);
    const waiting = pendingWalFrames(file)!;
    expect(waiting).toBeGreaterThan(0);
    // Checked every 500 ms: a checkpoint after each write (its former rule) would have run by now.
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect(pendingWalFrames(file)).toBe(waiting);
    await until(() => pendingWalFrames(file) === 0);
    await checkpointer.stop();
    sqlite.close();
  });

  it('lets a writer that never pauses start the WAL over, instead of growing it without end', async () => {
    const grown = async (catchUp: boolean): Promise<number> => {
      const { sqlite, file } = walDatabase();
      const checkpointer = startWalCheckpointer(sqlite, file, pino({ level: 'silent' }), { catchUpFromFrames: 300 });
      const insert = sqlite.prepare('INSERT INTO t (v) VALUES (?)');
      const commit = sqlite.transaction(() => {
        for (let i = 0; i < 100; i++) insert.run('x'.repeat(1_000));
      });
      let largest = 0;
      // ~6 MB of commits, one right after the other, as a sync's pages from a platform with no rate limit.
      for (let i = 0; i < 60; i++) {
        commit();
        largest = Math.max(largest, fs.statSync(`${file}-wal`).size);
        if (catchUp) await checkpointer.catchUp();
        else await new Promise((resolve) => setImmediate(resolve));
      }
      await checkpointer.stop();
      expect(sqlite.prepare('SELECT COUNT(*) AS n FROM t').get()).toEqual({ n: 6_000 });
      sqlite.close();
      return largest;
    };
    const without = await grown(false);
    const withCatchUp = await grown(true);
    expect(without).toBeGreaterThan(5 * 2 ** 20);
    // 300 frames and the commit that passes them: about 1.6 MB.
    expect(withCatchUp).toBeLessThan(2.5 * 2 ** 20);
  });

  it('does not hold a writer below the threshold, nor once stopped', async () => {
    const { sqlite, file } = walDatabase();
    const checkpointer = startWalCheckpointer(sqlite, file, pino({ level: 'silent' }));
    sqlite.prepare('INSERT INTO t (v) VALUES (?)').run('a row');
    const started = performance.now();
    await checkpointer.catchUp();
    expect(performance.now() - started).toBeLessThan(50);
    await checkpointer.stop();
    fillWal(sqlite);
    await checkpointer.catchUp();
    sqlite.close();
  });

  it("puts SQLite's own checkpoints back when the worker cannot run", async () => {
    const { sqlite, file } = walDatabase();
    const lines: string[] = [];
    const logger = pino({ level: 'warn' }, { write: (line: string) => lines.push(line) });
    const checkpointer = startWalCheckpointer(sqlite, file, logger, {
      driver: path.join(os.tmpdir(), 'no-such-driver.js'),
    });
    fillWal(sqlite);
    await until(() => sqlite.pragma('wal_autocheckpoint', { simple: true }) === 1_000);
    expect(lines.join('')).toContain('WAL checkpoints back in the engine thread');
    await checkpointer.stop();
    sqlite.close();
  });
});
