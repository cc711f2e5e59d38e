/**
 * End to end, a keyboard-wedge scanner set to US on a French AZERTY PC: Chromium receives the very key events
 * that PC would produce (CDP `Input.dispatchKeyEvent` with explicit `key` and `code`), wherever the focus is,
 * and the guichet shows the right beneficiary — for a QR payload, and for a bare code that reads differently
 * under the two layouts.
 */
import type { Browser, CDPSession, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readingText } from '../../shared/scanner/readings';
import { CALIBRATION_PAYLOAD } from '../../shared/scanner/payload';
import { launchChromium } from '../support/chromium';
import { closeTestPage, openAppPage } from '../support/appPage';
import { startCounter, type CounterUnderTest } from '../support/counterUnderTest';
import { findBookings, sandboxBookings, sandboxRequests, type SandboxBooking } from '../support/sandboxControl';
import { sendKeystrokes } from '../unit/scanner/cdpKeystrokes';
import { scannerTypes } from '../unit/scanner/keystrokeStreams';

let counter: CounterUnderTest;
let browser: Browser;
let page: Page;
let cdp: CDPSession;
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
  // Each test starts with the scanner's layout unknown.
  await counter.core.dispatch('scanner.layout.set', { device: 'keyboard', sources: null, via: 'qr' });
  page = await openAppPage(browser, counter.web!.url, { label: context.task.name });
  cdp = await page.context().newCDPSession(page);
  await expect.poll(() => focusedTestId()).toBe('code-input');
});
afterEach((context) => closeTestPage(page, context, 'scanner-'));

const focusedTestId = () => page.evaluate<string | null>(`document.activeElement?.getAttribute('data-testid') ?? null`);
const verdict = () => page.getByTestId('verdict');

/** A confirmed booking not used by another test, whose token satisfies `test`. */
async function freshBooking(test: (token: string) => boolean = () => true): Promise<SandboxBooking> {
  const found = (await findBookings(counter.sandbox.url, { status: 'CONFIRMED', confirmed: true })).find(
    (b) => !used.has(b.token) && test(b.token),
  );
  if (!found) throw new Error('no fresh booking fits');
  used.add(found.token);
  return found;
}

/** A US-configured scanner on this French AZERTY PC, 4 ms a key, Enter at the end. */
function usScannerOnAzerty(text: string) {
  return sendKeystrokes(cdp, scannerTypes(text, { scanner: 'us', pc: 'fr', gapMs: 4 }));
}

/** What the AZERTY PC itself reads when a US scanner types `token` (A↔Q, Z↔W, M→',', digits shifted…). */
const typedOnAzerty = (token: string) =>
  readingText(scannerTypes(token, { scanner: 'us', pc: 'fr', suffix: null }), 'typed');
/** Tokens a US scanner on AZERTY turns into another plausible token, nothing (no digit, no M) giving it away. */
const readsTwoWays = (token: string) => {
  const typed = typedOnAzerty(token);
  return typed !== token && /^[A-Z0-9]{6}$/.test(typed);
};

describe('a US scanner on a French AZERTY PC', () => {
  it('QR payload: the right beneficiary, the field left clean, and the layout learnt', async () => {
    const b = await freshBooking(readsTwoWays);
    const payload = `PASSCULTURE:v3;TOKEN:${b.token}`;
    // What the field would have received without the decoding: the garbled text.
    expect(readingText(scannerTypes(payload, { scanner: 'us', pc: 'fr', suffix: null }), 'typed')).toMatch(
      /^PQSSCULTUREM/,
    );
    await usScannerOnAzerty(payload);
    await expect.poll(() => verdict().getAttribute('data-kind')).toBe('valid');
    expect(await page.getByTestId('verdict-token').textContent()).toContain(b.token);
    expect(await page.getByTestId('beneficiary-name').textContent()).toContain(b.lastName);
    expect(await page.getByTestId('code-input').inputValue()).toBe('');
    const layouts = await counter.core.dispatch('scanner.layout.get', {});
    expect(layouts).toMatchObject({
      ok: true,
      value: { layouts: [{ device: 'keyboard', sources: ['us'], via: 'qr' }] },
    });
  });

  it('bare code that reads two ways, layout unknown: the one that exists is looked up, the right beneficiary shown', async () => {
    const b = await freshBooking(readsTwoWays);
    const { lastSeq } = await sandboxRequests(counter.sandbox.url);
    await usScannerOnAzerty(b.token);
    await expect.poll(() => verdict().getAttribute('data-kind')).toBe('valid');
    expect(await page.getByTestId('verdict-token').textContent()).toContain(b.token);
    expect(await page.getByTestId('beneficiary-name').textContent()).toContain(b.lastName);
    // Both readings were checked, and only the real one was looked up for the cashier.
    const asked = (await sandboxRequests(counter.sandbox.url, lastSeq)).requests.map((r) => r.token);
    const azerty = typedOnAzerty(b.token);
    expect(asked).toContain(azerty);
    const journal = await counter.core.dispatch('ledger.today', {});
    const tokens = journal.ok ? (journal.value as { rows: { token: string }[] }).rows.map((r) => r.token) : [];
    expect(tokens).toContain(b.token);
    expect(tokens).not.toContain(azerty);
  });

  it('after a QR scan, a bare code is read with the learnt layout straight away', async () => {
    const first = await freshBooking();
    const second = await freshBooking(readsTwoWays);
    await usScannerOnAzerty(`PASSCULTURE:v3;TOKEN:${first.token}`);
    await expect.poll(() => page.getByTestId('verdict-token').textContent()).toContain(first.token);
    await usScannerOnAzerty(second.token);
    await expect.poll(() => page.getByTestId('verdict-token').textContent()).toContain(second.token);
    expect(await page.getByTestId('beneficiary-name').textContent()).toContain(second.lastName);
    expect(await page.getByTestId('scan-question').count()).toBe(0);
  });

  it('a scan with the focus on the Validate button neither presses it nor types anywhere', async () => {
    const shown = await freshBooking();
    const next = await freshBooking();
    await usScannerOnAzerty(`PASSCULTURE:v3;TOKEN:${shown.token}`);
    await expect.poll(() => verdict().getAttribute('data-kind')).toBe('valid');
    await page.getByTestId('validate-button').focus();
    await usScannerOnAzerty(`PASSCULTURE:v3;TOKEN:${next.token}`);
    await expect.poll(() => page.getByTestId('verdict-token').textContent()).toContain(next.token);
    const platform = (await sandboxBookings(counter.sandbox.url)).find((x) => x.id === shown.id);
    expect(platform).toMatchObject({ status: 'CONFIRMED', usedCount: 0 });
  });

  it('a barcode that is not a pass Culture countermark says so, and nothing is sent', async () => {
    const { lastSeq } = await sandboxRequests(counter.sandbox.url);
    await usScannerOnAzerty('3760123456789');
    // Read through the scanner's layout (the AZERTY PC types no digits): a ticket number, not a typo.
    await expect.poll(() => verdict().getAttribute('data-kind')).toBe('foreign');
    expect(await page.getByTestId('foreign-code').getAttribute('data-foreign-kind')).toBe('ticket_number');
    expect(await verdict().textContent()).toMatch(/pas une contremarque pass Culture/);
    expect(await page.getByTestId('input-error').count()).toBe(0);
    expect((await sandboxRequests(counter.sandbox.url, lastSeq)).requests).toEqual([]);
  });

  it('a scan on the journal opens the guichet with its verdict', async () => {
    const b = await freshBooking();
    await page.getByTestId('nav-journal').click();
    await usScannerOnAzerty(`PASSCULTURE:v3;TOKEN:${b.token}`);
    await expect.poll(() => page.getByTestId('verdict-token').textContent()).toContain(b.token);
  });

  it('the scanner test page shows the keys, the readings and the layout, and looks nothing up', async () => {
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('calibration-barcode').waitFor();
    const { lastSeq } = await sandboxRequests(counter.sandbox.url);
    await usScannerOnAzerty(CALIBRATION_PAYLOAD);
    await expect.poll(() => page.getByTestId('scan-decision').first().textContent()).toMatch(/calibrage.*US/);
    expect(await page.getByTestId('keystroke-table').first().textContent()).toContain('KeyQ');
    await expect.poll(() => page.getByTestId('scanner-layout').textContent()).toMatch(/US \(QWERTY\)/);
    await usScannerOnAzerty('PASSCULTURE:v3;TOKEN:HATLVF');
    await expect.poll(() => page.getByTestId('scan-decision').first().textContent()).toMatch(/HATLVF/);
    expect((await sandboxRequests(counter.sandbox.url, lastSeq)).requests).toEqual([]);
  });
});

describe('scans into another text field', () => {
  it('the field gets back what it held (the scan typed nothing a person meant)', async () => {
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('scanner-test').waitFor();
    // Any text field of the page (here one added for the test, next to the scanner test page).
    await page.evaluate(`
      const input = document.createElement('input');
      input.setAttribute('data-testid', 'other-field');
      document.querySelector('[data-testid="scanner-test"]').append(input);
    `);
    const field = page.getByTestId('other-field');
    await field.fill('Caisse 2');
    await field.focus();
    const calls = await callsSent();
    await usScannerOnAzerty('PASSCULTURE:v3;TOKEN:HATLVF');
    await expect.poll(() => page.getByTestId('scan-decision').first().textContent()).toMatch(/HATLVF/);
    await expect.poll(() => field.inputValue()).toBe('Caisse 2');
    // No guichet here to look it up: the engine is not told a scan is on its way (it would hold its sync).
    expect(calls).toContain('scanner.layout.set');
    expect(calls).not.toContain('counter.scanUnderway');
  });
});

describe('the cashier typing', () => {
  it('typing a code by hand, at human speed, still works', async () => {
    const b = await freshBooking();
    const calls = await callsSent();
    await page.keyboard.type(b.token, { delay: 140 });
    expect(await page.getByTestId('code-input').inputValue()).toBe(b.token);
    await page.keyboard.press('Enter');
    await expect.poll(() => verdict().getAttribute('data-kind')).toBe('valid');
    expect(await page.getByTestId('verdict-token').textContent()).toContain(b.token);
    // Typing is not announced as a scan on its way (the engine would hold its sync for nothing).
    expect(calls).toContain('counter.lookup');
    expect(calls).not.toContain('counter.scanUnderway');
  });
});

describe('a scan on its way', () => {
  it('is announced to the engine while its keys come, before its lookup', async () => {
    const b = await freshBooking();
    const calls = await callsSent();
    await usScannerOnAzerty(`PASSCULTURE:v3;TOKEN:${b.token}`);
    await expect.poll(() => verdict().getAttribute('data-kind')).toBe('valid');
    const announced = calls.indexOf('counter.scanUnderway');
    expect(announced).toBeGreaterThanOrEqual(0);
    expect(announced).toBeLessThan(calls.indexOf('counter.lookup'));
  });
});

describe("a QR code's lookup, started at its last character", () => {
  it('leaves before the scan ends (its suffix), once, and the scan shows its answer', async () => {
    const b = await freshBooking();
    const calls = await callsSent();
    await usScannerOnAzerty(`PASSCULTURE:v3;TOKEN:${b.token}`);
    await expect.poll(() => verdict().getAttribute('data-kind')).toBe('valid');
    expect(await page.getByTestId('verdict-token').textContent()).toContain(b.token);
    // The scan's end teaches the layout (unknown before each test): a lookup sent at the suffix would follow it.
    const learnt = calls.indexOf('scanner.layout.set');
    expect(learnt).toBeGreaterThanOrEqual(0);
    expect(calls.indexOf('counter.lookup')).toBeLessThan(learnt);
    expect(calls.filter((name) => name === 'counter.lookup')).toHaveLength(1);
  });

  it('never for the calibration code scanned at the guichet (it starts as a QR payload)', async () => {
    const calls = await callsSent();
    await usScannerOnAzerty(CALIBRATION_PAYLOAD);
    await page.getByTestId('scan-learnt').waitFor();
    expect(calls).toContain('scanner.layout.set');
    expect(calls).not.toContain('counter.lookup');
  });
});

/** The names of the calls the page sends over its WebSocket from now on (CDP sees the frames as they leave). */
async function callsSent(): Promise<string[]> {
  const names: string[] = [];
  cdp.on('Network.webSocketFrameSent', ({ response }) => {
    try {
      const { name } = JSON.parse(response.payloadData) as { name?: unknown };
      if (typeof name === 'string') names.push(name);
    } catch {
      // Not a call: nothing to note.
    }
  });
  await cdp.send('Network.enable');
  return names;
}
