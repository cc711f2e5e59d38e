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
 * interrupted for the cashier to reprint; the job itself is written durably).
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

export function withRelaxedDurability<T>(sqlite: Database.Database, write: () => T): T {
  if (sqlite.inTransaction) return write(); // the pragma cannot change inside a transaction
  const { relax, restore } = switchesOf(sqlite);
  relax.run();
  try {
    return write();
  } finally {
    restore.run();
  }
}
