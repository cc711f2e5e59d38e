/**
 * One engine per data folder. Two engines on one folder would both send the same upload queue (every validation
 * twice, then false conflicts), so the folder is locked for as long as an engine runs in it.
 *
 * The lock is an OS lock held by SQLite on a small file (`guichet.lock`): `locking_mode = EXCLUSIVE` keeps the
 * exclusive lock of its first write until the connection closes (https://www.sqlite.org/pragma.html#pragma_locking_mode).
 * SQLite takes it with fcntl() on Unix and LockFileEx() on Windows, so the operating system releases it when the
 * process ends in any way — SIGKILL and power cuts included — and no stale lock file can block the next start
 * (unlike a pid file or `proper-lockfile`'s mtime, which need a liveness guess). It also works between two
 * connections of one process, so a second core in the same process is refused too.
 * Who holds it is written beside it (`guichet.lock.json`), only to say so in the refusal.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { ensurePrivateDir, restrictFile } from './privateFiles';

export const LOCK_FILE = 'guichet.lock';
const HOLDER_FILE = 'guichet.lock.json';

export interface LockHolder {
  pid: number;
  startedAt: string;
  /** What runs there: `browser` (npm run start:web), `electron`, `test`... */
  host: string;
}

/** Another engine runs in this folder. The message is French: it is shown as is. */
export class FolderLockedError extends Error {
  override readonly name = 'FolderLockedError';
  constructor(
    readonly dir: string,
    readonly holder: LockHolder | null,
  ) {
    const who = holder
      ? ` (processus ${holder.pid}, démarré le ${new Date(holder.startedAt).toLocaleString('fr-FR')})`
      : '';
    super(
      `Un autre guichet utilise déjà le dossier de données ${dir}${who}. ` +
        `Fermez-le (fenêtre ou terminal) avant d'en ouvrir un second : deux guichets sur les mêmes données ` +
        `enverraient chaque validation deux fois.`,
    );
  }
}

export interface FolderLock {
  readonly dir: string;
  release(): void;
}

export function lockFolder(dir: string, host = 'engine'): FolderLock {
  ensurePrivateDir(dir);
  const file = path.join(dir, LOCK_FILE);
  const holderFile = path.join(dir, HOLDER_FILE);
  // timeout 0: a held lock is reported at once, not after busy_timeout.
  const db = new Database(file, { timeout: 0 });
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec(
      'BEGIN EXCLUSIVE; CREATE TABLE IF NOT EXISTS holder (pid INTEGER, started_at TEXT); DELETE FROM holder; COMMIT',
    );
  } catch (error) {
    db.close();
    if ((error as { code?: string }).code === 'SQLITE_BUSY' || (error as { code?: string }).code === 'SQLITE_LOCKED') {
      throw new FolderLockedError(dir, readHolder(holderFile));
    }
    throw error;
  }
  restrictFile(file);
  const holder: LockHolder = { pid: process.pid, startedAt: new Date().toISOString(), host };
  try {
    fs.writeFileSync(holderFile, JSON.stringify(holder), { mode: 0o600 });
  } catch {
    // Only informative (disk full, read-only folder): the lock itself is held.
  }
  let released = false;
  return {
    dir,
    release() {
      if (released) return;
      released = true;
      try {
        fs.rmSync(holderFile, { force: true });
      } catch {
        // informative only
      }
      db.close();
    },
  };
}

function readHolder(file: string): LockHolder | null {
  try {
    const value = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<LockHolder>;
    if (typeof value.pid === 'number' && typeof value.startedAt === 'string') {
      return { pid: value.pid, startedAt: value.startedAt, host: String(value.host ?? '') };
    }
  } catch {
    // absent or damaged: the refusal simply does not say who
  }
  return null;
}
