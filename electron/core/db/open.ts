/**
 * Opens the counter's SQLite database with fixed pragmas, refuses a database written by a newer version,
 * and applies the committed drizzle-kit migrations.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from './schema';

export type CounterDb = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/** Thrown when the file was migrated by a newer Guichet: opening it could lose data, so we stop. */
export class NewerDatabaseError extends Error {
  constructor(readonly file: string) {
    super(
      `La base de données ${file} a été créée par une version plus récente de Guichet. ` +
        `Mettez l'application à jour ; elle n'a pas été modifiée.`,
    );
    this.name = 'NewerDatabaseError';
  }
}

/**
 * Migrations sit next to this module in the sources (electron/core/db/migrations) and are copied next to the
 * bundle by scripts/build-node.mjs (dist/electron/migrations).
 */
export function defaultMigrationsFolder(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const candidates = [path.join(here, 'migrations'), path.join(here, 'db', 'migrations')];
  return candidates.find((dir) => fs.existsSync(path.join(dir, 'meta', '_journal.json'))) ?? candidates[0]!;
}

interface Journal {
  entries: { when: number; tag: string }[];
}

function newestKnownMigration(migrationsFolder: string): number {
  const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as Journal;
  return Math.max(0, ...journal.entries.map((e) => e.when));
}

function newestAppliedMigration(sqlite: Database.Database): number | null {
  const table = sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'")
    .get();
  if (!table) return null;
  const row = sqlite.prepare('SELECT MAX(created_at) AS newest FROM __drizzle_migrations').get() as {
    newest: number | null;
  };
  return row.newest === null ? null : Number(row.newest);
}

export function openDatabase(file: string, migrationsFolder = defaultMigrationsFolder()): CounterDb {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  try {
    // https://www.sqlite.org/wal.html — readers never block the writer; the counter reads while it writes.
    sqlite.pragma('journal_mode = WAL');
    // https://www.sqlite.org/pragma.html#pragma_synchronous — FULL: a validation confirmed on screen
    // survives a power cut, not only a crash.
    sqlite.pragma('synchronous = FULL');
    // https://www.sqlite.org/foreignkeys.html — off by default in SQLite.
    sqlite.pragma('foreign_keys = ON');
    // Another process (a second window, a backup tool) may hold the lock briefly.
    sqlite.pragma('busy_timeout = 5000');

    const applied = newestAppliedMigration(sqlite);
    if (applied !== null && applied > newestKnownMigration(migrationsFolder)) throw new NewerDatabaseError(file);

    const db = drizzle(sqlite, { schema });
    migrate(db, { migrationsFolder });
    return db as CounterDb;
  } catch (error) {
    sqlite.close();
    throw error;
  }
}

/** Lets SQLite refresh its statistics before closing (https://www.sqlite.org/pragma.html#pragma_optimize). */
export function closeDatabase(db: CounterDb): void {
  if (!db.$client.open) return;
  db.$client.pragma('optimize');
  db.$client.close();
}
