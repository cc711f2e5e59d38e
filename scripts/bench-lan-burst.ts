/**
 * `npm run bench:lan-burst`: two counters of one cinema under one key (issue 14). A main counter and its paired
 * secondary each scan a burst of 100 countermarks (lookup, then validation, back to back: faster than any cashier)
 * against the sandbox enforcing the platform's 200 requests per minute; then, on a fresh sandbox, the main counter
 * alone scans 100. Prints the requests the platform saw in its busiest minute (target ≤ 200), its 429s (target 0),
 * whether every countermark was used exactly once once the queues drained, and the verdict and validation times of
 * both runs. The bookings are in the mirror (a sync ran first), as on an evening.
 */
import fs from 'node:fs';
import type { LanHost } from '../electron/lan/lanHost';
import { startCounter, type CounterUnderTest } from '../tests/support/counterUnderTest';
import { addSandboxBooking, sandboxRequests } from '../tests/support/sandboxControl';
import { pairTwo, startTwoCounters } from '../tests/support/twoCounters';
import { loadLine } from './benchProcesses';
import { busiestWindow, ms, summary } from './stats';

const BURST = Number(process.env.BENCH_BURST ?? 100);
const PLATFORM_LIMIT = 200;
const MINUTE = 60_000;

interface Scans {
  verdicts: number[];
  validations: number[];
  sentAtOnce: number;
}

/** Lookup then validation of each token, one after the other, as fast as the counter answers. */
async function scanBurst(counter: LanHost | CounterUnderTest['core'], tokens: string[]): Promise<Scans> {
  const scans: Scans = { verdicts: [], validations: [], sentAtOnce: 0 };
  for (const token of tokens) {
    let start = performance.now();
    const verdict = await counter.dispatch('counter.lookup', { text: token });
    scans.verdicts.push(performance.now() - start);
    if (!verdict.ok) throw new Error(`lookup refused: ${verdict.error.message}`);
    start = performance.now();
    const validation = await counter.dispatch('counter.validate', { token });
    scans.validations.push(performance.now() - start);
    if (!validation.ok) throw new Error(`validation refused: ${validation.error.message}`);
    if ((validation.value as { upload: string }).upload === 'sent') scans.sentAtOnce += 1;
  }
  return scans;
}

/**
 * Fresh confirmed bookings, synced and each looked up once (as bench:scanner does): in the mirror with their token,
 * as bookings made before the evening are, so a scan's verdict comes from the mirror and pass Culture confirms it.
 */
async function mirroredTokens(counter: CounterUnderTest, count: number): Promise<string[]> {
  const tokens: string[] = [];
  for (let i = 0; i < count; i++) tokens.push((await addSandboxBooking(counter.sandbox.url)).token);
  const synced = await counter.core.dispatch('sync.now', {});
  if (!synced.ok) throw new Error(`sync failed: ${synced.error.message}`);
  for (const token of tokens) {
    const seen = await counter.core.dispatch('counter.lookup', { text: token });
    if (!seen.ok) throw new Error(`lookup failed: ${seen.error.message}`);
  }
  return tokens;
}

/** What the platform saw after `since`: the busiest minute, the 429s, and the uses of each token. */
async function platformSide(url: string, since: number, tokens: string[]) {
  const { requests } = await sandboxRequests(url, since);
  const times = requests.map((r) => Date.parse(r.time)).sort((a, b) => a - b);
  const busiestMinute = busiestWindow(times, MINUTE);
  const uses = new Map<string, number>();
  for (const r of requests) {
    if (r.method === 'PATCH' && r.status === 204 && r.token) uses.set(r.token, (uses.get(r.token) ?? 0) + 1);
  }
  const once = tokens.filter((t) => uses.get(t.toUpperCase()) === 1).length;
  const spanMs = times.length > 1 ? times.at(-1)! - times[0]! : 0;
  return {
    total: requests.length,
    busiestMinute,
    rateLimited: requests.filter((r) => r.status === 429).length,
    once,
    spanMs,
  };
}

async function drained(core: CounterUnderTest['core'], timeoutMs = 5 * MINUTE): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const status = await core.call('status.get');
    if (status.pendingUploads === 0) return;
    if (Date.now() > deadline) throw new Error('the upload queue did not drain');
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

function report(label: string, scans: Scans[], platform: Awaited<ReturnType<typeof platformSide>>, n: number): void {
  const verdicts = summary(scans.flatMap((s) => s.verdicts));
  const validations = summary(scans.flatMap((s) => s.validations));
  const sent = scans.reduce((sum, s) => sum + s.sentAtOnce, 0);
  console.log(`  ${label} — ${loadLine()}`);
  console.log(
    `    platform: ${platform.total} requests over ${(platform.spanMs / 1000).toFixed(0)} s, busiest minute ` +
      `${platform.busiestMinute} (target ≤ ${PLATFORM_LIMIT}), 429s ${platform.rateLimited} (target 0); ` +
      `used exactly once: ${platform.once}/${n}`,
  );
  console.log(`    verdict   : median ${ms(verdicts.median)}, p99 ${ms(verdicts.p99)}`);
  console.log(
    `    validation: median ${ms(validations.median)}, p99 ${ms(validations.p99)} ` +
      `(${sent}/${n} confirmed by pass Culture at once, the rest "sera envoyée" and sent from the queue)`,
  );
}

async function twoCounters(): Promise<void> {
  const two = await startTwoCounters({ mainRateLimitPerMinute: PLATFORM_LIMIT });
  try {
    await pairTwo(two);
    const tokens = await mirroredTokens(two.main, BURST * 2);
    // The sync's own requests are a minute old before the burst: the busiest minute is the burst's.
    await new Promise((resolve) => setTimeout(resolve, MINUTE));
    const since = (await sandboxRequests(two.main.sandbox.url)).lastSeq;
    const scans = await Promise.all([
      scanBurst(two.mainLan, tokens.slice(0, BURST)),
      scanBurst(two.secondLan, tokens.slice(BURST)),
    ]);
    await drained(two.main.core);
    report(`two counters, ${BURST} each`, scans, await platformSide(two.main.sandbox.url, since, tokens), BURST * 2);
  } finally {
    await two.close();
  }
}

async function oneCounter(): Promise<void> {
  const counter = await startCounter({ counterName: 'Caisse 1', rateLimitPerMinute: PLATFORM_LIMIT });
  try {
    const tokens = await mirroredTokens(counter, BURST);
    await new Promise((resolve) => setTimeout(resolve, MINUTE));
    const since = (await sandboxRequests(counter.sandbox.url)).lastSeq;
    const scans = await scanBurst(counter.core, tokens);
    await drained(counter.core);
    report(`one counter alone, ${BURST}`, [scans], await platformSide(counter.sandbox.url, since, tokens), BURST);
  } finally {
    await counter.close();
    fs.rmSync(counter.dataDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  console.log(`bench:lan-burst — countermarks scanned back to back, sandbox enforcing ${PLATFORM_LIMIT}/min`);
  await twoCounters();
  await oneCounter();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
