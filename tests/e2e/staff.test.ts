/**
 * Staff at the counter (issue 15), in browser mode against the real engine: a counter with no team asks nothing;
 * the manager creates the team in Réglages → Équipe; a new screen is locked and says scans are impossible; a PIN
 * signs its owner in; a cashier has no Réglages and cannot undo someone else's validation (neither on screen nor by
 * calling the engine over the WebSocket); a manager can; the journal names who validated. Layouts at 1920×1080,
 * 1536×864, 1366×768 and 1093×614 (100 % and 125 % of the counters' two screens), and 1093×545 (the app's window
 * maximised on the smallest).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { launchChromium } from '../support/chromium';
import { closeTestPage } from '../support/appPage';
import { REPO_ROOT, startCounter, type CounterUnderTest } from '../support/counterUnderTest';
import { COUNTER_VIEWPORTS, layoutProblems, navigationProblems } from '../support/layoutChecks';
import { findBookings } from '../support/sandboxControl';

let counter: CounterUnderTest;
let browser: Browser;
let page: Page;
const SHOTS = path.join(REPO_ROOT, 'test-results', 'staff');

beforeAll(async () => {
  counter = await startCounter({ web: true });
  browser = await launchChromium();
  fs.mkdirSync(SHOTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await counter?.close();
});
afterEach((context) => closeTestPage(page, context, 'staff-'));

async function open(viewport = { width: 1366, height: 768 }): Promise<Page> {
  const opened = await browser.newPage({ viewport });
  opened.on('pageerror', (error) => console.error(`[page error] ${error.message}`));
  await opened.goto(counter.web!.url);
  await opened.locator('[data-testid="code-input"], [data-testid="lock-screen"]').first().waitFor();
  return opened;
}

/** Types a PIN the way a cashier does: digits on the keyboard, then Enter (a person's pace, not a scanner's). */
async function typePin(pin: string): Promise<void> {
  await page.getByTestId('pin-input').pressSequentially(pin, { delay: 60 });
  await page.getByTestId('pin-input').press('Enter');
}

async function scan(text: string): Promise<void> {
  const input = page.getByTestId('code-input');
  await input.fill(text);
  await input.press('Enter');
}
const verdictKind = () => page.getByTestId('verdict').getAttribute('data-kind');

/** A raw WebSocket to the engine, as a renderer calling it directly would. */
async function rawSocket(): Promise<{ call(name: string, input: unknown): Promise<unknown>; close(): void }> {
  const url = new URL(counter.web!.url);
  const socket = new WebSocket(`ws://${url.host}/ws?session=${url.searchParams.get('session')}`, {
    headers: { Origin: url.origin },
  });
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  let id = 0;
  return {
    call(name, input) {
      id += 1;
      const mine = id;
      return new Promise((resolve) => {
        const onMessage = (data: WebSocket.RawData) => {
          const message = JSON.parse(data.toString()) as { type: string; id?: number; envelope?: unknown };
          if (message.type === 'reply' && message.id === mine) {
            socket.off('message', onMessage);
            resolve(message.envelope);
          }
        };
        socket.on('message', onMessage);
        socket.send(JSON.stringify({ id: mine, name, input }));
      });
    },
    close: () => socket.close(),
  };
}

let token = '';

describe('staff at the counter', () => {
  it('with no team, asks nothing; the manager creates the team in Réglages → Équipe', async () => {
    page = await open();
    expect(await page.getByTestId('lock-screen').count()).toBe(0);
    expect(await page.getByTestId('signed-in-person').count()).toBe(0);
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('team-none').waitFor();
    await page.getByTestId('team-create-name').fill('Sam');
    await page.getByTestId('team-create-pin').fill('1357');
    await page.getByTestId('team-create-pin-again').fill('1357');
    await page.getByTestId('team-create-submit').click();
    // The manager who typed their PIN is signed in at once.
    await expect.poll(() => page.getByTestId('signed-in-person').textContent()).toContain('Sam');
    for (const [name, pin] of [
      ['Léa', '2468'],
      ['Zoé', '3690'],
    ] as const) {
      await page.getByTestId('team-add-name').fill(name);
      await page.getByTestId('team-add-role').selectOption('cashier');
      await page.getByTestId('team-add-pin').fill(pin);
      await page.getByTestId('team-add-pin-again').fill(pin);
      await page.getByTestId('team-add-submit').click();
      await page.locator(`[data-testid="team-person"][data-name="${name}"]`).waitFor();
    }
    await page.getByTestId('settings-team').screenshot({ path: path.join(SHOTS, 'team-1366x768.png') });
  });

  it('a new screen is locked, says scans are impossible, and refuses the engine’s calls', async () => {
    for (const [index, viewport] of COUNTER_VIEWPORTS.entries()) {
      page = await open(viewport);
      await page.getByTestId('lock-screen').waitFor();
      expect(await page.getByTestId('lock-scans-impossible').textContent()).toContain('scans sont impossibles');
      expect(await layoutProblems(page, ['lock-scans-impossible', 'pin-input', 'pin-key-0', 'pin-submit'])).toEqual([]);
      await page.screenshot({ path: path.join(SHOTS, `lock-${viewport.width}x${viewport.height}.png`) });
      if (index === COUNTER_VIEWPORTS.length - 1) break; // the last one goes on
      await page.close();
    }
    // A scanner firing at the locked screen is not taken for a PIN (it would count towards the lock-out).
    await page.getByTestId('pin-input').pressSequentially('PASSCULTURE:v3;TOKEN:ABC123', { delay: 5 });
    await page.getByTestId('pin-input').press('Enter');
    await expect.poll(() => page.getByTestId('pin-error').textContent()).toContain('Scan ignoré');
    // A wrong PIN says so; the pad is not locked after one.
    await page.waitForTimeout(1200);
    await typePin('9999');
    await expect.poll(() => page.getByTestId('pin-error').textContent()).toContain('Code personnel inconnu');
    const socket = await rawSocket();
    expect(await socket.call('counter.lookup', { text: 'ABCDEF' })).toMatchObject({
      ok: false,
      error: { code: 'signed_out' },
    });
    socket.close();
  });

  it('a cashier validates; another cashier has no Réglages, cannot undo it, and the journal names who validated', async () => {
    const [b] = await findBookings(counter.sandbox.url, { status: 'CONFIRMED', confirmed: true, quantity: 1 });
    token = b!.token;
    page = await open();
    await typePin('3690');
    await expect.poll(() => page.getByTestId('signed-in-person').textContent()).toContain('Zoé');
    await scan(token);
    await expect.poll(verdictKind).toBe('valid');
    await page.getByTestId('code-input').press('Enter');
    await expect.poll(verdictKind).toBe('validated');

    // One gesture: the next person types their PIN on the locked screen.
    await page.getByTestId('lock-button').click();
    await page.getByTestId('lock-screen').waitFor();
    await typePin('2468');
    await expect.poll(() => page.getByTestId('signed-in-person').textContent()).toContain('Léa');
    expect(await page.getByTestId('nav-settings').count()).toBe(0);
    expect(await page.getByTestId('nav-reports').count()).toBe(0);
    await scan(token);
    await expect.poll(verdictKind).toBe('refused');
    expect(await page.getByTestId('used-by').textContent()).toMatch(/Validée .* à \d\d:\d\d par Zoé, Caisse test/);
    expect(await page.getByTestId('undo-button').count()).toBe(0);
    expect(await page.getByTestId('undo-manager-only').isVisible()).toBe(true);
    expect(await layoutProblems(page, ['verdict', 'used-by', 'undo-manager-only'])).toEqual([]);

    // Calling the engine directly does not help: signed in as a cashier on a socket of its own, still refused.
    const socket = await rawSocket();
    expect(await socket.call('staff.signIn', { pin: '2468' })).toMatchObject({ ok: true });
    expect(await socket.call('counter.undo', { token })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await socket.call('counter.settings.set', { sound: { enabled: false, volume: 0 } })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await socket.call('programme.seats.set', { stockId: 1, available: 0 })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    socket.close();

    await page.getByTestId('nav-journal').click();
    const row = page.locator(`[data-testid="journal-row"][data-kind="validation"]`).first();
    await row.waitFor();
    expect(await row.getByTestId('journal-person-cell').textContent()).toBe('Zoé · Caisse test');
    await page.getByTestId('journal-person').selectOption('Léa');
    await expect.poll(() => page.locator('[data-testid="journal-row"][data-kind="validation"]').count()).toBe(0);
  });

  it('a manager can undo anyone’s validation, open Réglages and read the team’s audit', async () => {
    for (const [index, viewport] of COUNTER_VIEWPORTS.entries()) {
      page = await open(viewport);
      await typePin('1357');
      await expect.poll(() => page.getByTestId('signed-in-person').textContent()).toContain('Sam');
      expect(await navigationProblems(page)).toEqual([]);
      expect(await layoutProblems(page, ['signed-in-person', 'lock-button', 'code-input'])).toEqual([]);
      await page.screenshot({ path: path.join(SHOTS, `manager-${viewport.width}x${viewport.height}.png`) });
      if (index === COUNTER_VIEWPORTS.length - 1) break; // the last one goes on
      await page.close();
    }
    await scan(token);
    await expect.poll(verdictKind).toBe('refused');
    await page.getByTestId('undo-button').click();
    await page.getByTestId('confirm-undo').click();
    await expect.poll(verdictKind).toBe('undone');

    await page.getByTestId('nav-settings').click();
    const audit = page.getByTestId('team-audit');
    await audit.waitFor();
    await expect.poll(() => page.locator('[data-testid="team-audit-row"][data-action="undo"]').count()).toBe(1);
    expect(await page.locator('[data-testid="team-audit-row"][data-action="pin_failed"]').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-testid="team-audit-row"][data-action="sign_in"]').count()).toBeGreaterThan(2);
    const undoRow = await page.locator('[data-testid="team-audit-row"][data-action="undo"]').textContent();
    expect(undoRow).toContain('Sam');
  });
});
