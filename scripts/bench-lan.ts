/**
 * `npm run bench:lan`: the extra LAN hop of a secondary counter. The same cached booking is looked up at the main
 * counter (its own contract, as its screen calls it) and at a paired secondary (TLS WebSocket on loopback, the main
 * counter's contract behind it), interleaved so machine noise hits both alike. Prints medians, p99 and the hop
 * (target ≤ 3 ms median on loopback). Both counters run in this process: the hop has no second process to wake,
 * but shares one event loop with the main counter's work.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { startLanHost } from '../electron/lan/lanHost';
import { startCounter } from '../tests/support/counterUnderTest';
import { findBooking } from '../tests/support/sandboxControl';
import { loadLine } from './benchProcesses';
import { ms, summary } from './stats';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 300);
const SETTLE_MS = 25;
const logger = pino({ level: 'silent' });

async function main(): Promise<void> {
  const mainCounter = await startCounter({ counterName: 'Caisse 1' });
  const secondCounter = await startCounter({ counterName: 'Caisse 2' });
  const dirs = [0, 1].map(() => fs.mkdtempSync(path.join(os.tmpdir(), 'guichet-bench-lan-')));
  const config = { role: undefined, mainUrl: undefined, pairingCode: undefined, host: '127.0.0.1', port: 0 };
  const mainLan = await startLanHost({ core: mainCounter.core, baseDir: dirs[0]!, config, logger });
  const secondLan = await startLanHost({ core: secondCounter.core, baseDir: dirs[1]!, config, logger });
  try {
    await mainLan.call('lan.setRole', { role: 'main' });
    const code = (await mainLan.call('lan.pairingCode')).main!.pairing!.code;
    await secondLan.call('lan.pair', { mainUrl: `https://127.0.0.1:${mainLan.lanPort()}`, code });
    while (!(await secondLan.call('lan.get')).secondary?.connected) await new Promise((r) => setTimeout(r, 20));
    await mainCounter.core.call('sync.now');
    const booking = await findBooking(mainCounter.sandbox.url, { status: 'CONFIRMED', confirmed: true });
    const text = booking.token;
    for (let i = 0; i < 20; i++) {
      await mainLan.call('counter.lookup', { text });
      await secondLan.call('counter.lookup', { text });
    }
    const atMain: number[] = [];
    const atSecondary: number[] = [];
    // Each lookup of a cached booking answers from the mirror, then asks pass Culture in the background (local
    // first): that confirmation is let finish before the next lookup, or its work (in this same process) would be
    // timed as part of whichever lookup comes next.
    const settle = () => new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    for (let i = 0; i < ROUNDS; i++) {
      let start = performance.now();
      await mainLan.call('counter.lookup', { text });
      atMain.push(performance.now() - start);
      await settle();
      start = performance.now();
      await secondLan.call('counter.lookup', { text });
      atSecondary.push(performance.now() - start);
      await settle();
    }
    const main = summary(atMain);
    const second = summary(atSecondary);
    console.log(`bench:lan — ${ROUNDS} lookups of one cached booking each — ${loadLine()}`);
    console.log(`  at the main counter : median ${ms(main.median)}, p99 ${ms(main.p99)}`);
    console.log(`  at the secondary    : median ${ms(second.median)}, p99 ${ms(second.p99)}`);
    console.log(
      `  LAN hop             : median ${ms(second.median - main.median)}, p99 ${ms(second.p99 - main.p99)} (target ≤ 3 ms median)`,
    );
  } finally {
    await secondLan.close();
    await mainLan.close();
    await secondCounter.sandbox.close();
    await mainCounter.sandbox.close();
    for (const dir of [...dirs, mainCounter.dataDir, secondCounter.dataDir])
      fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
