/**
 * A secondary counter when its main counter dies or the LAN is cut (issue 14), as a cinema has it: two processes of
 * browser mode on 127.0.0.1 — the manager makes Caisse 1 the main counter, Caisse 2 pairs by itself from its
 * environment (COUNTER_ROLE, COUNTER_MAIN_URL, COUNTER_PAIRING_CODE) — both with the same pass Culture (one sandbox
 * platform, each counter its own key), two pages. The main counter is killed (SIGKILL): the secondary says it works
 * alone and what that risks, refuses what the main counter validated — pass Culture down too — with its name and
 * time, and validates known countermarks by itself; when the main counter is started again, the secondary hands its
 * queue over exactly once (journal rows, platform calls). Then the LAN is cut with both alive: a countermark admitted
 * at both shows as a conflict with both counters and times, and reaches pass Culture once.
 */
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../electron/sandbox';
import { MAX_WINDOW_MINUTES } from '../../shared/seanceWindow';
import { launchChromium } from '../support/chromium';
import { openAppPage } from '../support/appPage';
import {
  killCounterProcess,
  mainUnreachableBanner,
  startCounterProcess,
  stopCounterProcesses,
  type CounterProcess,
} from '../support/counterProcesses';
import { addSandboxBooking, clearFaults, setFaults, successfulUses } from '../support/sandboxControl';
import { freePort, until } from '../support/twoCounters';

const children: ChildProcess[] = [];
let workDir: string;
let sandbox: Sandbox;
let browser: Browser;
let main: CounterProcess;
let mainPage: Page;
let secondPage: Page;
let lanPort: number;
const CODE = 'PASS-2345';

/** Browser mode from the sources, live against the shared sandbox; resolves once it prints its page's URL. */
function startProcess(name: string, env: Record<string, string>): Promise<CounterProcess> {
  const live = {
    PASSCULTURE_API_URL: sandbox.url,
    PASSCULTURE_API_KEY: sandbox.apiKey,
    COUNTER_DATA_DIR: path.join(workDir, name),
    COUNTER_PAIRING_CODE: CODE,
  };
  return startCounterProcess(name, { ...live, ...env }, children);
}

// The role is the manager's (Réglages → Postes), not fixed by COUNTER_ROLE: the last test turns it off and on again.
const startMain = () => startProcess('Caisse 1', { COUNTER_LAN_PORT: String(lanPort) });

async function setMainRole(on: boolean): Promise<void> {
  await mainPage.getByTestId('nav-settings').click();
  await mainPage.getByTestId(on ? 'become-main' : 'become-alone').click();
  const role = mainPage.getByTestId('counter-role');
  await until(async () => (await role.getAttribute('data-role')) === (on ? 'main' : 'alone'), 10_000);
  await mainPage.getByTestId('nav-counter').click();
}

async function scan(page: Page, text: string): Promise<void> {
  const input = page.getByTestId('code-input');
  await input.fill(text);
  await input.press('Enter');
}

/** Scans, waits for the green verdict, and validates with Enter as a cashier does after reading it. */
async function admit(page: Page, token: string): Promise<void> {
  await scan(page, token);
  await expect.poll(() => page.getByTestId('verdict').getAttribute('data-kind')).toBe('valid');
  await page.getByTestId('code-input').press('Enter');
  await expect.poll(() => page.getByTestId('verdict').getAttribute('data-kind')).toBe('validated');
}

/** Each counter's séance window wide (each decides alone in autonomous mode): any booking of the week is of now. */
async function wideWindow(page: Page): Promise<void> {
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('window-before').fill(String(MAX_WINDOW_MINUTES));
  await page.getByTestId('window-after').fill(String(MAX_WINDOW_MINUTES));
  await page.getByTestId('window-save').click();
  await page.getByTestId('nav-counter').click();
}

async function journalValidations(token: string): Promise<string[]> {
  await mainPage.getByTestId('nav-journal').click();
  const rows = mainPage.locator(`[data-testid="journal-row"][data-kind="validation"]`).filter({ hasText: token });
  await rows.first().waitFor({ timeout: 10_000 });
  return rows.evaluateAll((list) => list.map((r) => r.getAttribute('data-counter') ?? ''));
}

beforeAll(async () => {
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'guichet-autonomous-'));
  sandbox = await startSandbox({ rateLimitPerMinute: null });
  lanPort = await freePort();
  [main, browser] = await Promise.all([startMain(), launchChromium()]);
  mainPage = await openAppPage(browser, main.pageUrl, { label: 'Caisse 1' });
  await setMainRole(true);
  // Started once the main counter listens (README): it pairs by itself with the code both were given.
  const second = await startProcess('Caisse 2', {
    COUNTER_ROLE: 'secondary',
    COUNTER_MAIN_URL: `https://127.0.0.1:${lanPort}`,
  });
  secondPage = await openAppPage(browser, second.pageUrl, { label: 'Caisse 2' });
  await Promise.all([wideWindow(mainPage), wideWindow(secondPage)]);
  await mainPage.getByTestId('nav-sync').click();
  const row = mainPage.getByTestId('sync-counters').getByTestId('secondary-row');
  await until(async () => (await row.getAttribute('data-connected')) === 'true', 20_000);
  await mainPage.getByTestId('nav-counter').click();
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await stopCounterProcesses(children);
  await sandbox?.close();
  fs.rmSync(workDir, { recursive: true, force: true });
});

describe('a secondary counter cut off from its main counter', () => {
  const bookings: { token: string }[] = [];
  const tokens = () => bookings.map((b) => b.token);

  it('works alone, refusing what the main counter validated with its name and time, pass Culture down', async () => {
    for (let i = 0; i < 3; i++) {
      bookings.push(await addSandboxBooking(sandbox.url, { status: 'CONFIRMED', confirmed: true, quantity: 1 }));
    }
    const [atMain, alone, later] = tokens() as [string, string, string];
    // The main counter has seen the three (its mirror, hence the secondary's replica, knows their tokens).
    await admit(mainPage, atMain);
    for (const token of [alone, later]) {
      await scan(mainPage, token);
      await expect.poll(() => mainPage.getByTestId('verdict').getAttribute('data-kind')).toBe('valid');
    }
    // The replica follows within a second of the main counter's events.
    await new Promise((resolve) => setTimeout(resolve, 1_500));

    await killCounterProcess(main.child);
    const banner = await mainUnreachableBanner(secondPage);
    expect(await banner.getAttribute('data-mode')).toBe('autonomous');
    expect(await banner.textContent()).toContain('mode autonome');
    expect(await banner.textContent()).toContain('peut être admis deux fois');

    await setFaults(sandbox.url, { outage: 'reset' });
    await scan(secondPage, atMain);
    await expect.poll(() => secondPage.getByTestId('verdict').getAttribute('data-kind')).toBe('refused');
    expect(await secondPage.getByTestId('used-by').textContent()).toMatch(
      /Déjà validée aujourd’hui à \d\d:\d\d à Caisse 1/,
    );
    // Known from the replica: admitted here, queued until pass Culture answers.
    await admit(secondPage, alone);
    await clearFaults(sandbox.url);
    await admit(secondPage, later);
  });

  it('hands its queue over exactly once when the main counter is back', async () => {
    const [atMain, alone, later] = tokens() as [string, string, string];
    // Same data folder: the main role, its certificate, port and pairings come back with it.
    main = await startMain();
    await mainPage.goto(main.pageUrl);
    await mainPage.getByTestId('code-input').waitFor();
    await secondPage.getByTestId('main-unreachable').waitFor({ state: 'detached', timeout: 15_000 });
    expect(await journalValidations(alone)).toEqual(['Caisse 2']);
    expect(await journalValidations(later)).toEqual(['Caisse 2']);
    expect(await journalValidations(atMain)).toEqual(['Caisse 1']);
    // Sent once each, by whichever counter could (the secondary online, else the main counter after the hand-over).
    for (const token of [atMain, alone, later]) {
      await expect.poll(() => successfulUses(sandbox.url, token), { timeout: 40_000 }).toBe(1);
    }
    // And the main counter, restarted, refuses them with the secondary's name.
    await mainPage.getByTestId('nav-counter').click();
    await scan(mainPage, alone);
    await expect.poll(() => mainPage.getByTestId('verdict').getAttribute('data-kind')).toBe('refused');
    expect(await mainPage.getByTestId('used-by').textContent()).toContain('Caisse 2');
  });

  it('a countermark admitted at both counters while they were cut off is a conflict with both times', async () => {
    const booking = await addSandboxBooking(sandbox.url, { status: 'CONFIRMED', confirmed: true, quantity: 1 });
    await scan(mainPage, booking.token);
    await expect.poll(() => mainPage.getByTestId('verdict').getAttribute('data-kind')).toBe('valid');
    await new Promise((resolve) => setTimeout(resolve, 1_500)); // the replica learns the token
    // The LAN is cut (the manager turns the main role off), both counters work on, pass Culture down for both.
    await setMainRole(false);
    await secondPage.getByTestId('main-unreachable').waitFor({ timeout: 10_000 });
    await setFaults(sandbox.url, { outage: 'reset' });
    await admit(mainPage, booking.token);
    await admit(secondPage, booking.token);
    await clearFaults(sandbox.url);
    await setMainRole(true);
    await secondPage.getByTestId('main-unreachable').waitFor({ state: 'detached', timeout: 15_000 });

    await mainPage.getByTestId('nav-sync').click();
    const reason = mainPage.getByTestId('sync-conflict-reason').filter({ hasText: 'Admise à' });
    await reason.first().waitFor({ timeout: 15_000 });
    expect(await reason.first().textContent()).toMatch(/Admise à Caisse 1 à \d\d:\d\d et à Caisse 2 à \d\d:\d\d/);
    // pass Culture hears of it once (the main counter's own validation), never twice.
    await mainPage.getByTestId('sync-now').click();
    await expect.poll(() => successfulUses(sandbox.url, booking.token), { timeout: 40_000 }).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await successfulUses(sandbox.url, booking.token)).toBe(1);
  });
});
