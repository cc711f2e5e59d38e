/**
 * WAL checkpoints off the engine's thread. By default SQLite checkpoints inside the commit that takes the WAL past
 * 1,000 pages (https://www.sqlite.org/wal.html#automatic_checkpoint): that commit then copies ~4 MB into the
 * database file and fsyncs it, 20–80 ms here — a scan or a validation that happens to be that commit waits as long,
 * and a full sync (whose mirror writes fill the WAL quickly) made it happen every second or so. Here the engine's
 * connection never checkpoints; a worker thread with its own connection runs PASSIVE checkpoints (which neither
 * wait for nor block the engine's reads and writes). Durability is unchanged: a checkpoint only moves committed
 * pages from the WAL into the database file.
 *
 * When: as SQLite would, once 1,000 frames wait (read from the wal-index, walIndex.ts), and otherwise at most every
 * 30 s while anything waits. A checkpoint fsyncs the database file and takes a core for a moment; run after every
 * write, as this did first (the WAL file's size never shrinks, so "past 4 MB" was always true), it came every
 * half-second during service, often in the middle of the next scan.
 *
 * The WAL file only starts over from its beginning when a checkpoint has copied every frame and the next write
 * comes after it. A writer that never pauses — a season's sync at the speed of a local platform, 170 frames a page —
 * made it grow to 1.3 GB (`npm run bench:sync-lag`), every commit appending to the file. Such a writer calls
 * `catchUp` between its pages: past 4,096 frames (16 MB) it waits for one checkpoint, which then copies everything,
 * and its next page starts the file over. At the real platform's rate the regular checkpoints already do that.
 *
 * The worker starts the first time the WAL needs it (most short sessions and tests never do). If it cannot run —
 * a packaging that cannot load the driver in a worker, say — SQLite's automatic checkpoint is put back.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import type { Logger } from 'pino';
import { walIndexState } from './walIndex';

/** SQLite's own default threshold: frames waiting in the WAL. */
const CHECKPOINT_FROM_FRAMES = 1_000;
/** Fewer frames than that wait at most this long (a quiet counter's WAL still ends up in the database file). */
const CHECKPOINT_AT_LEAST_EVERY_MS = 30_000;
const CHECK_EVERY_MS = 500;
/** The WAL file is cut back to this at its next reset (it otherwise keeps its largest size). */
const WAL_SIZE_LIMIT_BYTES = 16 * 2 ** 20;
const SQLITE_DEFAULT_AUTOCHECKPOINT = 1_000;
const STOP_TIMEOUT_MS = 2_000;
/** Frames since the WAL last started over beyond which a bulk writer waits for a checkpoint (`catchUp`). */
const CATCH_UP_FROM_FRAMES = 4_096;

/** CommonJS, evaluated in the worker: its own connection, one PASSIVE checkpoint per request. */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('busy_timeout = 1000');
const checkpoint = db.prepare('PRAGMA wal_checkpoint(PASSIVE)');
parentPort.on('message', (message) => {
  if (message === 'stop') {
    db.close();
    parentPort.close();
    return;
  }
  try {
    const started = performance.now();
    const result = checkpoint.get();
    parentPort.postMessage({ ok: true, ms: performance.now() - started, ...result });
  } catch (error) {
    parentPort.postMessage({ ok: false, error: String(error && error.message || error) });
  }
});
`;

export interface WalCheckpointer {
  /**
   * For a writer that would never pause (bulk writes), between two of its writes: when the WAL has grown past
   * 4,096 frames, resolves after a checkpoint has run, so the next write starts the WAL file over. Never rejects.
   */
  catchUp(): Promise<void>;
  /** Stops the worker and waits until its connection is closed (a data folder may be deleted next). */
  stop(): Promise<void>;
}

export interface WalCheckpointerOptions {
  /** The driver the worker loads (tests give one that cannot load, to see the fallback). */
  driver?: string;
  /** At most this long between checkpoints while frames wait (tests shorten it). */
  atLeastEveryMs?: number;
  /** Frames from which `catchUp` waits for a checkpoint (tests lower it). */
  catchUpFromFrames?: number;
}

export function startWalCheckpointer(
  sqlite: Database.Database,
  file: string,
  logger: Logger,
  options: WalCheckpointerOptions = {},
): WalCheckpointer {
  const driver = options.driver ?? createRequire(import.meta.url).resolve('better-sqlite3');
  const atLeastEveryMs = options.atLeastEveryMs ?? CHECKPOINT_AT_LEAST_EVERY_MS;
  const catchUpFromFrames = options.catchUpFromFrames ?? CATCH_UP_FROM_FRAMES;
  sqlite.pragma('wal_autocheckpoint = 0');
  sqlite.pragma(`journal_size_limit = ${WAL_SIZE_LIMIT_BYTES}`);
  let worker: Worker | null = null;
  let failed = false;
  let stopped = false;
  let lastAskedAt = performance.now();
  /** One per checkpoint asked of the worker, in order: its answer settles the oldest. */
  const answers: (() => void)[] = [];
  const busy = () => answers.length > 0;

  function fallBack(reason: unknown): void {
    if (failed) return;
    failed = true;
    logger.warn({ err: reason }, 'WAL checkpoints back in the engine thread (their worker could not run)');
    if (sqlite.open) sqlite.pragma(`wal_autocheckpoint = ${SQLITE_DEFAULT_AUTOCHECKPOINT}`);
  }

  function startWorker(): Worker {
    const started = new Worker(WORKER_SOURCE, { eval: true, workerData: { driver, file } });
    started.unref();
    started.on('message', (answer: unknown) => {
      answers.shift()?.();
      const result = answer as { ok: boolean; error?: string; ms?: number; checkpointed?: number };
      if (!result.ok) logger.warn({ error: result.error }, 'WAL checkpoint failed (tried again later)');
      else if ((result.ms ?? 0) > 100)
        logger.info({ ms: result.ms, pages: result.checkpointed }, 'slow WAL checkpoint');
    });
    started.on('error', (error) => {
      worker = null;
      fallBack(error);
      for (const settle of answers.splice(0)) settle();
    });
    return started;
  }

  /** Asks the worker for a checkpoint; resolves when it has answered (at once if it cannot run). */
  function checkpoint(): Promise<void> {
    return new Promise<void>((resolve) => {
      try {
        worker ??= startWorker();
        worker.postMessage('checkpoint');
      } catch (error) {
        fallBack(error);
        resolve();
        return;
      }
      // The answer comes in a later task: registered in time.
      lastAskedAt = performance.now();
      answers.push(resolve);
    });
  }

  const timer = setInterval(() => {
    if (busy() || failed) return;
    // null: the wal-index could not be read, and the cadence alone decides.
    const waiting = walIndexState(file)?.pending ?? null;
    if (waiting === 0) return;
    if ((waiting ?? 0) < CHECKPOINT_FROM_FRAMES && performance.now() - lastAskedAt < atLeastEveryMs) return;
    void checkpoint();
  }, CHECK_EVERY_MS);
  timer.unref();

  return {
    async catchUp() {
      if (failed || stopped) return;
      const state = walIndexState(file);
      if (!state || state.frames < catchUpFromFrames || state.pending === 0) return;
      // One already running copied only what was there when it began: the one asked here copies the rest.
      await checkpoint();
    },
    async stop() {
      stopped = true;
      clearInterval(timer);
      const current = worker;
      worker = null;
      if (!current) return;
      const exited = new Promise<void>((resolve) => current.once('exit', () => resolve()));
      current.postMessage('stop');
      const timeout = setTimeout(() => void current.terminate(), STOP_TIMEOUT_MS);
      await exited;
      clearTimeout(timeout);
      // A writer waiting in catchUp goes on (its next write fails on the closed database, as any other would).
      for (const settle of answers.splice(0)) settle();
    },
  };
}
