/**
 * Issue 11, defect 6, as the manager sees it: a live counter whose ledger was truncated opens on a French recovery
 * screen (never demo mode, never an empty ledger), lists its backups, and restores the newest in one click.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, DATABASE_FILE } from '../../electron/core';
import { listBackups } from '../../electron/core/db/backups';
import { startSupervisor, type Supervisor } from '../../electron/host/supervisor';
import { startSandbox, type Sandbox } from '../../electron/sandbox';
import { startWebHost, type WebHost } from '../../electron/web/server';
import { launchChromium } from '../support/chromium';
import { RENDERER_DIR, REPO_ROOT } from '../support/counterUnderTest';
import { addSandboxBooking } from '../support/sandboxControl';

let sandbox: Sandbox;
let supervisor: Supervisor;
let web: WebHost;
let browser: Browser;
let baseDir: string;
let validated: string;

beforeAll(async () => {
  sandbox = await startSandbox({ rateLimitPerMinute: null });
  baseDir = fs.mkdtempSync(path.join(os.tmpdir(), 'guichet-recovery-'));
  const env = { PASSCULTURE_API_KEY: sandbox.apiKey, PASSCULTURE_API_URL: sandbox.url, COUNTER_DATA_DIR: baseDir };
  const logger = pino({ level: 'silent' });
  await (await startSupervisor({ env, defaultDataDir: baseDir, logger })).close();
  const liveDir = path.join(baseDir, 'live', fs.readdirSync(path.join(baseDir, 'live'))[0]!);
  // A day of work, backed up, then the ledger is truncated to 0 bytes.
  const core = await createCore({
    dataDir: liveDir,
    platform: { baseUrl: sandbox.url, apiKey: sandbox.apiKey },
    mode: 'live',
    counterName: 'Caisse 1',
    logger,
    syncPeriodMs: 0,
    rateLimitPerMinute: 100_000,
    firstBackupDelayMs: 60_000,
  });
  validated = (await addSandboxBooking(sandbox.url)).token;
  await core.dispatch('counter.validate', { token: validated });
  await core.close();
  const again = await createCore({
    dataDir: liveDir,
    platform: { baseUrl: sandbox.url, apiKey: sandbox.apiKey },
    mode: 'live',
    counterName: 'Caisse 1',
    logger,
    syncPeriodMs: 0,
    firstBackupDelayMs: 10,
  });
  for (let i = 0; i < 100 && listBackups(liveDir).length === 0; i++) await new Promise((r) => setTimeout(r, 20));
  await again.close();
  fs.truncateSync(path.join(liveDir, DATABASE_FILE), 0);

  supervisor = await startSupervisor({ env, defaultDataDir: baseDir, logger });
  web = await startWebHost({ core: supervisor, staticDir: RENDERER_DIR, logger });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await web?.close();
  await supervisor?.close();
  await sandbox?.close();
  fs.rmSync(baseDir, { recursive: true, force: true });
});

describe('a damaged ledger, seen by the manager', () => {
  it('offers the backups in French and restores the newest, with what it held', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    try {
      await page.goto(web.url);
      const screen = page.getByTestId('database-recovery');
      await screen.waitFor();
      await expect.poll(() => screen.textContent()).toMatch(/endommagée|vide \(0 octet\)/);
      expect(await page.getByTestId('recovery-backup').count()).toBe(1);
      expect(await page.getByTestId('demo-banner').count()).toBe(0);
      if (process.env.SCREENSHOTS) {
        await page.screenshot({ path: path.join(REPO_ROOT, 'test-results', 'recovery-1366.png') });
      }
      await page.getByRole('button', { name: 'Restaurer cette sauvegarde' }).click();
      await page.getByTestId('code-input').waitFor();
      const journal = await supervisor.dispatch('ledger.today', {});
      expect(journal.ok && (journal.value as { rows: { token: string }[] }).rows.map((r) => r.token)).toContain(
        validated,
      );
    } finally {
      await page.close();
    }
  });
});
