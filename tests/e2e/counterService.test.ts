/**
 * The guichet under a queue: no stale green, the previous unvalidated person remembered, another séance's booking
 * held back, sounds per verdict, a banner that turns offline with nobody scanning, a QR code stalled 200 ms in
 * the middle, barcodes that are not countermarks explained, a reprint from the validated panel, the journal
 * without consultations, and booking notices kept out of the queue's sight.
 */
import type { Browser, CDPSession, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ANY_SEANCE_WINDOW, DEFAULT_SEANCE_WINDOW } from '../../shared/seanceWindow';
import type { Keystroke } from '../../shared/scanner/keystroke';
import { LATE_SUFFIX_MS } from '../../shared/scanner/wedgeAssembler';
import { SOUNDS, type VerdictSound } from '../../renderer/sounds/verdictNotes';
import { closeTestPage, openAppPage } from '../support/appPage';
import { launchChromium } from '../support/chromium';
import { startCounter, type CounterUnderTest } from '../support/counterUnderTest';
import {
  findBookings,
  sandboxBookings,
  sandboxRequests,
  setFaults,
  trafficTick,
  type SandboxBooking,
} from '../support/sandboxControl';
import { sendKeystrokes } from '../unit/scanner/cdpKeystrokes';
import { scannerTypes } from '../unit/scanner/keystrokeStreams';

const HOUR = 3_600_000;

/** Counts Web Audio notes (each oscillator started: its waveform and pitch) and desktop notifications. */
const RECORDERS = `
  window.__notes = [];
  const start = OscillatorNode.prototype.start;
  OscillatorNode.prototype.start = function (...args) {
    window.__notes.push({ type: this.type, hz: this.frequency.value });
    return start.apply(this, args);
  };
  window.__notifications = [];
  window.Notification = class {
    static permission = 'granted';
    static requestPermission() { return Promise.resolve('granted'); }
    constructor(title, options) { window.__notifications.push({ title, body: options?.body ?? '' }); }
  };
`;

let counter: CounterUnderTest;
let browser: Browser;
let page: Page;
let cdp: CDPSession;
const used = new Set<string>();

beforeAll(async () => {
  counter = await startCounter({ web: true });
  await counter.core.dispatch('sync.now', {});
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await counter?.close();
});
beforeEach(async (context) => {
  await setFaults(counter.sandbox.url, { outage: false, latencyMs: 0 });
  await counter.core.dispatch('sync.now', {});
  await counter.core.dispatch('counter.settings.set', {
    seanceWindow: ANY_SEANCE_WINDOW,
    sound: { enabled: true, volume: 60 },
    serviceNotifications: 'in_app',
  });
  page = await openAppPage(browser, counter.web!.url, { label: context.task.name, initScript: RECORDERS });
  cdp = await page.context().newCDPSession(page);
  await expect.poll(() => focusedTestId()).toBe('code-input');
});
afterEach((context) => closeTestPage(page, context, 'service-'));

const verdict = () => page.getByTestId('verdict');
const verdictKind = () => verdict().getAttribute('data-kind');
const focusedTestId = () => page.evaluate<string | null>(`document.activeElement?.getAttribute('data-testid') ?? null`);
const notes = () => page.evaluate<{ type: string; hz: number }[]>('window.__notes');

async function booking(test: (b: SandboxBooking) => boolean = () => true): Promise<SandboxBooking> {
  const found = (await findBookings(counter.sandbox.url, { status: 'CONFIRMED', confirmed: true })).find(
    (b) => !used.has(b.token) && test(b),
  );
  if (!found) throw new Error('no fresh booking fits');
  used.add(found.token);
  return found;
}
const laterDay = (b: SandboxBooking) => Date.parse(b.seanceStart) > Date.now() + 36 * HOUR;

/**
 * When the last scan's keys were all sent. A person reads the verdict before typing or pressing Enter; a lone Enter
 * within LATE_SUFFIX_MS of a scan is that scan's second suffix (CR LF) and is stopped on purpose, so a test that
 * pressed Enter sooner than any person would lost its Enter whenever the page answered quickly (a flaky test).
 */
let lastScanSent = 0;
const READING_MS = LATE_SUFFIX_MS + 200;

async function afterReading(): Promise<void> {
  const wait = lastScanSent + READING_MS - performance.now();
  if (wait > 0) await page.waitForTimeout(wait);
}

/** The cashier presses Enter in the code field (after reading what is on screen). */
async function pressEnter(): Promise<void> {
  await afterReading();
  await page.getByTestId('code-input').press('Enter');
}

async function type(text: string): Promise<void> {
  await afterReading();
  const input = page.getByTestId('code-input');
  await input.fill(text);
  await input.press('Enter');
}

/** A barcode scanner (US layout on a US PC), 4 ms a key, Enter at the end; `stall` delays one key. */
function scan(text: string, stall?: { atKey: number; ms: number }): Promise<void> {
  let strokes: Keystroke[] = scannerTypes(text, { scanner: 'us', pc: 'us', gapMs: 4 });
  if (stall) strokes = strokes.map((s, i) => (i >= stall.atKey ? { ...s, at: s.at + stall.ms } : s));
  return sendKeystrokes(cdp, strokes).then(() => {
    lastScanSent = performance.now();
  });
}

async function platformBooking(id: number): Promise<SandboxBooking> {
  return (await sandboxBookings(counter.sandbox.url)).find((b) => b.id === id)!;
}

describe('no stale green', () => {
  it('a scan that is not a countermark takes the green away: Enter then validates nobody, F2 goes back to it', async () => {
    const first = await booking();
    await type(first.token);
    await expect.poll(verdictKind).toBe('valid');

    await scan('4006381333931'); // an EAN-13, e.g. a ticketing system's ticket
    await expect.poll(verdictKind).toBe('foreign');
    await pressEnter();
    await page.waitForTimeout(500);
    expect(await verdictKind()).toBe('foreign');
    expect(await platformBooking(first.id)).toMatchObject({ status: 'CONFIRMED', usedCount: 0 });

    const note = page.getByTestId('previous-unvalidated');
    expect(await note.textContent()).toContain(`Précédente non validée : ${first.firstName} ${first.lastName[0]}.`);
    await page.keyboard.press('F2');
    await expect.poll(verdictKind).toBe('valid');
    expect(await page.getByTestId('verdict-token').textContent()).toContain(first.token);
    expect(await note.count()).toBe(0);
    await pressEnter();
    await expect.poll(verdictKind).toBe('validated');
    expect(await platformBooking(first.id)).toMatchObject({ status: 'USED', usedCount: 1 });
  });

  it('a typo refused inline takes the green away too', async () => {
    const first = await booking();
    await type(first.token);
    await expect.poll(verdictKind).toBe('valid');
    await type('AB12C');
    await page.getByTestId('input-error').waitFor();
    expect(await verdict().count()).toBe(0);
    await page.getByTestId('code-input').fill('');
    await pressEnter();
    await page.waitForTimeout(500);
    expect(await platformBooking(first.id)).toMatchObject({ status: 'CONFIRMED', usedCount: 0 });
    expect(await page.getByTestId('previous-unvalidated').textContent()).toContain(first.firstName);
  });

  it('while the next code is being looked up, Enter does not validate the green still on screen', async () => {
    const first = await booking();
    await type(first.token);
    await expect.poll(verdictKind).toBe('valid');
    await setFaults(counter.sandbox.url, { latencyMs: 1500 });
    const second = await booking();
    await type(second.token);
    await page.getByTestId('pending').waitFor();
    await pressEnter();
    await expect.poll(() => page.getByTestId('verdict-token').textContent(), { timeout: 5000 }).toContain(second.token);
    expect(await platformBooking(first.id)).toMatchObject({ status: 'CONFIRMED', usedCount: 0 });
    expect(await platformBooking(second.id)).toMatchObject({ status: 'CONFIRMED', usedCount: 0 });
  });
});

/** Records, from the page, when the "searching" notice and the dimmed verdict first appear after each Enter. */
const WAIT_SIGNS = `
  window.__waitSigns = [];
  window.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') window.__waitSigns.push({ enterAt: performance.now(), pendingAt: null, staleAt: null });
  }, true);
  new MutationObserver(() => {
    const last = window.__waitSigns.at(-1);
    if (!last) return;
    if (last.pendingAt === null && document.querySelector('[data-testid="pending"]')) last.pendingAt = performance.now();
    if (last.staleAt === null && document.querySelector('.verdict--stale')) last.staleAt = performance.now();
  }).observe(document, { subtree: true, childList: true, attributes: true });
`;

interface WaitSigns {
  enterAt: number;
  pendingAt: number | null;
  staleAt: number | null;
}

describe('while a code is looked up', () => {
  it('a quick answer changes nothing on screen before it; a slow one shows the search and dims the last verdict', async () => {
    await page.evaluate(WAIT_SIGNS);
    const first = await booking();
    const second = await booking();
    await type(first.token);
    await expect.poll(verdictKind).toBe('valid');
    await type(second.token);
    await expect.poll(() => page.getByTestId('verdict-token').textContent()).toContain(second.token);
    // From the mirror now: answered within a frame or two, so the screen goes from one verdict to the next.
    await type(first.token);
    await expect.poll(() => page.getByTestId('verdict-token').textContent()).toContain(first.token);
    let signs = await page.evaluate<WaitSigns[]>('window.__waitSigns');
    expect(signs).toHaveLength(3);
    for (const { enterAt, pendingAt, staleAt } of signs) {
      // Whenever they show at all (a slow machine), never before 150 ms: no flicker for a quick answer.
      if (pendingAt !== null) expect(pendingAt - enterAt).toBeGreaterThanOrEqual(145);
      if (staleAt !== null) expect(staleAt - enterAt).toBeGreaterThanOrEqual(145);
    }

    await setFaults(counter.sandbox.url, { latencyMs: 1500 });
    const third = await booking();
    await type(third.token);
    await page.getByTestId('pending').waitFor();
    expect(await verdict().getAttribute('class')).toContain('verdict--stale');
    // The note about the green left unvalidated comes with the answer that replaces it: until then it still names
    // the one before.
    const note = page.getByTestId('previous-unvalidated');
    expect(await note.textContent()).toContain(second.firstName);
    await expect.poll(() => page.getByTestId('verdict-token').textContent(), { timeout: 5000 }).toContain(third.token);
    expect(await note.textContent()).toContain(first.firstName);
    expect(await page.getByTestId('pending').count()).toBe(0);
    signs = await page.evaluate<WaitSigns[]>('window.__waitSigns');
    const slow = signs.at(-1)!;
    expect(slow.pendingAt! - slow.enterAt).toBeGreaterThanOrEqual(145);
    expect(slow.pendingAt! - slow.enterAt).toBeLessThan(1000);
  });
});

describe('another séance', () => {
  beforeEach(() => counter.core.dispatch('counter.settings.set', { seanceWindow: DEFAULT_SEANCE_WINDOW }));

  it('is amber with its day in large type; Enter asks, Enter again keeps "no"; only "Oui" validates', async () => {
    const other = await booking(laterDay);
    await type(other.token);
    await expect.poll(verdictKind).toBe('other_seance');
    expect(await verdict().getAttribute('data-timing')).toBe('other_day');
    expect(await page.getByTestId('verdict-label').textContent()).toMatch(/Séance d’un autre jour/i);
    const day = await page.getByTestId('seance-day').textContent();
    // "demain à 20:30" or "jeudi 15 janvier à 20:30", depending on the hour the test runs at.
    expect(day).toMatch(/^(demain|\p{L}+ \d{1,2} \p{L}+) à \d{2}:\d{2}$/u);
    expect(await page.getByTestId('validate-button').count()).toBe(0);

    await pressEnter();
    await page.getByTestId('other-seance-dialog').waitFor();
    await expect.poll(() => focusedTestId()).toBe('cancel-other-seance');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('other-seance-dialog').count()).toBe(0);
    expect(await platformBooking(other.id)).toMatchObject({ status: 'CONFIRMED', usedCount: 0 });
    await expect.poll(() => focusedTestId()).toBe('code-input');

    await page.getByTestId('validate-other-button').click();
    await page.getByTestId('confirm-other-seance').click();
    await expect.poll(verdictKind).toBe('validated');
    expect(await platformBooking(other.id)).toMatchObject({ status: 'USED', usedCount: 1 });
  });

  it('a scan while the question is open closes it unanswered', async () => {
    const other = await booking(laterDay);
    await type(other.token);
    await expect.poll(verdictKind).toBe('other_seance');
    await pressEnter();
    await page.getByTestId('other-seance-dialog').waitFor();
    await scan('0123456789012345');
    await expect.poll(() => page.getByTestId('other-seance-dialog').count()).toBe(0);
    await expect.poll(verdictKind).toBe('foreign');
    expect(await platformBooking(other.id)).toMatchObject({ status: 'CONFIRMED', usedCount: 0 });
  });
});

describe('sounds', () => {
  /** The notes a verdict played since `from`, once they are all started. */
  async function playedSince(from: number, count: number): Promise<{ type: string; hz: number }[]> {
    await expect.poll(async () => (await notes()).length - from).toBeGreaterThanOrEqual(count);
    await page.waitForTimeout(150);
    return (await notes()).slice(from);
  }
  const signature = (sound: VerdictSound) => SOUNDS[sound].map((n) => ({ type: n.type, hz: n.hz }));

  it('each kind of verdict plays its own notes, once; muted, none', async () => {
    const cases: [string, string, VerdictSound][] = [];
    const valid = await booking();
    const other = await booking(laterDay);
    const refused = (await findBookings(counter.sandbox.url, { status: 'CANCELLED' }))[0]!;
    const notYet = (await findBookings(counter.sandbox.url, { status: 'CONFIRMED', confirmed: false }))[0]!;

    let from = (await notes()).length;
    await type(valid.token);
    await expect.poll(verdictKind).toBe('valid');
    expect(await playedSince(from, 2)).toEqual(signature('valid'));
    cases.push(['valid', valid.token, 'valid']);

    from = (await notes()).length;
    await pressEnter();
    await expect.poll(verdictKind).toBe('validated');
    expect(await playedSince(from, 3)).toEqual(signature('validated'));
    // Once: the panel turning "envoyée" (or anything else re-rendering it) plays nothing more.
    await page.waitForTimeout(800);
    expect((await notes()).length - from).toBe(3);

    from = (await notes()).length;
    await type(refused.token);
    await expect.poll(verdictKind).toBe('refused');
    expect(await playedSince(from, 2)).toEqual(signature('refused'));

    from = (await notes()).length;
    await type(notYet.token);
    await expect.poll(verdictKind).toBe('not_yet');
    expect(await playedSince(from, 4)).toEqual(signature('warning'));

    await counter.core.dispatch('counter.settings.set', { seanceWindow: DEFAULT_SEANCE_WINDOW });
    from = (await notes()).length;
    await type(other.token);
    await expect.poll(verdictKind).toBe('other_seance');
    expect(await playedSince(from, 4)).toEqual(signature('warning'));

    from = (await notes()).length;
    await scan('4006381333931');
    await expect.poll(verdictKind).toBe('foreign');
    expect(await playedSince(from, 2)).toEqual(signature('not_countermark'));

    from = (await notes()).length;
    await type('AB12C');
    await page.getByTestId('input-error').waitFor();
    expect(await playedSince(from, 2)).toEqual(signature('not_countermark'));

    // The five sounds differ from each other.
    const all = (['valid', 'validated', 'warning', 'refused', 'not_countermark'] as const).map((s) =>
      JSON.stringify(signature(s)),
    );
    expect(new Set(all).size).toBe(5);

    await counter.core.dispatch('counter.settings.set', { sound: { enabled: false, volume: 60 } });
    await page.waitForTimeout(300); // the settings event reaches the page
    from = (await notes()).length;
    await type(refused.token);
    await expect.poll(() => page.getByTestId('verdict-token').textContent()).toContain(refused.token);
    await page.waitForTimeout(500);
    expect((await notes()).length).toBe(from);
  });
});

describe('the status banner with nobody scanning', () => {
  it('turns offline within 5 s of the platform going away, and back online within 5 s of its return', async () => {
    const banner = page.getByTestId('status-banner');
    await expect.poll(() => banner.getAttribute('data-online')).toBe('true');
    await setFaults(counter.sandbox.url, { outage: 'hang' });
    const lost = Date.now();
    await expect.poll(() => banner.getAttribute('data-online'), { timeout: 5000 }).toBe('false');
    expect(Date.now() - lost).toBeLessThan(5000);
    expect(await page.getByTestId('connectivity').textContent()).toMatch(/Hors ligne/);
    await page.waitForTimeout(6000);
    await setFaults(counter.sandbox.url, { outage: false });
    const back = Date.now();
    await expect.poll(() => banner.getAttribute('data-online'), { timeout: 5000 }).toBe('true');
    expect(Date.now() - back).toBeLessThan(5000);
    // The footer's dot is the engine link, and says so.
    expect(await page.getByTestId('engine-link').textContent()).toMatch(/Moteur du guichet : connecté/);
  }, 30_000);

  it('a validation shown "sera envoyée" says "envoyée" once pass Culture has it', async () => {
    const b = await booking();
    await type(b.token);
    await expect.poll(verdictKind).toBe('valid');
    await setFaults(counter.sandbox.url, { outage: 'reset' });
    await expect
      .poll(() => page.getByTestId('status-banner').getAttribute('data-online'), { timeout: 5000 })
      .toBe('false');
    await pressEnter();
    await expect.poll(verdictKind).toBe('validated');
    expect(await verdict().getAttribute('data-upload')).toBe('pending');
    expect(await page.getByTestId('upload-pending').isVisible()).toBe(true);
    await setFaults(counter.sandbox.url, { outage: false });
    await expect.poll(() => verdict().getAttribute('data-upload'), { timeout: 10_000 }).toBe('sent');
    expect(await page.getByTestId('upload-sent').textContent()).toMatch(/Envoyée à pass Culture/);
    expect(await platformBooking(b.id)).toMatchObject({ status: 'USED', usedCount: 1 });
  }, 30_000);
});

describe('scans under load', () => {
  it('a QR code with one key 200 ms late is put back together: the right verdict, no typing error', async () => {
    const b = await booking();
    await scan(`PASSCULTURE:v3;TOKEN:${b.token}`, { atKey: 14, ms: 200 });
    await expect.poll(verdictKind).toBe('valid');
    expect(await page.getByTestId('verdict-token').textContent()).toContain(b.token);
    expect(await page.getByTestId('input-error').count()).toBe(0);
    expect(await page.getByTestId('code-input').inputValue()).toBe('');
    // Its Enter was the scan's: the green waits for the cashier.
    await page.waitForTimeout(400);
    expect(await verdictKind()).toBe('valid');
    expect(await platformBooking(b.id)).toMatchObject({ status: 'CONFIRMED', usedCount: 0 });
  });
});

describe('barcodes that are not countermarks', () => {
  it.each([
    ['4006381333931', 'ean', /logiciel de caisse/],
    ['0123456789012345', 'ticket_number', /billetterie du cinéma.*à contrôler dans votre logiciel de caisse/is],
    ['WIFI:S:Cinema;T:WPA;P:secret;;', 'qr_other', /autre application/],
  ])(
    '%s: says what it likely is and what to do, never "contremarque inconnue", and sends nothing',
    async (code, kind, explanation) => {
      const { lastSeq } = await sandboxRequests(counter.sandbox.url);
      await scan(code);
      await expect.poll(verdictKind).toBe('foreign');
      const panel = page.getByTestId('foreign-code');
      expect(await panel.getAttribute('data-foreign-kind')).toBe(kind);
      const text = await verdict().textContent();
      expect(text).toMatch(explanation);
      expect(text).toMatch(/Rien n’a été envoyé/);
      expect(text).not.toMatch(/introuvable|inconnue/);
      expect((await sandboxRequests(counter.sandbox.url, lastSeq)).requests).toEqual([]);
    },
  );
});

describe('reprint and journal', () => {
  it('Réimprimer (F4) from the validated panel says so, and the focus stays on the code field', async () => {
    const b = await booking();
    await type(b.token);
    await expect.poll(verdictKind).toBe('valid');
    await pressEnter();
    await expect.poll(verdictKind).toBe('validated');
    await page.keyboard.press('F4');
    await expect.poll(() => page.getByTestId('reprint-feedback').textContent()).toMatch(/renvoyé à l’imprimante/);
    expect(await focusedTestId()).toBe('code-input');
    const jobs = await counter.core.dispatch('printer.jobs', {});
    const duplicates = jobs.ok
      ? (jobs.value as { jobs: { summary: string; duplicate: boolean }[] }).jobs.filter((j) => j.duplicate)
      : [];
    expect(duplicates.length).toBeGreaterThan(0);
  });

  it('the journal hides consultations until asked, and names an undo "Validation annulée"', async () => {
    const b = await booking();
    await type(b.token);
    await expect.poll(verdictKind).toBe('valid');
    await page.getByTestId('validate-button').click();
    await expect.poll(verdictKind).toBe('validated');
    await page.getByTestId('undo-button').click();
    await page.getByTestId('confirm-undo').click();
    await expect.poll(verdictKind).toBe('undone');

    await page.getByTestId('nav-journal').click();
    const rows = page.getByTestId('journal-row').filter({ hasText: b.token });
    await expect.poll(() => rows.count()).toBe(2);
    expect(await page.locator('[data-testid="journal-row"][data-kind="lookup"]').count()).toBe(0);
    expect(await rows.first().textContent()).toMatch(/Validation annulée/);
    await page.getByTestId('journal-show-lookups').check();
    await expect.poll(() => rows.count()).toBe(3);
  });
});

describe('new bookings during service', () => {
  it('on the guichet: counted in the status line without names; elsewhere: the system notification', async () => {
    // Alerts start after the account's first complete sync.
    await counter.core.dispatch('sync.now', {});
    await counter.core.dispatch('sync.now', {});
    let created: SandboxBooking | null = null;
    for (let i = 0; i < 5 && !created; i++) created = (await trafficTick(counter.sandbox.url)).created;
    expect(created).not.toBeNull();
    await counter.core.dispatch('sync.now', {});
    const notices = page.getByTestId('service-notices');
    await expect.poll(() => notices.count(), { timeout: 10_000 }).toBe(1);
    expect(await notices.textContent()).toMatch(/nouvelle réservation/);
    expect(await notices.textContent()).not.toContain(created!.lastName);
    expect(await page.evaluate<unknown[]>('window.__notifications')).toEqual([]);

    await page.getByTestId('nav-programme').click();
    await trafficTick(counter.sandbox.url);
    await counter.core.dispatch('sync.now', {});
    await expect
      .poll(async () => (await page.evaluate<{ title: string }[]>('window.__notifications')).length, {
        timeout: 10_000,
      })
      .toBeGreaterThan(0);
    const [shown] = await page.evaluate<{ title: string }[]>('window.__notifications');
    expect(shown?.title).toMatch(/Nouvelle réservation : \S+/);
    await page.getByTestId('nav-counter').click();
    await notices.click();
    expect(await page.getByTestId('nav-bookings').getAttribute('aria-current')).toBe('page');
    expect(await notices.count()).toBe(0);
  });
});

describe('accessibility', () => {
  it('a skip link leads to the code field; the current screen is marked; places are read once', async () => {
    expect(await page.getByTestId('nav-counter').getAttribute('aria-current')).toBe('page');
    const skip = page.getByTestId('skip-link');
    expect(await skip.getAttribute('href')).toBe('#code-input');
    await page.getByTestId('nav-journal').focus();
    await skip.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedTestId()).toBe('code-input');

    const duo = (await findBookings(counter.sandbox.url, { status: 'CONFIRMED', confirmed: true, quantity: 2 })).find(
      (b) => !used.has(b.token),
    )!;
    used.add(duo.token);
    await type(duo.token);
    await expect.poll(verdictKind).toBe('valid');
    const text = (await page.locator('.booking-details').textContent()) ?? '';
    expect(text.match(/2 places/g)).toHaveLength(1);
  });
});
