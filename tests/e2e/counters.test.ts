/**
 * Two counters of one cinema, as two processes of browser mode on 127.0.0.1 (the real CLI, each with its own data
 * folder) and two pages: the manager makes Caisse 1 the main counter and shows a code in Réglages → Postes, the
 * cashier of Caisse 2 pairs with it there; a validation at Caisse 2 reaches pass Culture (the main counter's
 * sandbox) once and shows in Caisse 1's journal under Caisse 2's name; a code validated at one counter is refused at
 * the other with its counter and time; an unpaired client, a replayed code and a revoked secondary are refused.
 */
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { pairWithMain } from '../../electron/lan/pairingClient';
import { launchChromium } from '../support/chromium';
import { openAppPage } from '../support/appPage';
import {
  killCounterProcess,
  mainUnreachableBanner,
  startCounterProcess,
  stopCounterProcesses,
  type CounterProcess,
} from '../support/counterProcesses';
import { addSandboxBooking, successfulUses } from '../support/sandboxControl';
import { MAX_WINDOW_MINUTES } from '../../shared/seanceWindow';

interface Counter extends CounterProcess {
  sandboxUrl: string;
}

const children: ChildProcess[] = [];
let workDir: string;
let browser: Browser;
let main: Counter;
let second: Counter;
let mainPage: Page;
let secondPage: Page;
let mainUrl: string;
let pairingCode: string;

/** Browser mode from the sources (tsx), in demo mode: resolves once it prints its URL and its sandbox's. */
async function startCounter(name: string, dataDir: string, env: Record<string, string> = {}): Promise<Counter> {
  const demo = { PASSCULTURE_API_KEY: '', COUNTER_DATA_DIR: dataDir, COUNTER_LAN_PORT: '0' };
  const started = await startCounterProcess(name, { ...demo, ...env }, children, (out) => SANDBOX_URL.test(out));
  return { ...started, sandboxUrl: SANDBOX_URL.exec(started.output())![1]! };
}

const SANDBOX_URL = /bac à sable pass Culture sur (http:\/\/[\d.:]+)/;

async function openSettings(page: Page): Promise<void> {
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('settings-counters').waitFor();
}

async function scan(page: Page, text: string): Promise<void> {
  const input = page.getByTestId('code-input');
  await input.fill(text);
  await input.press('Enter');
}

/** A WebSocket to the main counter's LAN listener: the HTTP status of its refusal, or 'open'. */
function lanConnect(token: string | null): Promise<number | 'open'> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`${mainUrl.replace('https:', 'wss:')}/lan/ws`, {
      rejectUnauthorized: false,
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
    ws.on('open', () => {
      ws.terminate();
      resolve('open');
    });
    ws.on('unexpected-response', (_request, response) => {
      ws.terminate();
      resolve(response.statusCode ?? 0);
    });
    ws.on('error', () => resolve(0));
  });
}

/** A port free right now: the main counter keeps it across its restart, as a real one keeps 47800. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as net.AddressInfo).port;
      server.close(() => resolve(port));
    });
  });
}

let lanPort: string;
const startMain = () => startCounter('Caisse 1', path.join(workDir, 'main'), { COUNTER_LAN_PORT: lanPort });

beforeAll(async () => {
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'guichet-counters-'));
  lanPort = String(await freePort());
  [main, second, browser] = await Promise.all([
    startMain(),
    startCounter('Caisse 2', path.join(workDir, 'second')),
    launchChromium(),
  ]);
  [mainPage, secondPage] = await Promise.all([
    openAppPage(browser, main.pageUrl, { label: 'Caisse 1' }),
    openAppPage(browser, second.pageUrl, { label: 'Caisse 2' }),
  ]);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await stopCounterProcesses(children);
  fs.rmSync(workDir, { recursive: true, force: true });
});

describe('two counters of one cinema', () => {
  it('the manager makes Caisse 1 the main counter and shows a pairing code', async () => {
    await openSettings(mainPage);
    // The main counter's séance window decides for every counter: wide, so any booking of the week is of the moment.
    await mainPage.getByTestId('window-before').fill(String(MAX_WINDOW_MINUTES));
    await mainPage.getByTestId('window-after').fill(String(MAX_WINDOW_MINUTES));
    await mainPage.getByTestId('window-save').click();
    expect(await mainPage.getByTestId('counter-role').getAttribute('data-role')).toBe('alone');
    await mainPage.getByTestId('become-main').click();
    await expect.poll(() => mainPage.getByTestId('counter-role').getAttribute('data-role')).toBe('main');
    mainUrl = (await mainPage.getByTestId('main-address').textContent())!.trim();
    expect(mainUrl).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    await mainPage.getByTestId('new-pairing-code').click();
    await expect.poll(() => mainPage.getByTestId('pairing-code').textContent()).toMatch(/[A-Z2-9]{4}-[A-Z2-9]{4}/);
    pairingCode = /([A-Z2-9]{4}-[A-Z2-9]{4})/.exec((await mainPage.getByTestId('pairing-code').textContent())!)![1]!;
  });

  it('an unpaired client is refused', async () => {
    expect(await lanConnect(null)).toBe(401);
    expect(await lanConnect('not-a-token-but-long-enough-to-look-like-one')).toBe(401);
  });

  it('Caisse 2 pairs with the address and code; the main counter lists it', async () => {
    await openSettings(secondPage);
    await secondPage.getByTestId('pair-address').fill(mainUrl);
    await secondPage.getByTestId('pair-code').fill(pairingCode.toLowerCase());
    await secondPage.getByTestId('pair-submit').click();
    await expect.poll(() => secondPage.getByTestId('counter-role').getAttribute('data-role')).toBe('secondary');
    await expect.poll(() => secondPage.getByTestId('counters-secondary').getAttribute('data-connected')).toBe('true');
    await expect.poll(() => mainPage.getByTestId('secondary-row').getAttribute('data-name')).toBe('Caisse 2');
    expect(await mainPage.getByTestId('pairing-code').textContent()).not.toContain(pairingCode);
    // The manager's view: the Synchronisation screen lists the secondaries too.
    await mainPage.getByTestId('nav-sync').click();
    const row = mainPage.getByTestId('sync-counters').getByTestId('secondary-row');
    await expect.poll(() => row.getAttribute('data-connected')).toBe('true');
    expect(await row.getAttribute('data-name')).toBe('Caisse 2');
  });

  it('a replayed pairing code is refused', async () => {
    await expect(pairWithMain(mainUrl, pairingCode.replace('-', ''), 'Caisse 3')).rejects.toMatchObject({
      reason: 'refused',
    });
  });

  it('a validation at Caisse 2 reaches pass Culture once and shows in Caisse 1’s journal under its name', async () => {
    const booking = await addSandboxBooking(main.sandboxUrl, { status: 'CONFIRMED', confirmed: true, quantity: 1 });
    await secondPage.getByTestId('nav-counter').click();
    await scan(secondPage, booking.token);
    await expect.poll(() => secondPage.getByTestId('verdict').getAttribute('data-kind')).toBe('valid');
    expect(await secondPage.getByTestId('beneficiary-name').textContent()).toContain(booking.lastName);
    await secondPage.getByTestId('code-input').press('Enter');
    await expect.poll(() => secondPage.getByTestId('verdict').getAttribute('data-kind')).toBe('validated');
    await expect.poll(() => successfulUses(main.sandboxUrl, booking.token), { timeout: 10_000 }).toBe(1);
    // The secondary's own sandbox never heard of it: one platform, the main counter's.
    expect(await successfulUses(second.sandboxUrl, booking.token)).toBe(0);

    await mainPage.getByTestId('nav-journal').click();
    const row = mainPage.locator(`[data-testid="journal-row"][data-kind="validation"][data-counter="Caisse 2"]`);
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain(booking.token);

    // At the main counter, the same code is refused with the secondary's name and time.
    await mainPage.getByTestId('nav-counter').click();
    await scan(mainPage, booking.token);
    await expect.poll(() => mainPage.getByTestId('verdict').getAttribute('data-kind')).toBe('refused');
    expect(await mainPage.getByTestId('used-by').textContent()).toMatch(
      /Déjà validée aujourd’hui à \d\d:\d\d à Caisse 2/,
    );
  });

  it('a code validated at Caisse 1 is refused at Caisse 2 with “déjà validée … à Caisse 1”', async () => {
    const booking = await addSandboxBooking(main.sandboxUrl, { status: 'CONFIRMED', confirmed: true, quantity: 1 });
    await scan(mainPage, booking.token);
    await expect.poll(() => mainPage.getByTestId('verdict').getAttribute('data-kind')).toBe('valid');
    await mainPage.getByTestId('code-input').press('Enter');
    await expect.poll(() => mainPage.getByTestId('verdict').getAttribute('data-kind')).toBe('validated');

    await scan(secondPage, booking.token);
    await expect.poll(() => secondPage.getByTestId('verdict').getAttribute('data-kind')).toBe('refused');
    expect(await secondPage.getByTestId('used-by').textContent()).toMatch(
      /Déjà validée aujourd’hui à \d\d:\d\d à Caisse 1/,
    );
    expect(await successfulUses(main.sandboxUrl, booking.token)).toBe(1);
  });

  it('main counter killed: the secondary says it works alone, then forwards to it again once it is back', async () => {
    await killCounterProcess(main.child);
    // What it validates meanwhile, and its hand-over: tests/e2e/autonomous.test.ts (both counters on one platform).
    const banner = await mainUnreachableBanner(secondPage);
    expect(await banner.getAttribute('data-mode')).toBe('autonomous');
    expect(await banner.textContent()).toContain('Poste principal (Caisse 1) injoignable');
    expect(await banner.textContent()).toContain('mode autonome');

    // Same data folder: same role, certificate, port and pairings. The secondary reconnects by itself.
    const before = main.sandboxUrl;
    main = await startMain();
    expect(main.sandboxUrl).not.toBe(before);
    await secondPage.getByTestId('main-unreachable').waitFor({ state: 'detached', timeout: 10_000 });
    const booking = await addSandboxBooking(main.sandboxUrl, { status: 'CONFIRMED', confirmed: true, quantity: 1 });
    await scan(secondPage, booking.token);
    await expect.poll(() => secondPage.getByTestId('verdict').getAttribute('data-kind')).toBe('valid');
    await mainPage.goto(main.pageUrl);
    await mainPage.getByTestId('code-input').waitFor();
  });

  it('a revoked secondary is cut off at once, and its token refused', async () => {
    const lanFile = path.join(workDir, 'second', 'lan', 'lan.json');
    const token = (JSON.parse(fs.readFileSync(lanFile, 'utf8')) as { main: { token: string } }).main.token;
    await mainPage.getByTestId('nav-settings').click();
    await mainPage.getByTestId('revoke-secondary').click();
    await expect.poll(() => mainPage.getByTestId('secondary-row').count()).toBe(0);
    expect(await lanConnect(token)).toBe(401);

    // The secondary's cashier is told at once, on every screen.
    await secondPage.getByTestId('main-unreachable').waitFor();
    expect(await secondPage.getByTestId('main-unreachable').getAttribute('data-mode')).toBe('revoked');
    expect(await secondPage.getByTestId('main-unreachable').textContent()).toContain(
      'n’est plus associé au poste principal (Caisse 1)',
    );
    await scan(secondPage, 'ABC234');
    await expect.poll(() => secondPage.getByTestId('verdict').getAttribute('data-kind')).toBe('error');
    expect(await secondPage.getByTestId('verdict').textContent()).toContain('Le poste principal ne répond pas');
  });
});
