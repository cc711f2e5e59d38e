/**
 * `npm run bench:lan`: the extra LAN hop of a secondary counter. The same cached booking is looked up at the main
 * counter (its own contract, as its screen calls it) and at a paired secondary (TLS WebSocket on loopback, the main
 * counter's contract behind it), interleaved so machine noise hits both alike. Prints medians, p99 and the hop
 * (target ≤ 3 ms median on loopback). Both counters run in this process: the hop has no second process to wake,
 * but shares one event loop with the main counter's work.
 */
import { findBooking } from '../tests/support/sandboxControl';
import { pairTwo, startTwoCounters } from '../tests/support/twoCounters';
import { loadLine } from './benchProcesses';
import { ms, summary } from './stats';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 300);
const SETTLE_MS = 25;

async function main(): Promise<void> {
  const two = await startTwoCounters();
  const { main: mainCounter, mainLan, secondLan } = two;
  try {
    await pairTwo(two);
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
    await two.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
