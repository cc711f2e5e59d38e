/**
 * Rolling backups of the counter's database, in `backups/` beside it: one a day (SQLite's online backup API,
 * through better-sqlite3's `backup()`, which copies page by page between turns of the event loop, so a scan is
 * never held), and one before migrations (`VACUUM INTO`, at start-up, nothing else open). A few of each are kept.
 * On damage (integrity.ts) the manager is offered the newest good one; restoring keeps the damaged file aside.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { ensurePrivateDir, restrictFile } from './privateFiles';
import { errorMessage } from '../../../shared/errorText';

export const BACKUP_DIR = 'backups';
export const DAMAGED_DIR = 'damaged';
const DAILY_KEPT = 3;
const MIGRATION_KEPT = 2;
export const BACKUP_EVERY_MS = 24 * 60 * 60_000;

export type BackupKind = 'daily' | 'migration';

export interface BackupInfo {
  name: string;
  file: string;
  kind: BackupKind;
  takenAt: string;
  sizeBytes: number;
}

const NAME = /^guichet-(daily|migration)-(\d{8}T\d{6}Z)\.sqlite$/;

function stamp(at: Date): string {
  return at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, 'Z');
}

function fromStamp(text: string): string {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(text)!;
  return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.000Z`;
}

export function backupDirOf(dataDir: string): string {
  return path.join(dataDir, BACKUP_DIR);
}

/** Backups of a data folder, newest first. */
export function listBackups(dataDir: string): BackupInfo[] {
  const dir = backupDirOf(dataDir);
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  const found: BackupInfo[] = [];
  for (const name of names) {
    const m = NAME.exec(name);
    if (!m) continue;
    const file = path.join(dir, name);
    const size = fs.statSync(file, { throwIfNoEntry: false })?.size ?? 0;
    if (size === 0) continue;
    found.push({ name, file, kind: m[1] as BackupKind, takenAt: fromStamp(m[2]!), sizeBytes: size });
  }
  return found.sort((a, b) => b.takenAt.localeCompare(a.takenAt));
}

function target(dataDir: string, kind: BackupKind, at: Date): string {
  const dir = backupDirOf(dataDir);
  ensurePrivateDir(dir);
  return path.join(dir, `guichet-${kind}-${stamp(at)}.sqlite`);
}

function prune(dataDir: string): void {
  const all = listBackups(dataDir);
  for (const [kind, kept] of [
    ['daily', DAILY_KEPT],
    ['migration', MIGRATION_KEPT],
  ] as const) {
    for (const old of all.filter((b) => b.kind === kind).slice(kept)) fs.rmSync(old.file, { force: true });
  }
}

/** Before migrations, synchronously (start-up only): a consistent copy through `VACUUM INTO`. */
export function backupBeforeMigration(sqlite: Database.Database, dataDir: string, at: Date): void {
  const file = target(dataDir, 'migration', at);
  sqlite.prepare('VACUUM INTO ?').run(file);
  restrictFile(file);
  prune(dataDir);
}

/** The daily copy, in the background (online backup API). Written to a temporary name, renamed when complete. */
export async function takeDailyBackup(sqlite: Database.Database, dataDir: string, at: Date): Promise<BackupInfo> {
  const file = target(dataDir, 'daily', at);
  const partial = `${file}.partial`;
  try {
    await sqlite.backup(partial);
    restrictFile(partial);
    fs.renameSync(partial, file);
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw error;
  }
  prune(dataDir);
  return listBackups(dataDir).find((b) => b.file === file)!;
}

/** Whether the newest daily backup is older than a day (by its name: the PC's clock, good enough for a day). */
export function dailyBackupDue(dataDir: string, now: Date): boolean {
  const newest = listBackups(dataDir).find((b) => b.kind === 'daily');
  if (!newest) return true;
  const age = now.getTime() - new Date(newest.takenAt).getTime();
  // A backup "from the future" (clock set back) does not postpone the next one for long.
  return age >= BACKUP_EVERY_MS || age < -BACKUP_EVERY_MS;
}

/** SQLite's own verdict on a file: "ok", or the problems it found. Never throws. */
export function checkFile(file: string): { ok: true } | { ok: false; detail: string } {
  let db: Database.Database | null = null;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const rows = db.pragma('quick_check') as { quick_check: string }[];
    const problems = rows.map((r) => r.quick_check).filter((r) => r !== 'ok');
    return problems.length === 0 ? { ok: true } : { ok: false, detail: problems.slice(0, 3).join(' ; ') };
  } catch (error) {
    return { ok: false, detail: errorMessage(error) };
  } finally {
    db?.close();
  }
}

/** Moves the database (and its WAL and shared-memory files) into `damaged/`; returns where it went. */
export function setAside(dataDir: string, databaseFile: string, at: Date): string | null {
  const dir = path.join(dataDir, DAMAGED_DIR);
  ensurePrivateDir(dir);
  const base = path.join(dir, `guichet-${stamp(at)}.sqlite`);
  let moved: string | null = null;
  for (const suffix of ['', '-wal', '-shm']) {
    const from = databaseFile + suffix;
    if (!fs.existsSync(from)) continue;
    fs.renameSync(from, base + suffix);
    if (suffix === '') moved = base;
  }
  return moved;
}

/** Puts a backup in place of the database (the damaged one is set aside first, never deleted). */
export function restoreBackup(dataDir: string, databaseFile: string, backupName: string, at: Date): void {
  const backup = listBackups(dataDir).find((b) => b.name === backupName);
  if (!backup) throw new Error(`sauvegarde introuvable : ${backupName}`);
  const check = checkFile(backup.file);
  if (!check.ok) throw new Error(`la sauvegarde ${backupName} est elle-même endommagée (${check.detail})`);
  setAside(dataDir, databaseFile, at);
  const partial = `${databaseFile}.restoring`;
  fs.copyFileSync(backup.file, partial);
  restrictFile(partial);
  fs.renameSync(partial, databaseFile);
}
