/**
 * Defect 5 of issue 11: a retry time stored while the PC's clock was a day ahead froze the strictly ordered queue
 * once the clock was corrected; neither "Synchroniser maintenant" nor a restart helped. Here the first run really
 * happens a day ahead (libfaketime), the second at the right time. The same logic is covered with an injected
 * clock in uploader.test.ts, so it is exercised even where libfaketime is absent.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../../electron/core';
import { startSandbox, type Sandbox } from '../../../electron/sandbox';
import { REPO_ROOT } from '../../support/counterUnderTest';
import { addSandboxBooking, clearFaults, sandboxBookings, setFaults } from '../../support/sandboxControl';

const FAKETIME = '/usr/bin/faketime';
const hasFaketime = fs.existsSync(FAKETIME);

let sandbox: Sandbox;
let dataDir: string;
beforeAll(async () => {
  sandbox = await startSandbox({ rateLimitPerMinute: null });
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'guichet-clock-'));
});
afterAll(async () => {
  await sandbox.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function runChild(mode: 'fail' | 'sync', extraEnv: Record<string, string>, faketime: string | null): Promise<string[]> {
  const script = path.join(REPO_ROOT, 'tests/support/clockChild.ts');
  const node = [process.execPath, '--import', 'tsx', script];
  const [command, ...args] = faketime ? [FAKETIME, '-f', faketime, ...node] : node;
  return new Promise((resolve, reject) => {
    const child = spawn(command!, args, {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        CLOCK_DATA_DIR: dataDir,
        CLOCK_API_URL: sandbox.url,
        CLOCK_API_KEY: sandbox.apiKey,
        CLOCK_MODE: mode,
        ...extraEnv,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(out.trim().split('\n')) : reject(new Error(`${code}: ${err}`))));
  });
}

describe.skipIf(!hasFaketime)('the PC clock set back (libfaketime)', () => {
  it('a retry stored a day ahead does not freeze the queue: "Synchroniser maintenant" after a restart sends it', async () => {
    const booking = await addSandboxBooking(sandbox.url);
    // The platform refuses for a while (429): the counter stays online, the upload is retried later.
    await setFaults(sandbox.url, { rateLimitBurst: 3 });
    const first = await runChild('fail', { CLOCK_TOKEN: booking.token }, '+1d');
    expect(first).toContain('VALIDATE ok'); // recorded here, waiting for the platform
    const fakeNow = new Date(first.find((l) => l.startsWith('NOW '))!.slice(4));
    expect(fakeNow.getTime() - Date.now()).toBeGreaterThan(23 * 3600_000); // it really ran a day ahead

    const db = new Database(path.join(dataDir, DATABASE_FILE), { readonly: true });
    const stored = db
      .prepare("SELECT next_attempt_at FROM upload_queue WHERE state = 'pending'")
      .pluck()
      .get() as string;
    db.close();
    expect(new Date(stored).getTime() - Date.now()).toBeGreaterThan(23 * 3600_000);

    // The clock is right again, and the platform answers.
    await clearFaults(sandbox.url);
    const second = await runChild('sync', {}, null);
    expect(second).toContain('PENDING 0');
    expect((await sandboxBookings(sandbox.url)).find((b) => b.token === booking.token)?.status).toBe('USED');
  });
});
