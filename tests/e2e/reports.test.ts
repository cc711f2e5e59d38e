/**
 * End to end, the manager's screens in Chromium through browser mode: Remboursements (totals, bands, chart,
 * the estimate said on screen) and Fin de journée (one row per séance with its tariffs inside it, the day typed
 * dd/mm/yyyy, the CSV downloaded as a blob: despite the strict CSP, the report printed on the virtual printer,
 * and the print view: a PDF in A4 whose text holds every séance, every column, the day and the totals).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppInfo, EndOfDayReport, Envelope } from '../../shared/contract';
import { dayInZone, formatTime } from '../../shared/dates';
import { endOfDaySeances } from '../../shared/endOfDaySeances';
import { formatCents } from '../../shared/money';
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
  it('lists the séances of a day, one row each with its tariffs inside, and this counter’s validation', async () => {
    await page.getByTestId('nav-reports').click();
    // Typed the French way, whatever the browser's language (this Chromium is en-US).
    const [year, month, date] = day.split('-');
    await page.getByTestId('end-of-day-day').fill(`${date}/${month}/${year}`);
    const seance = page.locator(`[data-testid="end-of-day-seance"][data-stock-ids~="${booking.stockId}"]`);
    await seance.waitFor();
    expect(await page.getByTestId('end-of-day-title').textContent()).toContain(`${Number(date)} `);
    const report = value<EndOfDayReport>(await counter.core.dispatch('reports.endOfDay', { day }));
    const seances = endOfDaySeances(report);
    expect(await page.getByTestId('end-of-day-seance').count()).toBe(seances.length);
    // The séance's own row, then a line per tariff when it has several: the validation shows on its tariff.
    const tariffLine = seance.locator(`tr[data-stock-id="${booking.stockId}"]`);
    expect(await tariffLine.locator('td[data-column="here"]').textContent()).toMatch(/^1 \(\d pl\.\)$/);
    expect(await seance.locator('tr').first().locator('td[data-column="here"]').textContent()).toMatch(
      /^\d+ \(\d+ pl\.\)$/,
    );
    const several = seances.find((s) => s.tariffs.length > 1);
    if (several) {
      const rows = page.locator(
        `[data-testid="end-of-day-seance"][data-stock-ids="${several.tariffs.map((t) => t.stockId).join(' ')}"]`,
      );
      expect(await rows.getByTestId('end-of-day-tariff').allTextContents()).toEqual(
        several.tariffs.map((t) => expect.stringContaining(t.priceCategoryLabel)),
      );
    }
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

  it('prints a PDF in A4 holding the day, every column, every séance with its tariffs, and the totals', async () => {
    const report = value<EndOfDayReport>(await counter.core.dispatch('reports.endOfDay', { day }));
    const pdfPath = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'guichet-eod-')), 'fin-de-journee.pdf');
    // As the browser prints (the previous test left the screen media emulated).
    await page.emulateMedia({ media: 'print' });
    try {
      fs.writeFileSync(pdfPath, await page.pdf({ format: 'A4' }));
    } finally {
      await page.emulateMedia({ media: null });
    }
    const info = execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' });
    expect(info).toMatch(/Page size:\s+595\.\d+ x 842\.\d+ pts \(A4\)/);
    // pdftotext (poppler-utils, installed by .ci/run) keeps each printed line on one line of text.
    const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' }).replace(
      /[\u00a0\u202f]/g,
      ' ',
    );
    const lines = text.split('\n').map((line) => line.replace(/\s+/g, ' ').trim());
    const words = lines.join(' ');
    const money = (cents: number) => formatCents(cents).replace(/[\u00a0\u202f]/g, ' ');
    const count = (n: { bookings: number; places: number }) =>
      n.bookings === 0 ? '—' : `${n.bookings} (${n.places} pl.)`;
    const validated = (c: EndOfDayReport['totals']) =>
      c.validatedHere.amountCents + c.provisional.amountCents + c.validatedElsewhere.amountCents;

    expect(words).toContain('Fin de journée du');
    expect(words).toContain(day.slice(0, 4));
    for (const header of [
      'Séance',
      'Film',
      'Attendues',
      'Validées',
      'ici',
      'Provisoires',
      'ailleurs',
      'Conflits',
      'Absents',
      'En attente',
      'Montant',
      'attendu',
      'validé',
    ])
      expect(words, header).toContain(header);

    for (const seance of endOfDaySeances(report)) {
      const time = formatTime(seance.start, report.timeZone);
      const firstWord = seance.offerName.split(' ')[0] ?? '';
      // Its line: the time, the film's first word, its expected bookings, its amounts (two films may share a time).
      const amounts = `${money(seance.counts.expected.amountCents)} ${money(validated(seance.counts))}`;
      const row = lines.find(
        (line) =>
          line.startsWith(`${time} ${firstWord}`) &&
          line.includes(count(seance.counts.expected)) &&
          line.endsWith(amounts),
      );
      expect(row, `${time} ${seance.offerName}: ${count(seance.counts.expected)} … ${amounts}`).toBeDefined();
      for (const word of seance.offerName.split(' ')) expect(words).toContain(word);
      if (seance.tariffs.length > 1) {
        for (const tariff of seance.tariffs) {
          const tariffRow = lines.find(
            (line) =>
              line.startsWith(tariff.priceCategoryLabel.split(' ')[0] ?? '') &&
              line.endsWith(`${money(tariff.counts.expected.amountCents)} ${money(validated(tariff.counts))}`),
          );
          expect(tariffRow, `${time} ${seance.offerName} · ${tariff.priceCategoryLabel}`).toBeDefined();
        }
      }
    }
    const totals = lines.find((line) => line.startsWith('Total de la journée'));
    expect(totals).toBeDefined();
    expect(totals).toContain(count(report.totals.expected));
    expect(totals).toContain(count(report.totals.validatedHere));
    expect(totals?.endsWith(`${money(report.totals.expected.amountCents)} ${money(validated(report.totals))}`)).toBe(
      true,
    );
  });
});
