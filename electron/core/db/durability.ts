/**
 * Durability per write. The database runs with `synchronous = FULL` (a commit survives a power cut). A few
 * writes do not need that and would block the cashier's path (better-sqlite3 is synchronous), so they commit with
 * `NORMAL` instead — in WAL mode
 * that still survives the process being killed, and is made durable by the next FULL commit
 * (https://www.sqlite.org/pragma.html#pragma_synchronous). Used for: lookup rows (a record of consultations,
 * not a promise to anyone), "sent" marks on the upload queue (losing one only makes the next start check
 * the row again, and a "410 already validated" then settles it once — see uploader.ts), and the mirror of the
 * platform (bookings, séances, sync cursors: downloaded again if lost), a secondary's copy of its main counter's
 * mirror (bookings with their cursor, the programme: pulled again if lost, replica.ts), and the print queue's progress marks (a job
 * taken, printed, its old failures settled: a power cut that loses one prints a slip again, or shows it as
 * interrupted for the cashier to reprint). A print job itself is queued relaxed and flushed at once in the background:
 * durable a moment later, without an fsync on the thread the next scan needs.
 */
import type Database from 'better-sqlite3';

/** The two pragmas, kept per connection (SQLite still compiles a PRAGMA again at each run but the first, see below). */
const switches = new WeakMap<Database.Database, { relax: Database.Statement; restore: Database.Statement }>();

function switchesOf(sqlite: Database.Database) {
  let found = switches.get(sqlite);
  if (!found) {
    found = {
      relax: sqlite.prepare('PRAGMA synchronous = NORMAL'),
      restore: sqlite.prepare('PRAGMA synchronous = FULL'),
    };
    // SQLite applies a PRAGMA's value when the statement is prepared, and a prepared one's first run does nothing
    // (each later run prepares it again, which applies it): without these two runs, the first relaxed write of a
    // connection was a FULL one. FULL last, so the connection is FULL whichever way SQLite runs them.
    found.relax.run();
    found.restore.run();
    switches.set(sqlite, found);
  }
  return found;
}

/** Per connection: what flushes its WAL in the background (the engine's walFlusher; none in tools and tests). */
const flushers = new WeakMap<Database.Database, () => void>();

/**
 * The engine's connection: relaxed writes made with `{ thenFlush: true }` ask for a background flush of the WAL
 * (walFlusher.ts). A relaxed commit leaves its frames for the next durable commit to write out; flushed in libuv's
 * thread pool meanwhile, they are not on that commit's bill: a validation's fsync then writes out its own dozen
 * frames, not also the dozen of its lookup and the last "sent" mark's (on this VM an fsync costs about 12 µs a
 * frame). A probe alternating rounds in one process measured lookup + validation 0.2–0.8 ms shorter back to back,
 * and a validation 600 ms after its lookup 0.1–0.25 ms shorter.
 */
export function flushAfterRelaxedWrites(sqlite: Database.Database, flushSoon: () => void): void {
  flushers.set(sqlite, flushSoon);
}

export interface RelaxedWriteOptions {
  /** Ask for a background flush once committed: the scan path's writes and each page of a bulk writer. */
  thenFlush?: boolean;
}

export function withRelaxedDurability<T>(
  sqlite: Database.Database,
  write: () => T,
  options: RelaxedWriteOptions = {},
): T {
  if (sqlite.inTransaction) return write(); // the pragma cannot change inside a transaction
  const { relax, restore } = switchesOf(sqlite);
  relax.run();
  let result: T;
  try {
    result = write();
  } finally {
    restore.run();
  }
  if (options.thenFlush) flushers.get(sqlite)?.();
  return result;
}
