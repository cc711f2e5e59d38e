/**
 * End to end: connecting a real account from Réglages, in Chromium through browser mode. The host runs the
 * supervisor as `npm run start:web` does (demo mode first, embedded sandbox); a second sandbox, with other data,
 * stands in for a live pass Culture platform reached by a custom http://127.0.0.1 URL. The key is typed once and
 * never comes back to the page; the guichet then works on that platform, in its own data folder.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { ACCOUNT_FILE } from '../../electron/host/accountStore';
import { PLAIN_SECRET_FILE } from '../../electron/host/secretStore';
import { startSupervisor, type Supervisor } from '../../electron/host/supervisor';
import { startSandbox, type Sandbox } from '../../electron/sandbox';
import { startWebHost, type WebHost } from '../../electron/web/server';
import { launchChromium } from '../support/chromium';
import { closeTestPage, openAppPage } from '../support/appPage';
import { RENDERER_DIR } from '../support/counterUnderTest';
import { ANY_SEANCE_WINDOW } from '../../shared/seanceWindow';
import { findBookings } from '../support/sandboxControl';

let platform: Sandbox;
let supervisor: Supervisor;
let web: WebHost;
let browser: Browser;
let page: Page;
let dataDir: string;

beforeAll(async () => {
  // Another seed than the demo sandbox: its countermarks are unknown there.
  platform = await startSandbox({ seed: 7 });
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'guichet-account-'));
  const logger = pino({ level: 'silent' });
  // No PASSCULTURE_API_KEY: the account comes from Réglages, as on a fresh install.
  supervisor = await startSupervisor({ env: {}, defaultDataDir: dataDir, logger });
  web = await startWebHost({ core: supervisor, staticDir: RENDERER_DIR, logger });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await web?.close();
  await supervisor?.close();
  await platform?.close();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});
beforeEach(async (context) => {
  page = await openAppPage(browser, web.url, { label: context.task.name });
});
afterEach((context) => closeTestPage(page, context, 'account-'));

async function scan(text: string): Promise<void> {
  const input = page.getByTestId('code-input');
  await input.fill(text);
  await input.press('Enter');
}

async function openSettings(): Promise<void> {
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('account-status').waitFor();
}

/** One contract call over the page's WebSocket, as the renderer makes it. */
async function wsCall(name: string, input: unknown = {}): Promise<unknown> {
  const url = new URL(web.url);
  const socket = new WebSocket(`ws://${url.host}/ws?session=${url.searchParams.get('session')}`, {
    headers: { Origin: url.origin },
  });
  try {
    await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
    const reply = new Promise<unknown>((resolve) => {
      socket.on('message', (data) => {
        const message = JSON.parse(data.toString()) as { type: string; id?: number };
        if (message.type === 'reply' && message.id === 1) resolve(message);
      });
    });
    socket.send(JSON.stringify({ id: 1, name, input }));
    return await reply;
  } finally {
    socket.close();
  }
}

describe('connecting a pass Culture account', () => {
  it('tests the key, saves it, and the guichet then validates on that platform — the key never comes back', async () => {
    const [live] = await findBookings(platform.url, { status: 'CONFIRMED', confirmed: true, quantity: 1 });
    if (!live) throw new Error('no confirmed booking on the platform');

    // Demo mode: this platform's countermark means nothing here.
    expect(await page.getByTestId('demo-banner').isVisible()).toBe(true);
    await scan(live.token);
    await expect.poll(() => page.getByTestId('verdict').getAttribute('data-kind')).toBe('refused');

    await openSettings();
    expect(await page.getByTestId('account-status').getAttribute('data-environment')).toBe('demo');
    expect(await page.getByTestId('key-storage-warning').textContent()).toBe(
      'La clé est enregistrée sans chiffrement dans un fichier lisible uniquement par votre compte utilisateur.',
    );

    await page.getByTestId('account-environment-custom').check();
    await page.getByTestId('account-base-url').fill(platform.url);
    await page.getByTestId('account-api-key').fill(`sandbox_000000000000_${'0'.repeat(64)}`);
    await page.getByTestId('account-test').click();
    await expect.poll(() => page.getByTestId('account-error').getAttribute('data-error-code')).toBe('auth_invalid');
    expect(await page.getByTestId('account-error').textContent()).toMatch(/Clé refusée par pass Culture/);

    await page.getByTestId('account-api-key').fill(platform.apiKey);
    await page.getByTestId('account-test').click();
    await page.getByTestId('account-venue').first().waitFor();
    const venue = page.getByTestId('account-venue').first();
    if (!(await venue.locator('input').isChecked())) await venue.locator('input').check();
    await page.getByTestId('account-counter-name').fill('Caisse 2');
    await page.getByTestId('account-save').click();

    // The engine restarted on the account: the header follows, demo mode is gone.
    await expect.poll(() => page.getByTestId('counter-name').textContent(), { timeout: 15_000 }).toContain('Caisse 2');
    await expect.poll(() => page.getByTestId('demo-banner').count()).toBe(0);
    expect(await page.content()).not.toContain(platform.apiKey);

    // The booking's séance may be any day of the platform's week: this counter admits them all (Réglages → Guichet).
    expect(await wsCall('counter.settings.set', { seanceWindow: ANY_SEANCE_WINDOW })).toMatchObject({
      envelope: { ok: true },
    });
    await page.getByTestId('nav-counter').click();
    await scan(live.token);
    await expect.poll(() => page.getByTestId('verdict').getAttribute('data-kind')).toBe('valid');
    expect(await page.getByTestId('beneficiary-name').textContent()).toContain(live.lastName);

    await openSettings();
    await expect.poll(() => page.getByTestId('account-status').getAttribute('data-environment')).toBe('custom');
    expect(await page.content()).not.toContain(platform.apiKey);

    // Over the contract: the account says there is a key, never which.
    const answer = await wsCall('account.get');
    expect(answer).toMatchObject({
      envelope: { ok: true, value: { environment: 'custom', baseUrl: platform.url, hasKey: true, keyStorage: 'file' } },
    });
    expect(JSON.stringify(answer)).not.toContain(platform.apiKey);

    // On disk: the account without the key, the key alone in a user-only file, a ledger per platform.
    const account = fs.readFileSync(path.join(dataDir, ACCOUNT_FILE), 'utf8');
    expect(account).not.toContain(platform.apiKey);
    expect(JSON.parse(account)).toMatchObject({
      environment: 'custom',
      baseUrl: platform.url,
      counterName: 'Caisse 2',
    });
    const keyFile = path.join(dataDir, PLAIN_SECRET_FILE);
    if (process.platform !== 'win32') expect(fs.statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(fs.readdirSync(path.join(dataDir, 'live'))).toEqual([new URL(platform.url).host.replace(':', '_')]);
    expect(fs.existsSync(path.join(dataDir, 'demo'))).toBe(true);
  });

  it('goes back to demo mode, forgetting the key', async () => {
    await openSettings();
    await page.getByTestId('account-use-demo').click();
    await page.getByTestId('account-use-demo-confirm').click();
    await expect.poll(() => page.getByTestId('demo-banner').count(), { timeout: 15_000 }).toBe(1);
    expect(await wsCall('account.get')).toMatchObject({
      envelope: { ok: true, value: { environment: 'demo', hasKey: false, keyStorage: 'none' } },
    });
    expect(fs.existsSync(path.join(dataDir, PLAIN_SECRET_FILE))).toBe(false);
    // The live ledger stays in its folder, for when the account comes back.
    expect(fs.readdirSync(path.join(dataDir, 'live'))).toHaveLength(1);
  });
});
