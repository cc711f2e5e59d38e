/**
 * The data folder holds beneficiaries' names (ledger, mirror, print jobs, backups, logs): it is readable by its
 * owner only where the OS has modes (folders 0700, files 0600). Folders and files made by older versions with the
 * umask's 0755/0644 are put right at start. On Windows the user profile's ACLs protect it; modes mean little there.
 */
import fs from 'node:fs';
import path from 'node:path';

export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

const hasModes = process.platform !== 'win32';

/** Creates `dir` (and its parents) owner-only, and narrows it if it was wider. */
export function ensurePrivateDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  if (!hasModes) return;
  const mode = fs.statSync(dir).mode & 0o777;
  if ((mode & 0o077) !== 0) fs.chmodSync(dir, PRIVATE_DIR_MODE);
}

/** Narrows an existing file to its owner; a missing one is fine. */
export function restrictFile(file: string): void {
  if (!hasModes) return;
  try {
    const stat = fs.lstatSync(file);
    if (stat.isFile() && (stat.mode & 0o077) !== 0) fs.chmodSync(file, PRIVATE_FILE_MODE);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

/** Narrows a folder and everything in it, a few levels down (data folder, logs, backups, posters, accounts). */
export function restrictTree(dir: string, depth = 3): void {
  if (!hasModes || !fs.existsSync(dir)) return;
  ensurePrivateDir(dir);
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory() && depth > 0) restrictTree(full, depth - 1);
    else if (entry.isFile()) restrictFile(full);
  }
}

/** Creates an empty file owner-only if it does not exist (SQLite gives its -wal and -shm files the same mode). */
export function createPrivateFile(file: string): void {
  ensurePrivateDir(path.dirname(file));
  const fd = fs.openSync(file, 'a', PRIVATE_FILE_MODE);
  fs.closeSync(fd);
  restrictFile(file);
}
