/**
 * `npm run bench:sync-lag`: how long the engine's event loop is blocked while a full sync of a season (100,000
 * bookings, 2,030 séances) runs — a blocked loop is a scan waiting (issue 13: background work never sits on the
 * scan path). The engine runs in this process (the platform, the sandbox, in its own, as the real one is on another
 * machine); during the sync it measures:
 *   - the event loop's delay (perf_hooks.monitorEventLoopDelay): max and p99 (target: max ≤ 50 ms);
 *   - a lookup of a mirrored booking every ~50 ms through the typed in-process client, each timed from when it
 *     was due;
 *   - a validation of a fresh booking (looked up first, as a cashier presses Enter on a green verdict) every
 *     ~500 ms, against the same validations before the sync: each commits durably, and that commit flushes what the
 *     sync wrote to the WAL since the last one; with the WAL file's largest size;
 *   - the events the sync sends, serialised as the hosts do (the engine's process pays for it too).
 * BENCH_NO_SERIALISE=1 leaves the events unserialised. BENCH_BOOKINGS=<n> changes the season's size; run with `node --cpu-prof` (see package.json) to see the long tasks.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createCore } from '../electron/core';
import { createFileLogger } from '../electron/host/logger';
import { ANY_SEANCE_WINDOW } from '../shared/seanceWindow';
import { addSandboxBooking } from '../tests/support/sandboxControl';
import { loadLine, startSandboxProcess } from './benchProcesses';
import { ms, summary } from './stats';

const SEASON = { films: 58, seancesPerDay: 5, days: 7, bookings: Number(process.env.BENCH_BOOKINGS ?? 100_000) };
const LOOKUP_EVERY_MS = 50;
const TOKENS = 20;
const VALIDATE_EVERY_MS = 500;
/** Validations before the sync (the baseline) and at most during it. */
const IDLE_VALIDATIONS = 20;
const SYNC_VALIDATIONS = 80;

async function main(): Promise<void> {
  const sandbox = await startSandboxProcess({ programme: SEASON });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'guichet-bench-'));
  const core = await createCore({
    dataDir,
    platform: { baseUrl: sandbox.url, apiKey: sandbox.apiKey },
    mode: 'live',
    counterName: 'Banc',
    // The product's level, to a file, as the hosts log.
    logger: createFileLogger(path.join(dataDir, 'logs'), 'info'),
    rateLimitPerMinute: 1_000_000,
    backgroundShare: 1, // the whole budget to sync: the heaviest load it can be
    syncPeriodMs: 0,
    seanceWindow: ANY_SEANCE_WINDOW,
    printer: { defaultSpec: { kind: 'none' } },
  });
  try {
    // A few bookings this counter has seen (mirrored with their token), looked up again during the sync.
    const tokens: string[] = [];
    for (let i = 0; i < TOKENS; i++) tokens.push((await addSandboxBooking(sandbox.url)).token);
    for (const token of tokens) await core.call('counter.lookup', { text: token });
    // Bookings to validate, each looked up first as on a counter (its green verdict is on screen).
    const toValidate: string[] = [];
    for (let i = 0; i < IDLE_VALIDATIONS + SYNC_VALIDATIONS; i++) {
      const { token } = await addSandboxBooking(sandbox.url);
      await core.call('counter.lookup', { text: token });
      toValidate.push(token);
    }
    const validate = async (): Promise<number> => {
      const start = performance.now();
      await core.call('counter.validate', { token: toValidate.pop()! });
      return performance.now() - start;
    };
    const idleValidations: number[] = [];
    for (let i = 0; i < IDLE_VALIDATIONS; i++) {
      idleValidations.push(await validate());
      await new Promise((resolve) => setTimeout(resolve, 50));
    }

    // A listener as the hosts have one (browser mode's WebSocket, Electron's IPC serialise every event): each event
    // turned into JSON, the time it took noted.
    const serialised: { name: string; ms: number; bytes: number }[] = [];
    // BENCH_NO_SERIALISE=1: the listener only notes the events (the engine's own share of the delay).
    const serialise = !process.env.BENCH_NO_SERIALISE;
    core.onEvent((name, payload) => {
      const start = performance.now();
      const bytes = serialise ? JSON.stringify({ event: name, payload }).length : 0;
      serialised.push({ name, ms: performance.now() - start, bytes });
    });
    const delay = monitorEventLoopDelay({ resolution: 10 });
    const lookups: number[] = [];
    let syncing = true;
    const started = performance.now();
    delay.enable();
    // Measured until the sync's bookings.changed has reached the listener (it is sent after the cycle).
    const announced = new Promise<void>((resolve) => {
      const off = core.onEvent((name) => {
        if (name !== 'bookings.changed') return;
        off();
        resolve();
      });
    });
    const sync = core
      .dispatch('sync.now', {})
      .then((envelope) =>
        Promise.race([announced, new Promise((resolve) => setTimeout(resolve, 30_000).unref())]).then(() => envelope),
      )
      .finally(() => (syncing = false));
    // Each lookup timed from when it was due (the end of the previous one + the pause): a blocked loop fires the
    // timer late, and a scan arriving then would wait as long.
    const looking = (async () => {
      for (let i = 0; syncing; i++) {
        const due = performance.now() + LOOKUP_EVERY_MS;
        await new Promise((resolve) => setTimeout(resolve, LOOKUP_EVERY_MS));
        await core.call('counter.lookup', { text: tokens[i % tokens.length]! });
        lookups.push(performance.now() - due);
      }
    })();
    // Validations beside the lookups, as a second cashier would make them; and the WAL's size as they go.
    const syncValidations: number[] = [];
    let walBytes = 0;
    const wal = path.join(dataDir, 'guichet.sqlite-wal');
    while (syncing && toValidate.length > 0) {
      await new Promise((resolve) => setTimeout(resolve, VALIDATE_EVERY_MS));
      if (!syncing) break;
      syncValidations.push(await validate());
      walBytes = Math.max(walBytes, fs.statSync(wal, { throwIfNoEntry: false })?.size ?? 0);
    }
    await looking;
    const synced = await sync;
    delay.disable();
    const syncMs = performance.now() - started;
    const l = summary(lookups);
    const rss = process.memoryUsage().rss / 2 ** 20;
    console.log(`Full sync while looking up (${loadLine()})`);
    console.log(
      `  full sync of ${SEASON.bookings.toLocaleString('en')} bookings: ${(syncMs / 1000).toFixed(1)} s ` +
        `(${synced.ok ? 'done' : `failed: ${synced.error.message}`}), RSS after it ${rss.toFixed(0)} MB`,
    );
    console.log(
      `  event-loop delay during it: max ${ms(delay.max / 1e6)}, p99 ${ms(delay.percentile(99) / 1e6)}, ` +
        `mean ${ms(delay.mean / 1e6)} (target max ≤ 50 ms)`,
    );
    console.log(
      `  ${l.n} lookups of a mirrored booking, one every ${LOOKUP_EVERY_MS} ms: median ${ms(l.median)}, ` +
        `p99 ${ms(l.p99)}, max ${ms(Math.max(...lookups))} (from when each was due)`,
    );
    const vi = summary(idleValidations);
    const vs = summary(syncValidations);
    console.log(
      `  ${vs.n} validations, one every ${VALIDATE_EVERY_MS} ms: median ${ms(vs.median)}, p99 ${ms(vs.p99)}, ` +
        `max ${ms(Math.max(...syncValidations))} (before the sync: median ${ms(vi.median)}, p99 ${ms(vi.p99)})`,
    );
    console.log(`  WAL file at most ${(walBytes / 2 ** 20).toFixed(0)} MB during the sync`);
    const big = serialised.filter((e) => e.name.startsWith('bookings.'));
    for (const e of big) {
      console.log(`  event ${e.name}: ${(e.bytes / 2 ** 20).toFixed(1)} MB of JSON, serialised in ${ms(e.ms)}`);
    }
  } finally {
    await core.close();
    await sandbox.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
