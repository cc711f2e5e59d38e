/**
 * End to end, offline: the platform goes down in the middle of the evening; the cashier keeps validating;
 * when the network returns, every validation reaches the platform exactly once.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/chromium';
import { startCounter, type CounterUnderTest } from '../support/counterUnderTest';
import { findBookings, setFaults, successfulUses } from '../support/sandboxControl';

let counter: CounterUnderTest;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  counter = await startCounter({ web: true });
  browser = await launchChromium();
  page = await browser.newPage();
  await page.goto(counter.web!.url);
  await page.getByTestId('code-input').waitFor();
});
afterAll(async () => {
  await browser?.close();
  await counter?.close();
});

async function scan(text: string): Promise<void> {
  await page.getByTestId('code-input').fill(text);
  await page.getByTestId('code-input').press('Enter');
}
const kind = () => page.getByTestId('verdict').getAttribute('data-kind');
const banner = () => page.getByTestId('status-banner');

describe('a platform outage during the evening', () => {
  it('scan during the outage, validate offline, return online: used exactly once on the platform', async () => {
    const [seen, unseen] = await findBookings(counter.sandbox.url, { status: 'CONFIRMED', confirmed: true });
    // Seen once while online: the counter knows this token.
    await scan(seen!.token);
    await expect.poll(kind).toBe('valid');
    await page.keyboard.press('Escape');

    await setFaults(counter.sandbox.url, { outage: 'reset' });
    await scan(seen!.token);
    await expect.poll(kind, { timeout: 4000 }).toBe('valid');
    await expect.poll(() => banner().getAttribute('data-online')).toBe('false');
    await page.getByTestId('code-input').press('Enter');
    await expect.poll(kind).toBe('validated');
    await page.getByTestId('upload-pending').waitFor();
    await expect.poll(() => page.getByTestId('pending-count').textContent()).toMatch(/1/);

    // A code never seen here cannot be checked offline: the cashier is told, and can find the person by name.
    await scan(unseen!.token);
    await expect.poll(kind).toBe('unverifiable');
    await page.getByTestId('provisional-search').fill(unseen!.lastName);
    const result = page.getByTestId('provisional-result').filter({ hasText: unseen!.firstName }).first();
    await result.waitFor();

    await setFaults(counter.sandbox.url, { outage: false });
    // The counter probes by itself and comes back online; the queue drains.
    await expect.poll(() => banner().getAttribute('data-online'), { timeout: 15_000 }).toBe('true');
    await expect.poll(() => successfulUses(counter.sandbox.url, seen!.token), { timeout: 10_000 }).toBe(1);
    await expect
      .poll(
        () =>
          page
            .getByTestId('pending-count')
            .count()
            .then(async (n) => (n === 0 ? '0' : await page.getByTestId('pending-count').textContent())),
        { timeout: 10_000 },
      )
      .toMatch(/^0|^$/);
    expect(await successfulUses(counter.sandbox.url, seen!.token)).toBe(1);
  });
});
