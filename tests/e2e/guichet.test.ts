/**
 * End to end: Debian's Chromium drives the real renderer in browser mode, against the real core, a real
 * SQLite file and the sandbox platform over HTTP — as a cashier would use the guichet.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { launchChromium } from '../support/chromium';
import { closeTestPage, openAppPage } from '../support/appPage';
import { startCounter, type CounterUnderTest } from '../support/counterUnderTest';
import {
  cancelSandboxBooking,
  findBookings,
  sandboxBookings,
  setFaults,
  type BookingFilter,
  type SandboxBooking,
} from '../support/sandboxControl';

let counter: CounterUnderTest;
let browser: Browser;
let page: Page;
const used = new Set<string>();

beforeAll(async () => {
  counter = await startCounter({ web: true });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await counter?.close();
});
beforeEach(async (context) => {
  await setFaults(counter.sandbox.url, { outage: false, malformed: false, latencyMs: 0 });
  // Back online before each test (an outage test leaves the counter offline until its probe succeeds).
  await counter.core.dispatch('sync.now', {});
  page = await openAppPage(browser, counter.web!.url, { label: context.task.name });
});
afterEach((context) => closeTestPage(page, context));

/** A booking of the sandbox not used by another test yet. */
async function booking(filter: BookingFilter): Promise<SandboxBooking> {
  const found = (await findBookings(counter.sandbox.url, filter)).find((b) => !used.has(b.token));
  if (!found) throw new Error(`no fresh booking for ${JSON.stringify(filter)}`);
  used.add(found.token);
  return found;
}

async function scan(text: string): Promise<void> {
  const input = page.getByTestId('code-input');
  await input.fill(text);
  await input.press('Enter');
}

const verdict = () => page.getByTestId('verdict');
/** The data-testid of the element that has the keyboard focus. */
const focusedTestId = () => page.evaluate<string | null>(`document.activeElement?.getAttribute('data-testid') ?? null`);

describe('the guichet', () => {
  it('has the code field focused on load and says it is in demo mode', async () => {
    await expect.poll(() => focusedTestId()).toBe('code-input');
    expect(await page.getByTestId('demo-banner').isVisible()).toBe(true);
  });

  it('valid → green with the name; Enter validates; the journal shows it', async () => {
    const b = await booking({ status: 'CONFIRMED', confirmed: true, quantity: 1 });
    await scan(b.token);
    await expect.poll(() => verdict().getAttribute('data-kind')).toBe('valid');
    expect(await page.getByTestId('beneficiary-name').textContent()).toContain(b.lastName);
    expect(await page.getByTestId('beneficiary-name').textContent()).toContain(b.firstName);
    expect(await page.getByTestId('offer-name').textContent()).toContain(b.offerName);
    expect(await page.getByTestId('id-check').isVisible()).toBe(true);

    await page.getByTestId('code-input').press('Enter');
    await expect.poll(() => verdict().getAttribute('data-kind')).toBe('validated');
    expect(await page.getByTestId('validation-confirmation').isVisible()).toBe(true);
    await expect.poll(() => focusedTestId()).toBe('code-input');
    const platform = (await sandboxBookings(counter.sandbox.url)).find((x) => x.id === b.id);
    expect(platform).toMatchObject({ status: 'USED', usedCount: 1 });

    await page.getByRole('button', { name: /journal/i }).click();
    const row = page.getByTestId('journal-row').filter({ hasText: b.token }).first();
    await row.waitFor();
    expect(await row.textContent()).toMatch(/Validation/);
  });

  it('a DUO booking says 2 places clearly', async () => {
    const b = await booking({ status: 'CONFIRMED', confirmed: true, quantity: 2 });
    await scan(b.token);
    await expect.poll(() => verdict().getAttribute('data-kind')).toBe('valid');
    expect(await page.getByTestId('places').first().textContent()).toMatch(/DUO/);
    expect(await page.getByTestId('places').first().textContent()).toMatch(/2/);
  });

  it.each([
    ['USED', /déjà été validée/],
    ['CANCELLED', /annulée/],
    ['REIMBURSED', /remboursée/],
  ] as const)('a %s booking is red with the reason', async (status, reason) => {
    const b = await booking({ status });
    await scan(b.token);
    await expect.poll(() => verdict().getAttribute('data-kind')).toBe('refused');
    expect(await verdict().textContent()).toMatch(reason);
  });

  it('an unknown code is red', async () => {
    await scan('ZZZZ22');
    await expect.poll(() => verdict().getAttribute('data-kind')).toBe('refused');
    expect(await verdict().textContent()).toMatch(/introuvable/);
  });

  it('a booking not yet confirmed is amber with the date it becomes valid', async () => {
    const b = await booking({ status: 'CONFIRMED', confirmed: false });
    await scan(b.token);
    await expect.poll(() => verdict().getAttribute('data-kind')).toBe('not_yet');
    expect(await verdict().textContent()).toMatch(/\d{2}:\d{2}/);
    expect(await page.getByTestId('validatable-from').isVisible()).toBe(true);
    expect(await page.getByTestId('validate-button').count()).toBe(0);
  });

  it('accepts the QR payload, in any case, with spaces', async () => {
    const b = await booking({ status: 'CONFIRMED', confirmed: true });
    await scan(`  passculture:v3;token:${b.token.toLowerCase()}  `);
    await expect.poll(() => verdict().getAttribute('data-kind')).toBe('valid');
    expect(await page.getByTestId('beneficiary-name').textContent()).toContain(b.lastName);
  });

  it('a typo that is not a countermark gets an inline message and sends nothing', async () => {
    const before = (await (await fetch(`${counter.sandbox.url}/__sandbox/stats`)).json()) as { total: number };
    await scan('AB12C');
    await page.getByTestId('input-error').waitFor();
    expect(await page.getByTestId('input-error').textContent()).toMatch(/pas une contremarque/);
    const after = (await (await fetch(`${counter.sandbox.url}/__sandbox/stats`)).json()) as { total: number };
    expect(after.total).toBe(before.total);
  });

  it('undoes a validation made here, after a confirmation', async () => {
    const b = await booking({ status: 'CONFIRMED', confirmed: true });
    await scan(b.token);
    await expect.poll(() => verdict().getAttribute('data-kind')).toBe('valid');
    await page.getByTestId('validate-button').click();
    await expect.poll(() => verdict().getAttribute('data-kind')).toBe('validated');
    await page.getByTestId('undo-button').click();
    await page.getByTestId('confirm-undo').click();
    await expect.poll(() => verdict().getAttribute('data-kind')).toBe('undone');
    const platform = (await sandboxBookings(counter.sandbox.url)).find((x) => x.id === b.id);
    expect(platform?.status).toBe('CONFIRMED');
    await expect.poll(() => focusedTestId()).toBe('code-input');
  });

  it('Escape clears the field and the verdict', async () => {
    await scan('ZZZZ22');
    await expect.poll(() => verdict().getAttribute('data-kind')).toBe('refused');
    await page.getByTestId('code-input').fill('ABC');
    await page.keyboard.press('Escape');
    expect(await page.getByTestId('code-input').inputValue()).toBe('');
    await expect.poll(() => page.locator('[data-testid="verdict"][data-kind="refused"]').count()).toBe(0);
  });
});

describe('local first', () => {
  it('a code seen before shows at once, and turns red when pass Culture says it was cancelled since', async () => {
    const b = await booking({ status: 'CONFIRMED', confirmed: true });
    await scan(b.token);
    await expect.poll(() => verdict().getAttribute('data-kind')).toBe('valid');
    await page.keyboard.press('Escape');
    // Seen before and unchanged: the mirror's green, then pass Culture's confirmation (no longer "en cours").
    await scan(b.token);
    await expect.poll(() => verdict().getAttribute('data-kind')).toBe('valid');
    await expect.poll(() => page.getByTestId('verdict-source').count()).toBe(0);
    expect(await page.getByTestId('verdict-correction').count()).toBe(0);
    await page.keyboard.press('Escape');
    await cancelSandboxBooking(counter.sandbox.url, b.id, 'offerer');
    await scan(b.token);
    await expect.poll(() => verdict().getAttribute('data-kind')).toBe('refused');
    expect(await verdict().textContent()).toMatch(/annulée/);
    // The green shown first was corrected: said in words, not only by the colour.
    expect(await page.getByTestId('verdict-correction').getAttribute('data-from')).toBe('valid');
    expect(await page.getByTestId('verdict-correction').textContent()).toMatch(/CORRIGÉ PAR PASS CULTURE/);
    expect(await page.getByTestId('validate-button').count()).toBe(0);
  });
});

describe('when the platform fails', () => {
  it('platform down: a clear message within 3 s, and the counter stays usable', async () => {
    const b = await booking({ status: 'CONFIRMED', confirmed: true });
    await setFaults(counter.sandbox.url, { outage: 'reset' });
    const started = Date.now();
    await scan(b.token);
    // Never seen here, and the platform cannot be asked: the cashier is told so, in plain French.
    await expect.poll(() => verdict().getAttribute('data-kind'), { timeout: 3000 }).toBe('unverifiable');
    expect(Date.now() - started).toBeLessThan(3000);
    expect(await verdict().textContent()).toMatch(/Hors ligne/);
    await expect.poll(() => page.getByTestId('status-banner').getAttribute('data-online')).toBe('false');
    await setFaults(counter.sandbox.url, { outage: false });
    // The counter comes back by itself (its probe), and the same code is then checked by the platform.
    await expect
      .poll(() => page.getByTestId('status-banner').getAttribute('data-online'), { timeout: 10_000 })
      .toBe('true');
    await scan(b.token);
    await expect.poll(() => verdict().getAttribute('data-kind')).toBe('valid');
  });

  it('platform hanging: the cashier is told right after the 3 s lookup timeout', async () => {
    const b = await booking({ status: 'CONFIRMED', confirmed: true });
    await setFaults(counter.sandbox.url, { outage: 'hang' });
    const started = Date.now();
    await scan(b.token);
    await expect.poll(() => verdict().getAttribute('data-kind'), { timeout: 4000 }).toBe('unverifiable');
    // 3 s timeout, then the local answer; generous bound for a loaded 2-core machine.
    expect(Date.now() - started).toBeLessThan(4500);
    expect(await verdict().textContent()).toMatch(/Hors ligne/);
  });

  it('malformed platform JSON: a typed error, no crash', async () => {
    const b = await booking({ status: 'CONFIRMED', confirmed: true });
    await setFaults(counter.sandbox.url, { malformed: true });
    await scan(b.token);
    await expect.poll(() => verdict().getAttribute('data-kind')).toBe('error');
    expect(await verdict().textContent()).toMatch(/Réponse inattendue/);
    await setFaults(counter.sandbox.url, { malformed: false });
    await scan(b.token);
    await expect.poll(() => verdict().getAttribute('data-kind')).toBe('valid');
  });
});

describe('the contract over the WebSocket', () => {
  it('answers an invalid call with invalid_input', async () => {
    const url = new URL(counter.web!.url);
    const socket = new WebSocket(`ws://${url.host}/ws?session=${url.searchParams.get('session')}`, {
      headers: { Origin: url.origin },
    });
    await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
    const reply = new Promise((resolve) => socket.once('message', (d) => resolve(JSON.parse(d.toString()))));
    socket.send(JSON.stringify({ id: 1, name: 'counter.validate', input: { token: 42 } }));
    expect(await reply).toMatchObject({
      type: 'reply',
      id: 1,
      envelope: { ok: false, error: { code: 'invalid_input' } },
    });
    socket.close();
  });
});
