/**
 * `npm run bench`: the app's own overhead per validation (lookup + use through the contract, ledger writes
 * included) against the sandbox at zero latency, compared with the bare HTTP round trips alone (the same
 * GET + PATCH with undici's `request` on a keep-alive pool, the client the app uses; and with the global fetch, the
 * baseline of earlier figures), measured in one run on fresh bookings, interleaved so machine noise hits all alike.
 * Prints medians, p99, their differences (targets: ≤ 1 ms median, ≤ 3 ms p99), the CPU time of each round, and
 * the floors the disk sets in the same run: one durable commit (WAL, synchronous = FULL) — a validation needs one —
 * and a round's own writes through the engine's stores, without HTTP.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setImmediate as setImmediatePromise } from 'node:timers/promises';
import Database from 'better-sqlite3';
import pino from 'pino';
import { Agent, request } from 'undici';
import { ANY_SEANCE_WINDOW } from '../shared/seanceWindow';
import { createCore } from '../electron/core';
import { openStores } from '../electron/core/db/stores';
import { startSandbox } from '../electron/sandbox';
import { loadLine } from './benchProcesses';
import { ms, summary } from './stats';
import { addSandboxBooking } from '../tests/support/sandboxControl';
import { platformBooking } from '../tests/support/platformBooking';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 300);
/**
 * The paced series: a cashier presses Enter after reading the verdict, not the moment it appears. On this VM anything
 * left idle for 5 ms or more (the disk's journal, the CPU's caches) is slower to wake: a durable commit costs about
 * twice its back-to-back time. So the same rounds are also measured with this pause between the lookup and its
 * validation (and between the bare GET and PATCH), fewer of them: each takes two pauses.
 */
const PACED_ROUNDS = Number(process.env.BENCH_PACED_ROUNDS ?? 80);
const READ_MS = 100;
const pause = (msToWait: number) => new Promise((resolve) => setTimeout(resolve, msToWait));
/** Two turns of the event loop: the engine's work queued behind its last answer (uploader.ts) has run. */
const afterReply = async () => {
  await setImmediatePromise();
  await setImmediatePromise();
};

/**
 * One durable commit of two small rows, as a validation's (ledger + queue), on the same disk: the floor. Back to back,
 * or each `pauseMs` after the last (the paced series' floor).
 */
async function durableCommits(dir: string, rounds: number, pauseMs = 0): Promise<number[]> {
  const db = new Database(path.join(dir, `floor-${pauseMs}.sqlite`));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE a (id INTEGER PRIMARY KEY, v TEXT); CREATE TABLE b (id INTEGER PRIMARY KEY, v TEXT)');
  const a = db.prepare('INSERT INTO a (v) VALUES (?)');
  const b = db.prepare('INSERT INTO b (v) VALUES (?)');
  const commit = db.transaction(() => {
    a.run('validation');
    b.run('queue');
  });
  const samples: number[] = [];
  for (let i = 0; i < rounds; i++) {
    if (pauseMs > 0) await pause(pauseMs);
    const start = performance.now();
    commit();
    samples.push(performance.now() - start);
  }
  db.close();
  return samples;
}

/**
 * The round's own writes through the engine's stores, on the same disk, without HTTP or the contract: the lookup's
 * ledger and mirror rows (relaxed), the validation's ledger, queue and status rows (one durable commit), timed; the
 * queue's "sent" mark (relaxed) after, untimed, as the engine makes it once the cashier has the answer; with the
 * engine's background flush and checkpoints. What a round cannot do with less.
 */
async function roundWrites(dir: string, rounds: number): Promise<number[]> {
  // A folder of its own: the engine's daily backup (taken during a long run) lives beside the engine's database, and a
  // database file missing beside backups is refused as damaged (db/open.ts).
  const own = fs.mkdtempSync(path.join(dir, 'writes-'));
  const stores = openStores(path.join(own, 'writes.sqlite'), () => new Date(), 'Banc', pino({ level: 'silent' }));
  const samples: number[] = [];
  for (let i = 1; i <= rounds + 10; i++) {
    const token = `W${String(i).padStart(5, '0')}`;
    const booking = platformBooking({ id: i });
    const row = { counterName: 'Banc', token, bookingId: i, platformStatus: null, platformAnswer: null };
    const start = performance.now();
    const at = new Date().toISOString();
    stores.ledger.append({ ...row, at, kind: 'lookup', outcome: 'valid' }, () =>
      stores.cache.remember(token, booking, at),
    );
    let queueId = 0;
    stores.ledger.append({ ...row, at, kind: 'validation', outcome: 'validated' }, (ledgerId) => {
      queueId = stores.queue.add({
        ledgerId,
        action: 'use',
        token,
        bookingId: i,
        provisional: false,
        sendingNow: true,
      });
      stores.cache.setStatus(i, 'USED', at);
    });
    if (i > 10) samples.push(performance.now() - start);
    // Made once the cashier has the answer (sync/uploader.ts): the round's work, not on its way.
    stores.queue.markDone(queueId);
    // As between two rounds of the bench: the bare round trips run there, and the background flush with them.
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  await stores.close();
  return samples;
}

/** CPU time (user + system) of this process, in ms: the sandbox runs here too, for both series alike. */
function cpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

async function main(): Promise<void> {
  // The bench measures our overhead, not the platform's rate limit.
  const sandbox = await startSandbox({ rateLimitPerMinute: null });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'guichet-bench-'));
  const core = await createCore({
    dataDir,
    platform: { baseUrl: sandbox.url, apiKey: sandbox.apiKey },
    mode: 'demo',
    counterName: 'Banc',
    logger: pino({ level: 'silent' }),
    rateLimitPerMinute: 1_000_000,
    syncPeriodMs: 0,
    // Bookings are made for the next séances, which may start hours from now: no séance check here.
    seanceWindow: ANY_SEANCE_WINDOW,
    // No slip: printing runs after the validation and would land in the next bare round trip's timing.
    printer: { defaultSpec: { kind: 'none' } },
  });
  const headers = { Authorization: `Bearer ${sandbox.apiKey}` };

  const tokens: string[] = [];
  for (let i = 0; i < ROUNDS * 3 + PACED_ROUNDS * 2 + 30; i++)
    tokens.push((await addSandboxBooking(sandbox.url)).token);
  const pool = new Agent();
  /** The bare GET + PATCH; throws unless the sandbox answered 200 then 204. */
  const bareWithFetch = async (token: string) => {
    const got = await fetch(`${sandbox.url}/public/bookings/v1/token/${token}`, { headers });
    await got.json();
    const used = await fetch(`${sandbox.url}/public/bookings/v1/use/token/${token}`, { method: 'PATCH', headers });
    await used.arrayBuffer();
    if (got.status !== 200 || used.status !== 204) throw new Error(`bare fetch failed: ${got.status} ${used.status}`);
  };
  /**
   * The bare GET, `pauseMs` (the cashier reading the verdict; none back to back), then the PATCH, each timed;
   * throws unless the sandbox answered 200 then 204.
   */
  const bareWithUndici = async (token: string, pauseMs = 0) => {
    let start = performance.now();
    const got = await request(`${sandbox.url}/public/bookings/v1/token/${token}`, { headers, dispatcher: pool });
    await got.body.json();
    const lookup = performance.now() - start;
    if (pauseMs > 0) await pause(pauseMs);
    start = performance.now();
    const url = `${sandbox.url}/public/bookings/v1/use/token/${token}`;
    const used = await request(url, { method: 'PATCH', headers, dispatcher: pool });
    await used.body.dump();
    if (got.statusCode !== 200 || used.statusCode !== 204)
      throw new Error(`bare undici failed: ${got.statusCode} ${used.statusCode}`);
    return { lookup, validation: performance.now() - start };
  };
  /** The same through the contract: the lookup, `pauseMs`, the validation, each timed. */
  const throughContract = async (token: string, pauseMs = 0) => {
    let start = performance.now();
    const verdict = await core.dispatch('counter.lookup', { text: token });
    const lookup = performance.now() - start;
    if (pauseMs > 0) await pause(pauseMs);
    start = performance.now();
    const validation = await core.dispatch('counter.validate', { token });
    if (!verdict.ok || !validation.ok) throw new Error('validation through the contract failed');
    return { lookup, validation: performance.now() - start };
  };

  // Warm both paths (JIT, connection pool, séance cache of the film) before measuring.
  for (let i = 0; i < 10; i++) {
    await throughContract(tokens.pop()!);
    await bareWithFetch(tokens.pop()!);
    await bareWithUndici(tokens.pop()!);
  }

  const app: number[] = [];
  const http: number[] = [];
  const viaFetch: number[] = [];
  const appCpu: number[] = [];
  const httpCpu: number[] = [];
  const loadBefore = loadLine();
  // Interleaved so machine noise hits every series alike.
  for (let i = 0; i < ROUNDS; i++) {
    let start = performance.now();
    await bareWithFetch(tokens.pop()!);
    viaFetch.push(performance.now() - start);

    start = performance.now();
    let cpu = cpuMs();
    await bareWithUndici(tokens.pop()!);
    http.push(performance.now() - start);
    httpCpu.push(cpuMs() - cpu);

    start = performance.now();
    cpu = cpuMs();
    await throughContract(tokens.pop()!);
    app.push(performance.now() - start);
    appCpu.push(cpuMs() - cpu);
    // What the engine does once the cashier has the answer (the queue's "sent" mark) ends before the next series
    // is timed: it is the app's work, not the bare round trips'.
    await afterReply();
  }

  const paced = {
    app: { lookup: [] as number[], validation: [] as number[] },
    bare: { lookup: [] as number[], validation: [] as number[] },
  };
  for (let i = 0; i < PACED_ROUNDS; i++) {
    for (const [series, round] of [
      [paced.bare, bareWithUndici],
      [paced.app, throughContract],
    ] as const) {
      // The next customer: the engine's work after its last answer is done, and everything idle as at the counter.
      await pause(READ_MS);
      const { lookup, validation } = await round(tokens.pop()!, READ_MS);
      series.lookup.push(lookup);
      series.validation.push(validation);
    }
  }

  const loadAfter = loadLine();
  const floor = summary(await durableCommits(dataDir, ROUNDS));
  const pacedFloor = summary(await durableCommits(dataDir, PACED_ROUNDS, READ_MS));
  const writes = summary(await roundWrites(dataDir, ROUNDS));
  const a = summary(app);
  const h = summary(http);
  const ac = summary(appCpu);
  const hc = summary(httpCpu);
  const f = summary(viaFetch);
  console.log(`Validation (lookup + use), ${ROUNDS} rounds, sandbox at zero latency`);
  console.log(`  (${loadBefore} before, ${loadAfter} after)`);
  console.log(`  through the contract: median ${ms(a.median)}  p99 ${ms(a.p99)}  (CPU ${ms(ac.median)} a round)`);
  console.log(
    `  bare HTTP round trips (undici, as the app): median ${ms(h.median)}  p99 ${ms(h.p99)}  (CPU ${ms(hc.median)} a round)`,
  );
  console.log(`  bare HTTP round trips (global fetch): median ${ms(f.median)}  p99 ${ms(f.p99)}`);
  console.log(
    `  app overhead: median ${ms(a.median - h.median)} (target ≤ 1 ms), p99 ${ms(a.p99 - h.p99)} (target ≤ 3 ms); ` +
      `ratio ${(a.median / h.median).toFixed(2)}×; CPU ${ms(ac.median - hc.median)} a round`,
  );
  console.log(`  (over bare fetch, the earlier baseline: median ${ms(a.median - f.median)}, p99 ${ms(a.p99 - f.p99)})`);
  console.log(`  floor, one durable commit on this disk: median ${ms(floor.median)}  p99 ${ms(floor.p99)}`);
  console.log(
    `  floor, a round's own writes (the lookup's rows, the validation's commit; no HTTP): ` +
      `median ${ms(writes.median)}  p99 ${ms(writes.p99)}; app overhead above them: median ` +
      `${ms(a.median - h.median - writes.median)}`,
  );
  const [pl, pv, bl, bv] = [paced.app.lookup, paced.app.validation, paced.bare.lookup, paced.bare.validation].map(
    summary,
  );
  console.log(
    `Paced as at the counter (${READ_MS} ms between the verdict and Enter, and between the bare GET and PATCH), ` +
      `${PACED_ROUNDS} rounds:`,
  );
  console.log(
    `  lookup ${ms(pl!.median)} against the bare GET ${ms(bl!.median)}: overhead ${ms(pl!.median - bl!.median)}`,
  );
  console.log(
    `  validation ${ms(pv!.median)} against the bare PATCH ${ms(bv!.median)}: overhead ${ms(pv!.median - bv!.median)}`,
  );
  console.log(
    `  app overhead, lookup + validation: median ${ms(pl!.median + pv!.median - bl!.median - bv!.median)} ` +
      `(back to back above: ${ms(a.median - h.median)})`,
  );
  console.log(
    `  floor, one durable commit ${READ_MS} ms after the last: median ${ms(pacedFloor.median)}  p99 ${ms(pacedFloor.p99)}`,
  );

  await core.close();
  await pool.close();
  await sandbox.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
