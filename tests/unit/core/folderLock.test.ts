/**
 * Defect 2 of issue 11: two engines on one data folder sent every validation twice. One engine per folder: an OS
 * lock that a crash (SIGKILL) releases, and a French refusal for the second engine.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../../../electron/core';
import { FolderLockedError, lockFolder } from '../../../electron/core/db/folderLock';
import { REPO_ROOT } from '../../support/counterUnderTest';

const dirs: string[] = [];
const children: ChildProcess[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'guichet-lock-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function holdInChild(dir: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'tests/support/lockChild.ts')], {
    cwd: REPO_ROOT,
    env: { ...process.env, CHILD_DIR: dir },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('READY')) resolve(child);
    });
    child.on('exit', (code) => reject(new Error(`lock child exited (${code})`)));
  });
}

const coreDeps = (dataDir: string) => ({
  dataDir,
  // Nothing listens there: the engine starts offline, which is all this test needs.
  platform: { baseUrl: 'http://127.0.0.1:9', apiKey: 'test_key_0123456789abcdef' },
  mode: 'live' as const,
  counterName: 'Caisse test',
  logger: pino({ level: 'silent' }),
  syncPeriodMs: 0,
});

describe('one engine per data folder', () => {
  it('refuses a second engine on the same folder, in French, and accepts one once the first has closed', async () => {
    const dir = tempDir();
    const first = await createCore(coreDeps(dir));
    await expect(createCore(coreDeps(dir))).rejects.toThrow(FolderLockedError);
    await expect(createCore(coreDeps(dir))).rejects.toThrow(/Un autre guichet utilise déjà le dossier de données/);
    await first.close();
    const second = await createCore(coreDeps(dir));
    await second.close();
  });

  it('is held by another process until that process is killed (SIGKILL releases it)', async () => {
    const dir = tempDir();
    const child = await holdInChild(dir);
    let refusal: unknown;
    try {
      lockFolder(dir).release();
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(FolderLockedError);
    expect((refusal as FolderLockedError).holder?.pid).toBe(child.pid);
    expect((refusal as Error).message).toContain(`processus ${child.pid}`);

    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
    const lock = lockFolder(dir); // no stale lock to wait for
    lock.release();
  });
});
