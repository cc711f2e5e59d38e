/**
 * End to end, the manager's screens in Chromium through browser mode: Remboursements (totals, bands, chart,
 * the estimate said on screen) and Fin de journée (the séance table, the CSV downloaded as a blob: despite the
 * strict CSP, the report printed on the virtual printer, and the print view that hides the app's chrome).
 */
import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppInfo, Envelope } from '../../shared/contract';
import { dayInZone } from '../../shared/dates';
import { parseCsv } from '../../electron/core/reports/csv';
import { launchChromium } from '../support/chromium';
import { startCounter, type CounterUnderTest } from '../support/counterUnderTest';
import { findBookings, type SandboxBooking } from '../support/sandboxControl';

let counter: CounterUnderTest;
let browser: Browser;
let page: Page;
let booking: SandboxBooking;
let day: string;
const cspViolations: string[] = [];

function value<T>(envelope: Envelope<unknown>): T {
  if (!envelope.ok) throw new Error(`expected ok, got ${envelope.error.code}: ${envelope.error.message}`);
  return envelope.value as T;
}

beforeAll(async () => {
  counter = await startCounter({ web: true });
  value(await counter.core.dispatch('sync.now', {}));
  const info = value<AppInfo>(await counter.core.dispatch('app.info', {}));
  booking = (await findBookings(counter.sandbox.url, { status: 'CONFIRMED', confirmed: true }))[0]!;
  value(await counter.core.dispatch('counter.lookup', { text: booking.token }));
  value(await counter.core.dispatch('counter.validate', { token: booking.token }));
  day = dayInZone(new Date(booking.seanceStart).toISOString(), info.venue?.timeZone ?? 'Europe/Paris');

  browser = await launchChromium();
  page = await browser.newPage({ acceptDownloads: true });
  page.on('pageerror', (error) => console.error(`[page error] ${error.message}`));
  page.on('console', (message) => {
    if (/Content.Security.Policy/i.test(message.text())) cspViolations.push(message.text());
  });
  await page.goto(counter.web!.url);
  await page.getByTestId('code-input').waitFor();
});
afterAll(async () => {
  await browser?.close();
  await counter?.close();
});

describe('Remboursements', () => {
  it('shows the year’s revenue, the band, the chart with its thresholds, and says what is estimated', async () => {
    await page.getByTestId('nav-reimbursements').click();
    await page.getByTestId('reimbursements-totals').waitFor();
    const revenue = await page.getByTestId('reimbursements-revenue').textContent();
    expect(revenue).toMatch(/Chiffre d’affaires \d{4}/);
    expect(revenue).toMatch(/€/);
    expect(await page.getByTestId('reimbursements-band').textContent()).toMatch(/100\s%/);
    expect(await page.getByTestId('reimbursements-estimate').textContent()).toContain('estimées');
    expect(await page.getByTestId('revenue-chart').isVisible()).toBe(true);
    expect(await page.getByTestId('revenue-chart-threshold').count()).toBeGreaterThanOrEqual(1);
    expect(await page.getByTestId('band-table').locator('tbody tr').count()).toBe(4);
    expect(await page.locator('[data-testid="usage-table"] tr[data-origin="here"]').count()).toBeGreaterThanOrEqual(1);
    expect(await page.getByTestId('cycle-table').locator('tbody tr').count()).toBeGreaterThanOrEqual(1);
  });
});

describe('Fin de journée', () => {
  it('lists the séances of a day with this counter’s validation', async () => {
    await page.getByTestId('nav-reports').click();
    await page.getByTestId('end-of-day-day').fill(day);
    const row = page.locator(`[data-testid="end-of-day-table"] tr[data-stock-id="${booking.stockId}"]`);
    await row.waitFor();
    expect(await row.locator('td[data-column="here"]').textContent()).toMatch(/^1 \(\d pl\.\)$/);
    expect(await page.getByTestId('end-of-day-totals').textContent()).toContain('Total de la journée');
  });

  it('downloads the CSV for Excel through a blob: link, under the strict CSP', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('end-of-day-csv').click()]);
    expect(download.suggestedFilename()).toBe(`rapport-fin-de-journee-${day}.csv`);
    const text = fs.readFileSync((await download.path())!, 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text).toContain('\r\n');
    const rows = parseCsv(text);
    expect(rows[0]?.[0]).toBe('Séance');
    expect(rows.at(-1)?.[0]).toBe('TOTAL');
    expect(cspViolations).toEqual([]);
  });

  it('prints the report on the receipt printer', async () => {
    await page.getByTestId('end-of-day-ticket').click();
    await expect.poll(() => page.getByTestId('end-of-day-notice').textContent()).toContain('Rapport imprimé');
  });

  it('prints as a page without the app’s header and buttons', async () => {
    await page.emulateMedia({ media: 'print' });
    try {
      expect(await page.locator('.app-header').isVisible()).toBe(false);
      expect(await page.getByTestId('end-of-day-csv').isVisible()).toBe(false);
      expect(await page.getByTestId('end-of-day-table').isVisible()).toBe(true);
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
  });
});
