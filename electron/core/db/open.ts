/**
 * Opens the counter's SQLite database with fixed pragmas, refuses a database written by a newer version, checks
 * its integrity (`PRAGMA quick_check`), backs it up before migrations, and applies the committed drizzle-kit
 * migrations. A damaged database is never opened as an empty one: DatabaseDamagedError carries what the manager
 * needs to choose (restore a backup, or start afresh on purpose — see backups.ts and the host's recovery screen).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { backupBeforeMigration, listBackups, type BackupInfo } from './backups';
import { createPrivateFile } from './privateFiles';
import * as schema from './schema';
import { column } from './statement';
import { errorMessage } from '../../../shared/errorText';

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

export type DamageKind = 'empty' | 'missing' | 'corrupt' | 'unreadable';

/** The database is damaged or gone while backups say it existed. The message is French: shown as is. */
export class DatabaseDamagedError extends Error {
  override readonly name = 'DatabaseDamagedError';
  constructor(
    readonly file: string,
    readonly kind: DamageKind,
    readonly detail: string,
    readonly backups: BackupInfo[],
  ) {
    const what = {
      empty: 'est vide (0 octet) alors que des sauvegardes existent',
      missing: 'a disparu alors que des sauvegardes existent',
      corrupt: 'est endommagée',
      unreadable: "n'est pas lisible comme base SQLite",
    }[kind];
    super(
      `La base de données du guichet (${file}) ${what}. Elle n'a pas été modifiée ni remplacée : ` +
        (backups.length > 0
          ? 'restaurez la dernière sauvegarde valide, ou repartez d’une base vide si vous le décidez.'
          : 'aucune sauvegarde n’est disponible ; vous pouvez repartir d’une base vide si vous le décidez.'),
    );
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
  const table = column<string>(
    sqlite,
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'",
  ).get();
  if (!table) return null;
  // drizzle-kit stores `created_at` as a number, or as text in older journals.
  const newest = column<number | string | null>(sqlite, 'SELECT MAX(created_at) FROM __drizzle_migrations').get();
  return newest === null || newest === undefined ? null : Number(newest);
}

/** Before opening: an empty or missing file where backups exist is damage, not a first start. */
function checkPresence(file: string, dataDir: string): void {
  const size = fs.statSync(file, { throwIfNoEntry: false })?.size;
  const backups = listBackups(dataDir);
  if (size === 0) {
    if (backups.length > 0) throw new DatabaseDamagedError(file, 'empty', 'fichier de 0 octet', backups);
    fs.rmSync(file); // a first start interrupted before the first write: nothing was ever kept in it
  } else if (size === undefined && backups.length > 0) {
    throw new DatabaseDamagedError(file, 'missing', 'fichier absent', backups);
  }
}

function damageOf(error: unknown, file: string, dataDir: string): DatabaseDamagedError | null {
  const code = (error as { code?: unknown }).code;
  if (
    code === 'SQLITE_CORRUPT' ||
    code === 'SQLITE_NOTADB' ||
    (typeof code === 'string' && code.startsWith('SQLITE_CORRUPT'))
  ) {
    const detail = errorMessage(error);
    return new DatabaseDamagedError(
      file,
      code === 'SQLITE_NOTADB' ? 'unreadable' : 'corrupt',
      detail,
      listBackups(dataDir),
    );
  }
  return null;
}

export interface OpenOptions {
  /** The clock naming the pre-migration backup. */
  now?: () => Date;
  /** The manager chose to start afresh (recovery screen): a missing file is expected despite the backups. */
  fresh?: boolean;
}

export function openDatabase(
  file: string,
  migrationsFolder = defaultMigrationsFolder(),
  options: OpenOptions = {},
): CounterDb {
  const dataDir = path.dirname(file);
  const onDisk = file !== ':memory:';
  if (onDisk) {
    if (!options.fresh) checkPresence(file, dataDir);
    // Owner-only from its first byte: SQLite gives the -wal and -shm files the same mode.
    createPrivateFile(file);
  }
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

    // https://www.sqlite.org/pragma.html#pragma_quick_check — O(N), without the index cross-checks of integrity_check:
    // a damaged page must be found now, not by a lookup in the middle of the evening.
    if (onDisk) {
      const problems = (sqlite.pragma('quick_check') as { quick_check: string }[])
        .map((r) => r.quick_check)
        .filter((r) => r !== 'ok');
      if (problems.length > 0) {
        throw new DatabaseDamagedError(file, 'corrupt', problems.slice(0, 3).join(' ; '), listBackups(dataDir));
      }
    }

    const applied = newestAppliedMigration(sqlite);
    const known = newestKnownMigration(migrationsFolder);
    if (applied !== null && applied > known) throw new NewerDatabaseError(file);
    // An existing database about to be migrated is copied first: a failed or unwanted update can be rolled back.
    if (onDisk && applied !== null && applied < known)
      backupBeforeMigration(sqlite, dataDir, (options.now ?? (() => new Date()))());

    const db = drizzle(sqlite, { schema });
    migrate(db, { migrationsFolder });
    return db as CounterDb;
  } catch (error) {
    sqlite.close();
    throw damageOf(error, file, dataDir) ?? error;
  }
}

/**
 * The manager chose to start afresh (recovery screen): the new, empty database is created now, so the next start
 * does not take its absence (beside the backups) for damage.
 */
export function createFreshDatabase(file: string): void {
  closeDatabase(openDatabase(file, undefined, { fresh: true }));
}

/** Lets SQLite refresh its statistics before closing (https://www.sqlite.org/pragma.html#pragma_optimize). */
export function closeDatabase(db: CounterDb): void {
  if (!db.$client.open) return;
  db.$client.pragma('optimize');
  db.$client.close();
}
