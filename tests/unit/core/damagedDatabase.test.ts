/**
 * Defect 6 of issue 11: a truncated ledger started silently empty, garbage inside started and then failed every
 * lookup, and a damaged live database silently started demo mode. Now: an integrity check at start, rolling
 * backups, and the manager's choice on a recovery screen — never an empty ledger or demo mode by itself.
 * Crash-test variant: corrupt, restore, nothing lost that the backup held.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Envelope, RecoveryView } from '../../../shared/contract';
import { createCore, DATABASE_FILE } from '../../../electron/core';
import { listBackups, restoreBackup } from '../../../electron/core/db/backups';
import { DatabaseDamagedError } from '../../../electron/core/db/open';
import { startSupervisor } from '../../../electron/host/supervisor';
import { startSandbox, type Sandbox } from '../../../electron/sandbox';
import { addSandboxBooking } from '../../support/sandboxControl';

let sandbox: Sandbox;
const dirs: string[] = [];
beforeAll(async () => {
  sandbox = await startSandbox({ rateLimitPerMinute: null });
});
afterAll(async () => {
  await sandbox.close();
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'guichet-damage-'));
  dirs.push(dir);
  return dir;
}

const startCore = (dataDir: string, firstBackupDelayMs = 60_000) =>
  createCore({
    dataDir,
    platform: { baseUrl: sandbox.url, apiKey: sandbox.apiKey },
    mode: 'live',
    counterName: 'Caisse',
    logger: pino({ level: 'silent' }),
    syncPeriodMs: 0,
    rateLimitPerMinute: 100_000,
    firstBackupDelayMs,
  });

async function validateFresh(core: Awaited<ReturnType<typeof startCore>>, n: number): Promise<string[]> {
  const tokens: string[] = [];
  for (let i = 0; i < n; i++) {
    const { token } = await addSandboxBooking(sandbox.url);
    const result = await core.dispatch('counter.validate', { token });
    if (!result.ok) throw new Error(result.error.message);
    tokens.push(token);
  }
  return tokens;
}

/** A counter with a daily backup holding `kept` validations, and `after` more made since. */
async function counterWithBackup(dataDir: string, kept: number, after: number) {
  const before = await startCore(dataDir);
  const inBackup = await validateFresh(before, kept);
  await before.close();
  const core = await startCore(dataDir, 20);
  const waitForBackup = async () => {
    for (let i = 0; i < 100 && listBackups(dataDir).length === 0; i++) await new Promise((r) => setTimeout(r, 20));
  };
  // The first check runs 20 ms after this start; validations made after it are not in the copy.
  await waitForBackup();
  expect(listBackups(dataDir)).toHaveLength(1);
  const notInBackup = await validateFresh(core, after);
  await core.close();
  return { inBackup, notInBackup };
}

function standingTokens(dataDir: string): Promise<string[]> {
  return (async () => {
    const core = await startCore(dataDir);
    const journal = (await core.dispatch('ledger.today', {})) as Envelope<{ rows: { token: string; kind: string }[] }>;
    await core.close();
    return journal.ok ? journal.value.rows.filter((r) => r.kind === 'validation').map((r) => r.token) : [];
  })();
}

describe('a damaged ledger', () => {
  it.each([
    ['truncated to 0 bytes', (file: string) => fs.truncateSync(file, 0), 'empty'],
    ['deleted', (file: string) => fs.rmSync(file), 'missing'],
    [
      '4 KiB of garbage inside',
      (file: string) => {
        const fd = fs.openSync(file, 'r+');
        fs.writeSync(fd, Buffer.alloc(4096, 0xa5), 0, 4096, 4096);
        fs.closeSync(fd);
      },
      'corrupt',
    ],
    [
      'garbage over its header',
      (file: string) => {
        const fd = fs.openSync(file, 'r+');
        fs.writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, 0);
        fs.closeSync(fd);
      },
      'unreadable',
    ],
  ] as const)(
    '%s: refused at start, then restored from the backup with everything it held',
    async (_what, damage, kind) => {
      const dataDir = tempDir();
      const { inBackup } = await counterWithBackup(dataDir, 3, 2);
      const file = path.join(dataDir, DATABASE_FILE);
      damage(file);
      const refusal = await startCore(dataDir).catch((error: unknown) => error);
      expect(refusal).toBeInstanceOf(DatabaseDamagedError);
      expect(refusal).toMatchObject({ kind });
      expect((refusal as Error).message).toMatch(/restaurez la dernière sauvegarde/);
      // The damaged file is never replaced by an empty ledger behind the manager's back.
      expect(await startCore(dataDir).catch((e: unknown) => e)).toBeInstanceOf(DatabaseDamagedError);

      restoreBackup(dataDir, file, listBackups(dataDir)[0]!.name, new Date());
      expect(await standingTokens(dataDir)).toEqual(expect.arrayContaining(inBackup));
      // The damaged file is kept aside, never deleted.
      if (kind !== 'missing') expect(fs.readdirSync(path.join(dataDir, 'damaged')).length).toBeGreaterThan(0);
    },
  );
});

describe('the recovery screen (supervisor)', () => {
  it('a damaged live database never starts demo mode: the manager restores the last backup', async () => {
    const baseDir = tempDir();
    const env = {
      PASSCULTURE_API_KEY: sandbox.apiKey,
      PASSCULTURE_API_URL: sandbox.url,
      COUNTER_DATA_DIR: baseDir,
    };
    const logger = pino({ level: 'silent' });
    const first = await startSupervisor({ env, defaultDataDir: baseDir, logger });
    const liveDir = fs.readdirSync(path.join(baseDir, 'live')).map((d) => path.join(baseDir, 'live', d))[0]!;
    await first.close();
    const { inBackup } = await counterWithBackup(liveDir, 2, 0);
    fs.truncateSync(path.join(liveDir, DATABASE_FILE), 0);

    const supervisor = await startSupervisor({ env, defaultDataDir: baseDir, logger });
    try {
      expect(supervisor.mode).toBe('live');
      expect(await supervisor.dispatch('app.info', {})).toMatchObject({
        ok: false,
        error: { code: 'database_damaged' },
      });
      const view = (await supervisor.dispatch('database.recovery', {})) as Envelope<RecoveryView>;
      expect(view).toMatchObject({ ok: true, value: { damaged: true, environment: 'custom' } });
      const backup = view.ok ? view.value.backups[0]!.name : '';
      const restored = await supervisor.dispatch('database.recover', { action: 'restore', backup });
      expect(restored).toMatchObject({ ok: true, value: { damaged: false } });
      expect(await supervisor.dispatch('app.info', {})).toMatchObject({ ok: true, value: { mode: 'live' } });
      const journal = (await supervisor.dispatch('ledger.today', {})) as Envelope<{ rows: { token: string }[] }>;
      expect(journal.ok ? journal.value.rows.map((r) => r.token) : []).toEqual(expect.arrayContaining(inBackup));
    } finally {
      await supervisor.close();
    }
  });

  it('starting afresh is the manager’s explicit choice, and the next start takes it as such', async () => {
    const baseDir = tempDir();
    const env = { PASSCULTURE_API_KEY: sandbox.apiKey, PASSCULTURE_API_URL: sandbox.url, COUNTER_DATA_DIR: baseDir };
    const logger = pino({ level: 'silent' });
    await (await startSupervisor({ env, defaultDataDir: baseDir, logger })).close();
    const liveDir = fs.readdirSync(path.join(baseDir, 'live')).map((d) => path.join(baseDir, 'live', d))[0]!;
    await counterWithBackup(liveDir, 1, 0);
    fs.writeFileSync(path.join(liveDir, DATABASE_FILE), Buffer.alloc(8192, 0x42));

    const supervisor = await startSupervisor({ env, defaultDataDir: baseDir, logger });
    expect(await supervisor.dispatch('app.info', {})).toMatchObject({ ok: false, error: { code: 'database_damaged' } });
    expect(await supervisor.dispatch('database.recover', { action: 'empty' })).toMatchObject({
      ok: true,
      value: { damaged: false, message: null },
    });
    const journal = (await supervisor.dispatch('ledger.today', {})) as Envelope<{ rows: unknown[] }>;
    expect(journal).toMatchObject({ ok: true, value: { rows: [] } });
    await supervisor.close();
    expect(fs.readdirSync(path.join(liveDir, 'damaged')).length).toBeGreaterThan(0);
    expect(listBackups(liveDir).length).toBeGreaterThan(0);
    const again = await startSupervisor({ env, defaultDataDir: baseDir, logger });
    expect(await again.dispatch('app.info', {})).toMatchObject({ ok: true });
    await again.close();
  });
});
