/**
 * `npm run bench:scanner` (a benchmark, not a test). Two figures:
 * 1. Decoding cost per scan: the whole keyboard-wedge pipeline the renderer runs (bursts, rhythm, repeats, five
 *    readings, grammar, decision) for a mix of scans, in Node and in Chromium (same code, bundled). Target ≤ 1 ms.
 * 2. Suffix key → verdict on screen, in Chromium through browser mode: a US scanner on an AZERTY PC scans the QR
 *    code of a booking already in the local mirror; timed from the page receiving Enter to the first animation
 *    frame after the verdict for that token is in the DOM. Target: one frame (16 ms). Measured online (the
 *    platform, here the sandbox on 127.0.0.1, is asked) and offline (the verdict comes from the mirror), in
 *    Chromium launched with the Electron host's switches (what the product runs) and with Chromium's defaults
 *    (browser mode in any browser, where DeferRendererTasksAfterInput holds the reply until a frame is drawn).
 * Needs the built renderer (`npm run build:renderer`) and Debian's Chromium.
 */
import { build } from 'esbuild';
import type { Page } from 'playwright-core';
import type { Keystroke } from '../shared/scanner/keystroke';
import { createWedgeScanner } from '../shared/scanner/wedgeScanner';
import { chromiumSwitchArgs } from '../electron/chromiumSwitches';
import { launchChromium } from '../tests/support/chromium';
import { startCounter, REPO_ROOT } from '../tests/support/counterUnderTest';
import { addSandboxBooking, setFaults } from '../tests/support/sandboxControl';
import { sendKeystrokes } from '../tests/unit/scanner/cdpKeystrokes';
import { scannerTypes } from '../tests/unit/scanner/keystrokeStreams';
import { ms, summary } from './stats';

const DECODE_ROUNDS = Number(process.env.BENCH_DECODE_ROUNDS ?? 20_000);
const SCANS_PER_MODE = Number(process.env.BENCH_SCANS ?? 40);
const CHROMIUM_BATCH = 20;

/** The scans decoded: a QR payload and bare codes, from scanners set to each layout on an AZERTY PC. */
function sampleStreams(): Keystroke[][] {
  const streams: Keystroke[][] = [];
  for (const scanner of ['us', 'fr', 'be', 'de'] as const) {
    streams.push(scannerTypes('PASSCULTURE:v3;TOKEN:HATLVF', { scanner, pc: 'fr' }));
    streams.push(scannerTypes(']Q1PASSCULTURE:v3;TOKEN:352UW4', { scanner, pc: 'fr' }));
    streams.push(scannerTypes('HATLVF', { scanner, pc: 'fr' }));
    streams.push(scannerTypes('3760123456789', { scanner, pc: 'fr' }));
  }
  return streams;
}

/** Decodes `rounds` scans, one scanner per scan (so no repeat is skipped); returns ms per scan. */
function timeDecoding(streams: Keystroke[][], rounds: number, now: () => number): number[] {
  const samples: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const strokes = streams[i % streams.length]!;
    const scanner = createWedgeScanner({ knownSources: () => (i % 2 === 0 ? ['us'] : null) });
    const start = now();
    let decided = 0;
    for (const stroke of strokes) decided += scanner.push(stroke, 'text').bursts.length;
    samples.push(now() - start);
    if (decided !== 1) throw new Error('a sample stream did not end in one burst');
  }
  return samples;
}

/** The same decoding inside Chromium: the modules bundled by esbuild and run in a blank page. */
async function timeDecodingInChromium(page: Page): Promise<number[]> {
  const bundle = await build({
    stdin: {
      // The same pipeline and streams as in Node (sampleStreams/timeDecoding above, written out again: a
      // function's source text is not portable across bundlers).
      contents: `
        import { createWedgeScanner } from './shared/scanner/wedgeScanner';
        import { scannerTypes } from './tests/unit/scanner/keystrokeStreams';
        const streams = [];
        for (const scanner of ['us', 'fr', 'be', 'de']) {
          streams.push(scannerTypes('PASSCULTURE:v3;TOKEN:HATLVF', { scanner, pc: 'fr' }));
          streams.push(scannerTypes(']Q1PASSCULTURE:v3;TOKEN:352UW4', { scanner, pc: 'fr' }));
          streams.push(scannerTypes('HATLVF', { scanner, pc: 'fr' }));
          streams.push(scannerTypes('3760123456789', { scanner, pc: 'fr' }));
        }
        // The page's clock is coarse (0.1 ms): scans are timed in batches, each sample a batch's mean.
        globalThis.benchDecoding = (rounds, batch) => {
          const samples = [];
          for (let i = 0; i < rounds; i += batch) {
            const scanners = [];
            for (let j = 0; j < batch; j++) {
              scanners.push(createWedgeScanner({ knownSources: () => ((i + j) % 2 === 0 ? ['us'] : null) }));
            }
            const start = performance.now();
            for (let j = 0; j < batch; j++) {
              for (const stroke of streams[(i + j) % streams.length]) scanners[j].push(stroke, 'text');
            }
            samples.push((performance.now() - start) / batch);
          }
          return samples;
        };
      `,
      resolveDir: REPO_ROOT,
      loader: 'ts',
    },
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    logLevel: 'silent',
  });
  await page.setContent('<!doctype html><title>bench</title>');
  await page.addScriptTag({ content: bundle.outputFiles[0]!.text });
  await page.evaluate(`benchDecoding(2000, ${CHROMIUM_BATCH})`); // warm-up
  return page.evaluate<number[]>(`benchDecoding(${DECODE_ROUNDS}, ${CHROMIUM_BATCH})`);
}

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
  window.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && window.__bench.expect) window.__bench.enterAt = performance.now();
  }, true);
  new MutationObserver(() => {
    const b = window.__bench;
    if (!b.expect || b.enterAt === null) return;
    const token = document.querySelector('[data-testid="verdict-token"]');
    const stale = document.querySelector('.verdict--stale');
    if (!token || stale || !token.textContent.includes(b.expect)) return;
    const domAt = performance.now();
    const { enterAt, sentAt, repliedAt } = b;
    b.expect = null;
    requestAnimationFrame(() =>
      b.results.push({
        dom: domAt - enterAt,
        frame: performance.now() - enterAt,
        toSend: sentAt - enterAt,
        engine: repliedAt - sentAt,
        render: domAt - repliedAt,
      }),
    );
  }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
`;

interface Timings {
  /** Enter → the verdict in the DOM, → the next frame (on screen). */
  dom: number;
  frame: number;
  /** Enter → lookup sent; sent → engine's reply; reply → verdict in the DOM. */
  toSend: number;
  engine: number;
  render: number;
}

async function timeScansToVerdict(page: Page, tokens: string[]): Promise<Timings[]> {
  const cdp = await page.context().newCDPSession(page);
  await page.evaluate(`window.__bench.results = []`);
  for (const token of tokens) {
    await page.evaluate(
      `Object.assign(window.__bench, { expect: ${JSON.stringify(token)}, enterAt: null, sentAt: null, repliedAt: null })`,
    );
    await sendKeystrokes(cdp, scannerTypes(`PASSCULTURE:v3;TOKEN:${token}`, { scanner: 'us', pc: 'fr', gapMs: 4 }));
    // A function, not a string: the app's CSP forbids evaluating strings in the page.
    await page
      .waitForFunction(() => (globalThis as unknown as BenchWindow).__bench.expect === null, undefined, {
        timeout: 10_000,
      })
      .catch(async (error: unknown) => {
        await page.screenshot({ path: '/tmp/bench-fail.png' });
        console.error('no verdict for', token);
        throw error;
      });
    // A real customer takes seconds: let the screens that refresh after each scan (journal, demo list, banner)
    // settle, so each scan is measured from an idle counter rather than on top of the previous one's refreshes.
    await page.waitForTimeout(600);
  }
  return page.evaluate<Timings[]>(`window.__bench.results`);
}

function line(label: string, samples: number[], target: string): void {
  const s = summary(samples);
  console.log(`  ${label}: median ${ms(s.median)}  p99 ${ms(s.p99)}  (n=${s.n}; target ${target})`);
}

function report(mode: string, timings: Timings[]): void {
  console.log(`  ${mode}:`);
  line(
    '  on screen (next frame)',
    timings.map((t) => t.frame),
    '16 ms',
  );
  line(
    '  verdict in the DOM    ',
    timings.map((t) => t.dom),
    '—',
  );
  line(
    '  of which Enter → lookup sent',
    timings.map((t) => t.toSend),
    '—',
  );
  line(
    '  of which engine round trip  ',
    timings.map((t) => t.engine),
    '—',
  );
  line(
    '  of which reply → DOM        ',
    timings.map((t) => t.render),
    '—',
  );
}

async function main(): Promise<void> {
  const node = timeDecoding(sampleStreams(), 2000, () => performance.now()); // warm-up
  void node;
  console.log(
    `Scanner decoding, per scan (${DECODE_ROUNDS} scans: QR, prefixed QR, bare code, EAN; 4 scanner layouts)`,
  );
  line(
    'Node',
    timeDecoding(sampleStreams(), DECODE_ROUNDS, () => performance.now()),
    '≤ 1 ms',
  );

  const counter = await startCounter({ web: true });
  try {
    const blank = await (await launchChromium()).newPage();
    line(`Chromium (means of batches of ${CHROMIUM_BATCH})`, await timeDecodingInChromium(blank), '≤ 1 ms');
    await blank.context().browser()?.close();

    const tokens: string[] = [];
    for (let i = 0; i < SCANS_PER_MODE * 4; i++) tokens.push((await addSandboxBooking(counter.sandbox.url)).token);
    // Into the local mirror first: one lookup each, as a cashier or the sync would have done.
    for (const token of tokens) await counter.core.dispatch('counter.lookup', { text: token });

    const browsers = [
      {
        label: 'Chromium as the Electron host runs it (its switches, see electron/chromiumSwitches.ts)',
        args: chromiumSwitchArgs(),
      },
      { label: "Chromium with its defaults (browser mode in the cashier's own browser)", args: [] },
    ];
    for (const [index, { label, args }] of browsers.entries()) {
      const mine = tokens.slice(index * SCANS_PER_MODE * 2, (index + 1) * SCANS_PER_MODE * 2);
      const online = mine.slice(0, SCANS_PER_MODE);
      const offline = mine.slice(SCANS_PER_MODE);
      await setFaults(counter.sandbox.url, { outage: false });
      await counter.core.dispatch('sync.now', {}); // back online
      const browser = await launchChromium(args);
      try {
        const page = await browser.newPage();
        await page.addInitScript(MEASURE_SCRIPT);
        await page.goto(counter.web!.url);
        await page.getByTestId('code-input').waitFor();
        await timeScansToVerdict(page, online.slice(0, 3)); // warm-up (JIT, connections)

        console.log(
          `\nSuffix key (Enter) → verdict on screen, ${label}, booking in the local mirror (${SCANS_PER_MODE} scans)`,
        );
        report('online (the platform is asked)', await timeScansToVerdict(page, online));

        await setFaults(counter.sandbox.url, { outage: 'reset' });
        await timeScansToVerdict(page, offline.slice(0, 3)); // the counter notices it is offline
        report('offline (the verdict comes from the mirror)', await timeScansToVerdict(page, offline.slice(3)));
      } finally {
        await browser.close();
      }
    }
  } finally {
    await counter.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
