/**
 * The WAL flushed to disk in the background after relaxed writes (durability.ts: `thenFlush`). A relaxed commit
 * leaves its frames in the OS's cache; the next durable commit — a validation — must fsync them all before it
 * returns, on the engine's thread. During a full sync of a season that made a validation take 30 ms median (55 ms
 * p99) instead of 5, with scans waiting behind it (`npm run bench:sync-lag`). Flushing in libuv's thread pool after
 * each mirrored page leaves a validation only what the sync wrote since; after each lookup row and "sent" mark, a
 * validation writes out its own frames only, not its lookup's as well.
 *
 * Durability is unchanged: this only makes writes already committed durable sooner. One flush at a time; a write
 * during one asks for another when it ends.
 */
import fs from 'node:fs';
import type { Logger } from 'pino';

export interface WalFlusher {
  /**
   * Flushes the WAL soon: once this turn of the event loop is over (the reply being written, a verdict or a
   * validation, goes out first), or after the flush in progress. Never throws, never waits.
   */
  flushSoon(): void;
  /** Waits for a flush in progress and releases the file (before the database is closed). */
  stop(): Promise<void>;
}

type Fdatasync = (fd: number, done: (error: NodeJS.ErrnoException | null) => void) => void;

/** `fdatasync` is Node's (tests give one they complete themselves). */
export function startWalFlusher(
  databaseFile: string,
  logger: Logger,
  fdatasync: Fdatasync = (fd, done) => fs.fdatasync(fd, done),
): WalFlusher {
  let fd: number | null = null;
  let inFlight: Promise<void> | null = null;
  let again = false;
  let scheduled = false;
  let stopped = false;

  function open(): number | null {
    try {
      // Read-write (never written here): Windows only flushes a handle opened for writing.
      fd ??= fs.openSync(`${databaseFile}-wal`, 'r+');
    } catch {
      // No WAL file yet (or none any more): nothing to flush.
    }
    return fd;
  }

  // After the turn: started at once, the "sent" mark's flush ran beside the end of its validation, and a validation
  // 600 ms after its lookup took 0.1–0.2 ms longer (a probe alternating rounds in one process).
  function flushSoon(): void {
    if (stopped || scheduled) return;
    scheduled = true;
    setImmediate(() => {
      scheduled = false;
      flushNow();
    });
  }

  function flushNow(): void {
    if (stopped) return;
    if (inFlight) {
      again = true;
      return;
    }
    const handle = open();
    if (handle === null) return;
    inFlight = new Promise<void>((resolve) => {
      fdatasync(handle, (error) => {
        if (error) logger.warn({ err: error }, 'background WAL flush failed (the next durable commit does it)');
        inFlight = null;
        resolve();
        if (again) {
          again = false;
          flushNow();
        }
      });
    });
  }

  return {
    flushSoon,
    async stop() {
      stopped = true;
      while (inFlight) await inFlight;
      if (fd !== null) fs.closeSync(fd);
      fd = null;
    },
  };
}
