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
  await counter.core.dispatch('sync.now', {}); // the mirror: programme and bookings
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
    // Its séance may not be "of the moment" when this test runs: widen the search to every séance.
    await page.getByTestId('provisional-search').fill(`${unseen!.lastName} ${unseen!.firstName}`);
    await page.getByTestId('provisional-scope-all').click();
    const result = page.locator(`[data-testid="provisional-result"][data-booking-id="${unseen!.id}"]`);
    await result.waitFor();
    await result.getByTestId('provisional-validate').click();
    await page.getByTestId('confirm-provisional').click();
    await expect.poll(kind).toBe('provisional');
    await expect.poll(() => page.getByTestId('pending-count').getAttribute('data-count')).toBe('2');

    await setFaults(counter.sandbox.url, { outage: false });
    // The counter probes by itself and comes back online; the queue drains.
    await expect.poll(() => banner().getAttribute('data-online'), { timeout: 15_000 }).toBe('true');
    await expect
      .poll(() => page.getByTestId('pending-count').getAttribute('data-count'), { timeout: 10_000 })
      .toBe('0');
    // Exactly once each on the platform: the validation, and the provisional one once its token was checked.
    expect(await successfulUses(counter.sandbox.url, seen!.token)).toBe(1);
    expect(await successfulUses(counter.sandbox.url, unseen!.token)).toBe(1);
  });
});
