/**
 * The whole verdict on one screen, at the four set-ups counters have (1366×768 and 1920×1080 at 100 % and 125 %) and
 * in the app's window maximised on the smallest of them (COUNTER_VIEWPORTS):
 * for each kind of verdict, every part a cashier needs — name, ID reminder, film, séance, places (DUO), tariff and
 * the action — lies inside the viewport without scrolling. Screenshots are kept in test-results/viewports/.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANY_SEANCE_WINDOW, DEFAULT_SEANCE_WINDOW } from '../../shared/seanceWindow';
import { NAME_MAX } from '../../shared/text';
import { launchChromium } from '../support/chromium';
import { REPO_ROOT, startCounter, type CounterUnderTest } from '../support/counterUnderTest';
import { COUNTER_VIEWPORTS, layoutProblems, navigationProblems } from '../support/layoutChecks';
import { addSandboxBooking, findBookings, sandboxBookings, type SandboxBooking } from '../support/sandboxControl';

const SHOTS = path.join(REPO_ROOT, 'test-results', 'viewports');
const HOUR = 3_600_000;

let counter: CounterUnderTest;
let browser: Browser;
/** A DUO séance of the sandbox, for DUO bookings made on demand. */
let duoStock: number;
const used = new Set<string>();

beforeAll(async () => {
  counter = await startCounter({ web: true });
  await counter.core.dispatch('sync.now', {});
  browser = await launchChromium();
  duoStock = (await sandboxBookings(counter.sandbox.url)).find((b) => b.quantity === 2)!.stockId;
  fs.mkdirSync(SHOTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await counter?.close();
});

async function freshDuo(names?: { firstName: string; lastName: string }): Promise<SandboxBooking> {
  return addSandboxBooking(counter.sandbox.url, {
    stockId: duoStock,
    quantity: 2,
    status: 'CONFIRMED',
    confirmed: true,
    ...names,
  });
}

/** A booking of a séance more than a day and a half away: another day's, whatever the hour. */
async function laterDayBooking(): Promise<SandboxBooking> {
  const found = (await findBookings(counter.sandbox.url, { status: 'CONFIRMED', confirmed: true })).find(
    (b) => !used.has(b.token) && Date.parse(b.seanceStart) > Date.now() + 36 * HOUR,
  );
  if (!found) throw new Error('no booking for a later day in the sandbox');
  used.add(found.token);
  return found;
}

async function read(page: Page, text: string, kind: string): Promise<void> {
  const input = page.getByTestId('code-input');
  await input.fill(text);
  await input.press('Enter');
  await expect.poll(() => page.getByTestId('verdict').getAttribute('data-kind')).toBe(kind);
  await expect.poll(() => page.getByTestId('pending').count()).toBe(0);
}

async function checked(page: Page, name: string, parts: readonly string[]): Promise<void> {
  const { width, height } = page.viewportSize()!;
  await page.screenshot({ path: path.join(SHOTS, `${width}x${height}-${name}.png`) });
  expect(await layoutProblems(page, parts), `${width}×${height}, ${name}`).toEqual([]);
}

/** The name is not cut by its three-line clamp (normal names are shown whole; glyphs may overhang a little). */
const nameIsWhole = (page: Page) =>
  page.evaluate<boolean>(
    `(() => {
      const e = document.querySelector('[data-testid="beneficiary-name"]');
      return e.scrollHeight - e.clientHeight < parseFloat(getComputedStyle(e).lineHeight) / 2;
    })()`,
  );

describe.each(COUNTER_VIEWPORTS)('at $width×$height', ({ width, height }) => {
  it('every verdict kind shows all its parts and its action without scrolling', async () => {
    const page = await browser.newPage({ viewport: { width, height } });
    page.on('pageerror', (error) => console.error(`[page error] ${width}×${height}: ${error.message}`));
    try {
      await page.goto(counter.web!.url);
      await page.getByTestId('code-input').waitFor();
      expect(await navigationProblems(page)).toEqual([]);
      await checked(page, '0-idle', ['code-input', 'status-banner', 'status-line', 'demo-banner']);

      const duo = await freshDuo({ firstName: 'Jean-Baptiste', lastName: 'de La Fontaine-Dubois' });
      await read(page, duo.token, 'valid');
      expect(await nameIsWhole(page)).toBe(true);
      await checked(page, '1-valid-duo', [
        'verdict-label',
        'verdict-token',
        'beneficiary-name',
        'id-check',
        'offer-name',
        'seance',
        'places',
        'price',
        'validate-button',
      ]);
      expect(await page.getByTestId('places').textContent()).toMatch(/DUO/);

      await page.getByTestId('code-input').press('Enter');
      await expect.poll(() => page.getByTestId('verdict').getAttribute('data-kind')).toBe('validated');
      await checked(page, '2-validated-duo', [
        'validation-confirmation',
        'beneficiary-name',
        'offer-name',
        'seance',
        'places',
        'verdict-reprint',
        'undo-button',
      ]);

      await read(page, duo.token, 'refused');
      await checked(page, '3-refused-used-here', [
        'verdict-label',
        'verdict-message',
        'used-by',
        'beneficiary-name',
        'offer-name',
        'seance',
        'places',
        'undo-button',
      ]);

      const refusedElsewhere = (await findBookings(counter.sandbox.url, { status: 'CANCELLED' }))[0]!;
      await read(page, refusedElsewhere.token, 'refused');
      await checked(page, '4-refused-cancelled', ['verdict-label', 'verdict-message', 'verdict-token']);

      const notYet = (await findBookings(counter.sandbox.url, { status: 'CONFIRMED', confirmed: false }))[0]!;
      await read(page, notYet.token, 'not_yet');
      await checked(page, '5-not-yet', ['verdict-label', 'validatable-from', 'verdict-token']);

      await counter.core.dispatch('counter.settings.set', { seanceWindow: DEFAULT_SEANCE_WINDOW });
      try {
        const other = await laterDayBooking();
        await read(page, other.token, 'other_seance');
        await checked(page, '6-other-day', [
          'verdict-label',
          'seance-day',
          'beneficiary-name',
          'offer-name',
          'places',
          'price',
          'validate-other-button',
        ]);
      } finally {
        await counter.core.dispatch('counter.settings.set', { seanceWindow: ANY_SEANCE_WINDOW });
      }

      await read(page, '3760123456784', 'foreign');
      // The amber booking was not validated: the note says so, above the new panel.
      await checked(page, '7-not-a-countermark', [
        'previous-unvalidated',
        'previous-back',
        'verdict-label',
        'foreign-code',
        'foreign-todo',
      ]);

      const huge = 'Éléonore-Marie-Alexandrine '.repeat(3800); // ≈ 100 kB
      const long = await addSandboxBooking(counter.sandbox.url, {
        status: 'CONFIRMED',
        confirmed: true,
        firstName: huge,
        lastName: huge,
      });
      await read(page, long.token, 'valid');
      await checked(page, '8-100kB-name', [
        'beneficiary-name',
        'beneficiary-name-more',
        'id-check',
        'offer-name',
        'seance',
        'places',
        'price',
        'validate-button',
      ]);
      const shown = (await page.getByTestId('beneficiary-name').textContent())!;
      expect(shown.length).toBeLessThan(200);
      // The whole name as the counter keeps it (capped at NAME_MAX a part when stored) on demand, in a window that
      // closes back to the code field.
      await page.getByTestId('beneficiary-name-more').click();
      const full = (await page.locator('dialog[open] .long-text__full').textContent())!;
      expect(full.length).toBeGreaterThan(shown.length);
      expect(full.length).toBeGreaterThanOrEqual(NAME_MAX);
      await page.keyboard.press('Escape');
      await expect.poll(() => page.evaluate<string | undefined>('document.activeElement?.id')).toBe('code-input');
    } finally {
      await page.close();
    }
  }, 90_000);
});
