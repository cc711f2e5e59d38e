/**
 * bench:scanner's scans timed in a page of the counter (browser mode): keystrokes of a real scanner sent through
 * Chromium's input pipeline, and for each scan Enter → lookup sent → engine's reply → verdict in the DOM → next frame,
 * measured by a script installed before the app. BENCH_PAGE_PROFILE=<dir> writes the page's CPU profile of each figure.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { addSandboxBooking } from '../tests/support/sandboxControl';
import { sendKeystrokes } from '../tests/unit/scanner/cdpKeystrokes';
import { scannerTypes } from '../tests/unit/scanner/keystrokeStreams';
import { loadLine, type CounterProcess } from './benchProcesses';
import { ms, summary } from './stats';

const PAGE_PROFILE_DIR = process.env.BENCH_PAGE_PROFILE;
/** Scans made before a figure is measured (JIT, connections). */
export const WARM = 3;
/** What a scan with no verdict within 10 s weighs in every figure. */
const MISSED_MS = 10_000;

interface BenchWindow {
  __bench: { expect: string | null };
}

/** Installed before the app: sees the suffix Enter first (the wedge stops it for everyone after). */
const MEASURE_SCRIPT = `
  window.__bench = { expect: null, enterAt: null, sentAt: null, repliedAt: null, results: [] };
  // The lookup's trip to the engine and back, to tell the page's share from the engine's.
  const send = WebSocket.prototype.send;
  WebSocket.prototype.send = function (data) {
    if (String(data).includes('"counter.lookup"') && window.__bench.expect) window.__bench.sentAt = performance.now();
    return send.call(this, data);
  };
  const listen = WebSocket.prototype.addEventListener;
  WebSocket.prototype.addEventListener = function (type, listener, options) {
    if (type !== 'message') return listen.call(this, type, listener, options);
    return listen.call(this, type, (event) => {
      const b = window.__bench;
      if (b.expect && b.sentAt !== null && b.repliedAt === null && String(event.data).includes(b.expect)) {
        b.repliedAt = performance.now();
      }
      return listener(event);
    }, options);
  };
  // The page's own time in each key event of a scan before its Enter (first capture → last bubble listener on
  // window: the wedge's capture and React's handlers between): what a scanner's keys cost the page's thread.
  let keyEvent = null;
  for (const type of ['keydown', 'keypress', 'beforeinput', 'input', 'keyup']) {
    window.addEventListener(type, () => { keyEvent = { type, at: performance.now() }; }, true);
    window.addEventListener(type, () => {
      const b = window.__bench;
      if (keyEvent && keyEvent.type === type && b.expect && b.enterAt === null) b.keysMs += performance.now() - keyEvent.at;
      keyEvent = null;
    });
  }
  window.addEventListener('keydown', (event) => {
    const b = window.__bench;
    if (!b.expect) return;
    if (event.key === 'Enter') b.enterAt = performance.now();
    else if (event.key.length === 1) b.lastCharAt = performance.now();
  }, true);
  new MutationObserver(() => {
    const b = window.__bench;
    if (!b.expect || b.enterAt === null) return;
    const token = document.querySelector('[data-testid="verdict-token"]');
    const stale = document.querySelector('.verdict--stale');
    if (!token || stale || !token.textContent.includes(b.expect)) return;
    const domAt = performance.now();
    const { enterAt, sentAt, repliedAt, lastCharAt, keysMs } = b;
    b.expect = null;
    requestAnimationFrame(() =>
      b.results.push({
        dom: domAt - enterAt,
        frame: performance.now() - enterAt,
        toSend: sentAt - enterAt,
        engine: repliedAt - sentAt,
        render: domAt - Math.max(repliedAt, enterAt),
        repliedBeforeEnter: repliedAt < enterAt,
        suffixGap: enterAt - lastCharAt,
        keys: keysMs,
      }),
    );
  }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
`;

export interface Timings {
  /** Enter → the verdict in the DOM, → the next frame (on screen). */
  dom: number;
  frame: number;
  /**
   * Enter → lookup sent (negative: sent before Enter, at the QR payload's last character); sent → engine's reply;
   * reply, or Enter when the reply came first, → verdict in the DOM.
   */
  toSend: number;
  engine: number;
  render: number;
  repliedBeforeEnter: boolean;
  /** The last character → Enter, as the page got them: the head start of a lookup sent at that character. */
  suffixGap: number;
  /** The page's time in the scan's key events before Enter (the keys it lets through; stopped ones end early). */
  keys: number;
}

interface ScanOptions {
  /** Idle time between scans, so each is measured from an idle counter rather than on top of the last one's refreshes. */
  pauseMs?: number;
  /** Scanning stops when this turns false (a background load that has ended). */
  whileTrue?: () => boolean;
  /** The suffix right behind the last character (see sendKeystrokes), not a paced key later. */
  suffixAtOnce?: boolean;
}

/** Between two scans: a real customer takes seconds; the screens that refresh after a scan settle meanwhile. */
export const SCAN_PAUSE_MS = 600;

export async function timeScansToVerdict(page: Page, tokens: string[], options: ScanOptions = {}): Promise<Timings[]> {
  const cdp = await page.context().newCDPSession(page);
  await page.evaluate(`window.__bench.results = []`);
  for (const token of tokens) {
    if (options.whileTrue && !options.whileTrue()) break;
    await page.evaluate(
      `Object.assign(window.__bench, { expect: ${JSON.stringify(token)}, enterAt: null, sentAt: null, repliedAt: null, lastCharAt: null, keysMs: 0 })`,
    );
    const strokes = scannerTypes(`PASSCULTURE:v3;TOKEN:${token}`, { scanner: 'us', pc: 'fr', gapMs: 4 });
    await sendKeystrokes(cdp, strokes, { suffixAtOnce: options.suffixAtOnce });
    // A function, not a string: the app's CSP forbids evaluating strings in the page.
    await page
      .waitForFunction(() => (globalThis as unknown as BenchWindow).__bench.expect === null, undefined, {
        timeout: 10_000,
      })
      .catch(async () => {
        // Counted, not hidden: a scan with no verdict in 10 s weighs 10 s in every figure.
        await page.screenshot({ path: '/tmp/bench-fail.png' });
        console.error(`  no verdict for ${token} within 10 s (screenshot: /tmp/bench-fail.png)`);
        const missed = MISSED_MS;
        await page.evaluate(
          `window.__bench.expect = null; window.__bench.results.push({ dom: ${missed}, frame: ${missed}, toSend: ${missed}, engine: ${missed}, render: ${missed}, repliedBeforeEnter: false, suffixGap: 0, keys: 0 })`,
        );
      });
    // A real customer takes seconds: let the screens that refresh after each scan (journal, banner) settle.
    await page.waitForTimeout(options.pauseMs ?? SCAN_PAUSE_MS);
  }
  await cdp.detach();
  return page.evaluate<Timings[]>(`window.__bench.results`);
}

export function line(label: string, samples: number[], target: string): void {
  const s = summary(samples);
  console.log(`  ${label}: median ${ms(s.median)}  p99 ${ms(s.p99)}  (n=${s.n}; target ${target})`);
}

/** The report's lines: what each figure is, which part of a scan's timings it reads, its target. */
const REPORT_LINES: readonly [label: string, pick: (t: Timings) => number, target: string | null][] = [
  ['  on screen (next frame)', (t) => t.frame, null],
  ['  verdict in the DOM    ', (t) => t.dom, '—'],
  ['  Enter → lookup sent (< 0: before Enter)', (t) => t.toSend, '—'],
  ['  engine round trip, sent → reply       ', (t) => t.engine, '≤ 2 ms median'],
  ['  reply (or Enter, if later) → DOM      ', (t) => t.render, '—'],
];

export function report(mode: string, timings: Timings[], target = '16 ms median, 33 ms p99'): void {
  console.log(`  ${mode} — ${loadLine()}:`);
  for (const [label, pick, lineTarget] of REPORT_LINES) line(label, timings.map(pick), lineTarget ?? target);
  const ahead = timings.filter((t) => t.toSend < 0).length;
  const answered = timings.filter((t) => t.repliedBeforeEnter).length;
  const gap = summary(timings.map((t) => t.suffixGap));
  const keys = summary(timings.map((t) => t.keys));
  console.log(
    `    lookup sent before Enter: ${ahead} of ${timings.length}; answered before Enter: ${answered}; ` +
      `last character → Enter as the page got them: median ${ms(gap.median)}, p99 ${ms(gap.p99)}`,
  );
  console.log(
    `    the page's time in the scan's key events before Enter: median ${ms(keys.median)}, p99 ${ms(keys.p99)}`,
  );
}

/** Runs `measure`, with Chromium's CPU profile of the page written to BENCH_PAGE_PROFILE when it is set. */
export async function profiled<T>(page: Page, name: string, measure: () => Promise<T>): Promise<T> {
  if (!PAGE_PROFILE_DIR) return measure();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  try {
    return await measure();
  } finally {
    const { profile } = await cdp.send('Profiler.stop');
    fs.mkdirSync(PAGE_PROFILE_DIR, { recursive: true });
    fs.writeFileSync(path.join(PAGE_PROFILE_DIR, `${name}.cpuprofile`), JSON.stringify(profile));
    await cdp.detach();
  }
}

/**
 * BENCH_PAGE_SLOWDOWN=<n>: the page's thread slowed n times (Chromium's CPU throttling), as on a counter PC slower
 * than this machine; the engine and the platform keep their speed.
 */
const PAGE_SLOWDOWN = Number(process.env.BENCH_PAGE_SLOWDOWN ?? 1);

/**
 * BENCH_SCREEN=<width>x<height>[@<scale %>]: the counter's screen, e.g. 1366x768@125. The page gets the CSS viewport
 * of that screen at that display scale (1366×768 at 125 % is 1093×614 CSS pixels, as the layout tests use) and
 * draws at that scale, so painting and compositing cost what they cost there. Without it: Playwright's page,
 * 1280×720 at 100 %, the figures of earlier sessions.
 */
export const SCREEN = parseScreen(process.env.BENCH_SCREEN);

function parseScreen(text: string | undefined): { width: number; height: number; scale: number } | null {
  if (text === undefined || text === '') return null;
  const match = /^(\d{3,4})x(\d{3,4})(?:@(\d{2,3}))?$/.exec(text);
  if (!match) throw new Error(`BENCH_SCREEN=${text}: expected <width>x<height>[@<scale %>], e.g. 1366x768@125`);
  const scale = Number(match[3] ?? 100) / 100;
  return {
    width: Math.round(Number(match[1]) / scale),
    height: Math.round(Number(match[2]) / scale),
    scale,
  };
}

/** How the page runs, for the report's heading ('' at full speed on Playwright's page). */
export const pageSpeedNote =
  (PAGE_SLOWDOWN > 1 ? `, the page's CPU slowed ${PAGE_SLOWDOWN}×` : '') +
  (SCREEN ? `, screen ${process.env.BENCH_SCREEN} (${SCREEN.width}×${SCREEN.height} CSS px)` : '');

/** A bench page on the counter, warmed up (JIT, connections) with the first tokens of `warm`. */
export async function openCounterPage(browser: Browser, url: string, warm: string[]): Promise<Page> {
  const page = await browser.newPage(
    SCREEN ? { viewport: { width: SCREEN.width, height: SCREEN.height }, deviceScaleFactor: SCREEN.scale } : undefined,
  );
  await page.addInitScript(MEASURE_SCRIPT);
  if (PAGE_SLOWDOWN > 1) {
    // Kept while this session stays attached, i.e. as long as the page.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: PAGE_SLOWDOWN });
  }
  await page.goto(url);
  await page.getByTestId('code-input').waitFor();
  await timeScansToVerdict(page, warm);
  return page;
}

/** New confirmed bookings on the platform, put in the counter's mirror by a lookup each (as a scan would). */
export async function mirroredBookings(sandboxUrl: string, counter: CounterProcess, count: number): Promise<string[]> {
  const tokens: string[] = [];
  for (let i = 0; i < count; i++) tokens.push((await addSandboxBooking(sandboxUrl)).token);
  for (const token of tokens) {
    const verdict = await counter.dispatch('counter.lookup', { text: token });
    if (!verdict.ok) throw new Error(`lookup failed: ${verdict.error.message}`);
  }
  return tokens;
}
