/**
 * End to end, printing: Chromium drives the renderer in browser mode; the cashier points the counter at a network
 * receipt printer (the fake TCP printer on 127.0.0.1) from the Impression screen, validates, and the entry slip
 * arrives with the right name and séance. With the printer down the validation is still recorded, an alert says
 * the slip did not print, and one click reprints it once the printer is back.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppInfo } from '../../shared/contract';
import { formatSeance } from '../../shared/dates';
import { printableText } from '../../electron/core/printing/printableText';
import { openAppPage } from '../support/appPage';
import { launchChromium } from '../support/chromium';
import { startCounter, type CounterUnderTest } from '../support/counterUnderTest';
import { startFakePrinter, type FakePrinter } from '../support/fakePrinter';
import { findBookings, sandboxBookings, type SandboxBooking } from '../support/sandboxControl';

let counter: CounterUnderTest;
let printer: FakePrinter;
let browser: Browser;
let page: Page;
let timeZone = 'Europe/Paris';
const used = new Set<string>();

beforeAll(async () => {
  printer = await startFakePrinter();
  counter = await startCounter({ web: true });
  const info = await counter.core.dispatch('app.info', {});
  if (info.ok) timeZone = (info.value as AppInfo).venue?.timeZone ?? timeZone;
  browser = await launchChromium();
  page = await openAppPage(browser, counter.web!.url);
});
afterAll(async () => {
  await browser?.close();
  await counter?.close();
  await printer?.close();
});

async function freshBooking(): Promise<SandboxBooking> {
  const found = (await findBookings(counter.sandbox.url, { status: 'CONFIRMED', confirmed: true, quantity: 1 })).find(
    (b) => !used.has(b.token),
  );
  if (!found) throw new Error('no fresh booking');
  used.add(found.token);
  return found;
}

async function validate(token: string): Promise<void> {
  const input = page.getByTestId('code-input');
  await input.fill(token);
  await input.press('Enter');
  await expect.poll(() => page.getByTestId('verdict').getAttribute('data-kind')).toBe('valid');
  await input.press('Enter');
  await expect.poll(() => page.getByTestId('verdict').getAttribute('data-kind')).toBe('validated');
}

const slipText = (index: number) => printer.jobs[index]!.printout.lines.join('\n');

/** The name as the slip prints it: surname in capitals, in the default code page (Nguyễn → NGUYEN). */
const printedName = (b: SandboxBooking) => printableText(`${b.firstName} ${b.lastName.toUpperCase()}`, 'WPC1252');

describe('entry slips on a network printer', () => {
  it('is chosen in the Impression screen', async () => {
    await page.getByTestId('nav-printing').click();
    await page.getByTestId('printer-kind').selectOption('tcp');
    await page.getByTestId('printer-host').fill('127.0.0.1');
    await page.getByLabel('Port', { exact: true }).fill(String(printer.port));
    await page.getByTestId('save-printer').click();
    await expect.poll(() => page.getByTestId('printer-status').getAttribute('data-state')).toBe('online');
    expect(await page.getByTestId('printer-status').textContent()).toContain('Imprimante prête');
    await page.getByTestId('nav-counter').click();
    await page.getByTestId('code-input').waitFor();
  });

  it('validate → the slip arrives with the name and the séance', async () => {
    const b = await freshBooking();
    await validate(b.token);
    const [job] = await printer.waitForJobs(1);
    const text = slipText(0);
    expect(text).toContain(printedName(b));
    expect(text).toContain(b.offerName.slice(0, 20));
    expect(text).toContain(formatSeance(new Date(b.seanceStart).toISOString(), timeZone));
    expect(job!.printout.qrCodes[0]).toMatch(/^GUICHET:v1;LEDGER:\d+$/);
    expect(job!.printout.cuts).toHaveLength(1);
  });

  it('printer down → validation still recorded, an alert, and the reprint succeeds once it is back', async () => {
    await printer.setFault('refuse');
    const b = await freshBooking();
    await validate(b.token);
    expect((await sandboxBookings(counter.sandbox.url)).find((x) => x.id === b.id)?.status).toBe('USED');

    const alert = page.getByTestId('print-alert');
    await alert.waitFor();
    expect(await page.getByTestId('print-alert-reason').textContent()).toMatch(/injoignable/);
    await expect.poll(() => page.getByTestId('printer-status').getAttribute('data-state')).toBe('unreachable');
    // The guichet stays usable: the code field still has the focus for the next scan.
    await expect
      .poll(() => page.evaluate<string | null>(`document.activeElement?.getAttribute('data-testid') ?? null`))
      .toBe('code-input');

    await printer.setFault('none');
    await page.getByTestId('print-alert-retry').click();
    await printer.waitForJobs(2);
    expect(slipText(1)).toContain(printedName(b));
    expect(slipText(1)).not.toContain('DUPLICATA');
    await alert.waitFor({ state: 'detached' });
  });

  it('reprints any entry from the journal, marked DUPLICATA', async () => {
    await page.getByTestId('nav-journal').click();
    const row = page
      .getByTestId('journal-row')
      .filter({ has: page.getByTestId('reprint-button') })
      .first();
    await row.getByTestId('reprint-button').click();
    await printer.waitForJobs(3);
    expect(slipText(2)).toContain('DUPLICATA');
  });
});
