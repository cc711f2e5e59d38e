/**
 * `npm run bench:handover`: a secondary hands 500 validations made in autonomous mode over to its main counter.
 * Two counters on one sandbox platform in this process: the main counter looks every countermark up (its mirror,
 * hence the secondary's replica, learns the tokens), stops listening; the secondary validates them all with pass
 * Culture down (all queued); the main counter listens again and the secondary hands them over. Prints the hand-over
 * time, then checks exactly once: one main-counter ledger row per countermark, one platform use each once the main
 * counter has sent them (target: 0 duplicates, 0 missing).
 */
import { setFaults, clearFaults, addSandboxBooking, sandboxRequests } from '../tests/support/sandboxControl';
import { freePort, pairTwo, startTwoCounters } from '../tests/support/twoCounters';
import { loadLine } from './benchProcesses';
import { ms } from './stats';

const COUNT = Number(process.env.BENCH_HANDOVER ?? 500);

async function waitFor(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

async function main(): Promise<void> {
  const two = await startTwoCounters({ samePlatform: true, mainPort: await freePort() });
  try {
    await pairTwo(two);
    const tokens: string[] = [];
    for (let i = 0; i < COUNT; i++) {
      tokens.push((await addSandboxBooking(two.main.sandbox.url, { status: 'CONFIRMED', confirmed: true })).token);
    }
    for (const text of tokens) await two.main.core.call('counter.lookup', { text });
    const second = two.secondLan;
    // The replica follows the main counter's lookups within a second or so: leave it time for 500.
    await new Promise((resolve) => setTimeout(resolve, 2_000));

    await two.mainLan.call('lan.setRole', { role: 'alone' });
    await waitFor(async () => (await second.call('lan.get')).secondary?.mode === 'autonomous', 10_000);
    await setFaults(two.main.sandbox.url, { outage: 'reset' });
    let refused = 0;
    for (const token of tokens) {
      await second.call('counter.validate', { token }).catch(() => (refused += 1));
    }
    await clearFaults(two.main.sandbox.url);
    const waiting = (await second.call('lan.get')).secondary!.waiting;

    const { lastSeq } = await sandboxRequests(two.main.sandbox.url);
    const start = performance.now();
    await two.mainLan.call('lan.setRole', { role: 'main' });
    // The secondary tries its link again every second: the hand-over itself is timed from its reconnection.
    let connectedAt = 0;
    await waitFor(async () => {
      const view = (await second.call('lan.get')).secondary;
      if (view?.mode === 'connected' && connectedAt === 0) connectedAt = performance.now();
      return view?.mode === 'connected' && view.waiting === 0;
    }, 120_000);
    const end = performance.now();
    const handOverMs = end - connectedAt;
    const totalMs = end - start;

    const rows = (await two.main.core.call('ledger.today')).rows.filter(
      (r) => r.kind === 'validation' && r.counterName === 'Caisse 2',
    );
    const perToken = new Map<string, number>();
    for (const row of rows) perToken.set(row.token, (perToken.get(row.token) ?? 0) + 1);
    const ledgerDuplicates = [...perToken.values()].filter((n) => n > 1).length;
    const missing = tokens.filter((token) => !perToken.has(token)).length;

    // The main counter sends them; each countermark must reach pass Culture once.
    await two.main.core.call('sync.now');
    await waitFor(async () => (await two.main.core.call('status.get')).pendingUploads === 0, 120_000);
    const uses = (await sandboxRequests(two.main.sandbox.url, lastSeq)).requests.filter(
      (r) => r.method === 'PATCH' && r.route === '/public/bookings/v1/use/token/:token' && r.status === 204,
    );
    const platformDuplicates = uses.length - new Set(uses.map((r) => r.token)).size;

    console.log(`bench:handover — ${COUNT} autonomous validations (${refused} refused at the till) — ${loadLine()}`);
    console.log(`  waiting at the secondary before the main counter came back: ${waiting}`);
    console.log(`  hand-over (secondary reconnected → its queue empty): ${ms(handOverMs)}`);
    console.log(`  main counter listening again → queue empty (reconnection included): ${ms(totalMs)}`);
    console.log(`  main-counter ledger rows: ${rows.length}, duplicates ${ledgerDuplicates}, missing ${missing}`);
    console.log(`  platform uses after the main counter sent them: ${uses.length}, duplicates ${platformDuplicates}`);
  } finally {
    await two.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
