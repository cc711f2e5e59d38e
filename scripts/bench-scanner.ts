/**
 * `npm run bench:scanner` (a benchmark, not a test). Three figures:
 * 1. Decoding cost per scan: the whole keyboard-wedge pipeline the renderer runs (bursts, rhythm, repeats, five
 *    readings, grammar, decision) for a mix of scans, in Node and in Chromium (same code, bundled). Target ≤ 1 ms.
 * 2. Suffix key → verdict on screen, in Chromium through browser mode: a US scanner on an AZERTY PC scans the QR
 *    code of a booking already in the local mirror; timed from the page receiving Enter to the first animation
 *    frame after the verdict for that token is in the DOM. Target: one frame (16 ms median, 33 ms p99). Measured
 *    online (the platform, here the sandbox, answers; then again with the suffix right behind the last character:
 *    the QR code's lookup, sent at that character, has next to no head start, where the keys CDP paces otherwise
 *    come about 10 ms apart) and offline (it does not), in Chromium launched with the
 *    Electron host's switches (what the product runs) and with Chromium's defaults (browser mode in any browser,
 *    where DeferRendererTasksAfterInput holds the reply until a frame is drawn).
 * 3. Under load (target p99 ≤ 50 ms): the same scans while a full sync of 100,000 bookings (2,030 séances) runs,
 *    and while the print queue prints one slip after another: on a printer that prints a slip the moment it has
 *    it (the engine's own limit, about a hundred times a counter's pace), then on one that feeds paper at 250 mm/s
 *    like a receipt printer (BENCH_SKIP_LOAD=1 skips these, BENCH_ONLY_LOAD=1 runs only them, BENCH_ONLY_PRINT=1
 *    only the printing ones).
 * As the product runs them, the engine (with its browser-mode host and a log file at info level) and the platform
 * (the sandbox) each have their own process (benchProcesses.ts); this one only drives Chromium and times.
 * The engine round trip comes with its floor, measured in the same Chromium: a bare WebSocket host that answers
 * at once (wsFloor.ts), with the scans' pause between its round trips (after a pause, everything on this VM wakes
 * up slowly: the floor back to back is printed beside it). Every figure comes with the machine's load average: the machine may be shared.
 * Needs the built renderer (`npm run build:renderer`) and Debian's Chromium.
 * BENCH_SCANS (100) scans per figure; BENCH_DEFAULTS=0 skips Chromium's defaults; BENCH_PAGE_SLOWDOWN=<n> slows the
 * page's thread n times (a slower counter PC, Chromium's CPU throttling); BENCH_PAGE_PROFILE=<dir> writes
 * the page's CPU profile of each figure (Chromium's profiler) there, BENCH_ENGINE_PROFILE=<dir> the engine's;
 * BENCH_SCREEN=<width>x<height>[@<scale %>] gives the page a counter's screen (benchScanTiming.ts).
 */
import { chromiumSwitchArgs } from '../electron/chromiumSwitches';
import { launchChromium } from '../tests/support/chromium';
import { startFakePrinter, type FakePrinter } from '../tests/support/fakePrinter';
import { setFaults } from '../tests/support/sandboxControl';
import type { Page } from 'playwright-core';
import { loadLine, startCounterProcess, startSandboxProcess, type CounterProcess } from './benchProcesses';
import {
  CHROMIUM_BATCH,
  DECODE_ROUNDS,
  sampleStreams,
  timeDecoding,
  timeDecodingInChromium,
} from './benchScanDecoding';
import {
  line,
  mirroredBookings,
  openCounterPage,
  pageSpeedNote,
  profiled,
  report,
  SCAN_PAUSE_MS,
  timeScansToVerdict,
  WARM,
} from './benchScanTiming';
import { ms, summary } from './stats';
import { timeBareWebSocket } from './wsFloor';

const SCANS = Number(process.env.BENCH_SCANS ?? 100);

async function idleCounter(): Promise<void> {
  const sandbox = await startSandboxProcess();
  const counter = await startCounterProcess({
    platform: { baseUrl: sandbox.url, apiKey: sandbox.apiKey },
    web: true,
    rateLimitPerMinute: 1_000_000,
  });
  try {
    const browsers = [
      {
        label: 'Chromium as the Electron host runs it (its switches, see electron/chromiumSwitches.ts)',
        name: 'host',
        args: chromiumSwitchArgs(),
      },
      ...(process.env.BENCH_DEFAULTS === '0'
        ? []
        : [
            {
              label: "Chromium with its defaults (browser mode in the cashier's own browser)",
              name: 'defaults',
              args: [],
            },
          ]),
    ];
    const tokens = await mirroredBookings(sandbox.url, counter, browsers.length * 3 * (SCANS + WARM));
    for (const { label, name, args } of browsers) {
      const online = tokens.splice(0, SCANS + WARM);
      const atOnce = tokens.splice(0, SCANS + WARM);
      const offline = tokens.splice(0, SCANS + WARM);
      await setFaults(sandbox.url, { outage: false });
      await counter.dispatch('sync.now', {}); // back online
      const browser = await launchChromium(args);
      try {
        const floor = summary(await timeBareWebSocket(browser, SCANS, SCAN_PAUSE_MS));
        const backToBack = summary(await timeBareWebSocket(browser, SCANS, 30));
        const page = await openCounterPage(browser, counter.url!, online.slice(0, WARM));
        console.log(`\nSuffix key (Enter) → verdict on screen, ${label}${pageSpeedNote}, booking in the local mirror`);
        console.log(
          `  floor under the engine round trip, this Chromium to a bare WebSocket host answering at once ` +
            `(wsFloor.ts), ${SCAN_PAUSE_MS} ms apart as the scans: median ${ms(floor.median)}  p99 ${ms(floor.p99)}` +
            ` (30 ms apart: median ${ms(backToBack.median)}  p99 ${ms(backToBack.p99)})`,
        );
        report(
          'online (pass Culture answers)',
          await profiled(page, `${name}-online`, () => timeScansToVerdict(page, online.slice(WARM))),
        );
        // A scanner sending 1–2 ms a key: the QR code's lookup, sent at its last character, has no head start.
        await timeScansToVerdict(page, atOnce.slice(0, WARM), { suffixAtOnce: true });
        report(
          'online, the suffix right behind the last character',
          await profiled(page, `${name}-online-at-once`, () =>
            timeScansToVerdict(page, atOnce.slice(WARM), { suffixAtOnce: true }),
          ),
        );
        await setFaults(sandbox.url, { outage: 'reset' });
        await timeScansToVerdict(page, offline.slice(0, WARM)); // the counter notices it is offline
        report(
          'offline (pass Culture unreachable)',
          await profiled(page, `${name}-offline`, () => timeScansToVerdict(page, offline.slice(WARM))),
        );
      } finally {
        await browser.close();
      }
    }
  } finally {
    await counter.close();
    await sandbox.close();
  }
}

/** Between scans during the sync (the other cases leave the screens 600 ms to settle). */
const SYNC_SCAN_PAUSE_MS = 250;

/** A season: 58 films × 5 séances a day × 7 days (2,030 séances) and 100,000 bookings. */
const SEASON = { films: 58, seancesPerDay: 5, days: 7, bookings: 100_000 };

/** Scans while a full sync of the season runs: every booking listed, the programme, the statuses, as on a first start. */
async function scansDuringSync(page: Page, counter: CounterProcess, tokens: string[]): Promise<void> {
  const syncStart = performance.now();
  let syncing = true;
  const sync = counter.dispatch('sync.now', {}).finally(() => (syncing = false));
  const during = await profiled(page, 'load-sync', () =>
    // A scan every 250 ms or so (a quick cashier), so the sync's 15–25 s give 40–80 samples: a p99 of 12 would be
    // its maximum.
    timeScansToVerdict(page, tokens, { whileTrue: () => syncing, pauseMs: SYNC_SCAN_PAUSE_MS }),
  );
  const synced = await sync;
  const syncMs = performance.now() - syncStart;
  const rss = (await counter.memory()).rss / 1024 / 1024;
  console.log(
    `\nUnder load, Chromium with the host's switches${pageSpeedNote}, booking in the local mirror (target p99 ≤ 50 ms)` +
      `\n  full sync of ${SEASON.bookings.toLocaleString('en')} bookings and 2,030 séances: ` +
      `${(syncMs / 1000).toFixed(1)} s (${synced.ok ? 'done' : 'failed'}), engine RSS after it ${rss.toFixed(0)} MB`,
  );
  report(`while the sync runs (${during.length} scans during it)`, during, 'p99 ≤ 50 ms');
}

/** A thermal head at 250 mm/s feeds a line of 4.23 mm (1/6 inch) in about 17 ms. */
const PACED_MS_PER_LINE = 17;

async function usePrinter(counter: CounterProcess, spec: string): Promise<void> {
  const current = await counter.dispatch('printer.settings.get', {});
  if (!current.ok) throw new Error(`printer settings: ${current.error.message}`);
  const { settings } = current.value as { settings: Record<string, unknown> };
  const set = await counter.dispatch('printer.settings.set', { ...settings, printer: spec });
  if (!set.ok) throw new Error(`printer settings: ${set.error.message}`);
}

/**
 * Scans while reprints keep three slips waiting, so the queue never runs dry; the feeding itself costs the engine
 * one call per slip (the fake printer counts what it received).
 */
async function scansWhilePrinting(
  page: Page,
  counter: CounterProcess,
  printer: FakePrinter,
  validated: readonly number[],
  tokens: string[],
  pace: string,
  profileName: string,
): Promise<void> {
  let printing = true;
  let requested = printer.jobs.length;
  const feeder = (async () => {
    for (let i = 0; printing; i++) {
      if (requested - printer.jobs.length < 3) {
        await counter.dispatch('printer.reprint', { ledgerId: validated[i % validated.length]! });
        requested += 1;
      } else await new Promise((resolve) => setTimeout(resolve, 10));
    }
  })();
  const printedBefore = printer.jobs.length;
  const printStart = performance.now();
  const whilePrinting = await profiled(page, profileName, () => timeScansToVerdict(page, tokens));
  const printedMs = performance.now() - printStart;
  printing = false;
  await feeder;
  const printed = printer.jobs.length - printedBefore;
  // A failed slip would stall the feeding (it counts what the printer received): said, never hidden.
  const status = await counter.dispatch('printer.status', {});
  const failed = status.ok ? (status.value as { failedJobs: number }).failedJobs : NaN;
  report(
    `while the print queue prints ${pace} (${printed} slips in ${(printedMs / 1000).toFixed(0)} s, one every ` +
      `${(printedMs / Math.max(1, printed)).toFixed(0)} ms${failed === 0 ? '' : `; ${failed} failed`})`,
    whilePrinting,
    'p99 ≤ 50 ms',
  );
}

async function underLoad(): Promise<void> {
  const sandbox = await startSandboxProcess({ programme: SEASON });
  const printer = await startFakePrinter();
  const counter = await startCounterProcess({
    platform: { baseUrl: sandbox.url, apiKey: sandbox.apiKey },
    web: true,
    rateLimitPerMinute: 1_000_000,
    // The whole budget to sync: the heaviest load it can be (the application gives it half of 200 a minute).
    backgroundShare: 1,
    printer: { kind: 'tcp', host: '127.0.0.1', port: printer.port },
  });
  const browser = await launchChromium(chromiumSwitchArgs());
  try {
    const tokens = await mirroredBookings(sandbox.url, counter, 3 * SCANS + WARM + 20);
    const page = await openCounterPage(browser, counter.url!, tokens.splice(0, WARM));

    if (!process.env.BENCH_ONLY_PRINT) await scansDuringSync(page, counter, tokens.splice(0, SCANS));

    // 2. The print queue printing one slip after another: the validations' slips, then reprints kept queued.
    const validated: number[] = [];
    for (const token of tokens.splice(0, 20)) {
      const validation = await counter.dispatch('counter.validate', { token });
      if (!validation.ok) throw new Error(`validation failed: ${validation.error.message}`);
      validated.push((validation.value as { ledgerId: number }).ledgerId);
    }
    // First with a printer that prints each slip the moment it has it: the queue then runs as fast as the engine
    // can send, about a hundred times a counter's pace, a stress test of the engine.
    await scansWhilePrinting(
      page,
      counter,
      printer,
      validated,
      tokens.splice(0, SCANS),
      'as fast as the engine sends',
      'load-print',
    );
    // Then at a receipt printer's pace (250 mm/s of paper), the queue never empty: an evening's worst case.
    const paced = await startFakePrinter({ msPerLine: PACED_MS_PER_LINE });
    try {
      await usePrinter(counter, paced.spec);
      await scansWhilePrinting(
        page,
        counter,
        paced,
        validated,
        tokens.splice(0, SCANS),
        'at 250 mm/s of paper',
        'load-print-paced',
      );
    } finally {
      await paced.close();
    }
  } finally {
    await browser.close();
    await counter.close();
    await sandbox.close();
    await printer.close();
  }
}

async function main(): Promise<void> {
  const node = timeDecoding(sampleStreams(), 2000, () => performance.now()); // warm-up
  void node;
  console.log(
    `Scanner decoding, per scan (${DECODE_ROUNDS} scans: QR, prefixed QR, bare code, EAN; 4 scanner layouts) — ${loadLine()}`,
  );
  line(
    'Node',
    timeDecoding(sampleStreams(), DECODE_ROUNDS, () => performance.now()),
    '≤ 1 ms',
  );
  const blank = await (await launchChromium()).newPage();
  line(`Chromium (means of batches of ${CHROMIUM_BATCH})`, await timeDecodingInChromium(blank), '≤ 1 ms');
  await blank.context().browser()?.close();

  if (!process.env.BENCH_ONLY_LOAD && !process.env.BENCH_ONLY_PRINT) await idleCounter();
  if (!process.env.BENCH_SKIP_LOAD) await underLoad();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
