/**
 * `npm run bench:storm`: scan answer times while pass Culture answers 429 to everything (issue 11, defect 1).
 * A counter with uploads waiting scans SCANS countermarks one after the other (half of them in its mirror, half
 * never seen) while the sandbox's `rateLimitBurst` refuses every request; prints median, p99 and max.
 * The baseline is the same script run on a checkout of the previous main (BENCH_SCANS=8: there each scan waited
 * 5, 10, 20, then 60 s).
 */
import { percentile } from './stats';
import { startCounter, syncUntil } from '../tests/support/counterUnderTest';
import { addSandboxBooking, setFaults } from '../tests/support/sandboxControl';

const SCANS = Number(process.env.BENCH_SCANS ?? 100);

const counter = await startCounter({ lookupTimeoutMs: 3000 });
try {
  const tokens: string[] = [];
  for (let i = 0; i < SCANS; i++) tokens.push((await addSandboxBooking(counter.sandbox.url)).token);
  await syncUntil(counter.core, async () => true);
  // Half the tokens learnt by a first scan (local verdict possible in the storm), half never seen.
  for (const token of tokens.slice(0, SCANS / 2)) await counter.core.dispatch('counter.lookup', { text: token });
  await setFaults(counter.sandbox.url, { rateLimitBurst: 100_000 });
  const times: number[] = [];
  for (const [i, token] of tokens.entries()) {
    const started = performance.now();
    await counter.core.dispatch('counter.lookup', { text: token });
    times.push(performance.now() - started);
    // A validation now and then keeps the upload lane busy with 429s too.
    if (i % 5 === 0 && i < SCANS / 2) await counter.core.dispatch('counter.validate', { token });
  }
  const fmt = (v: number) => `${Math.round(v)} ms`;
  console.log(
    `scans under a 429 storm: n=${times.length} median ${fmt(percentile(times, 50))} p99 ${fmt(percentile(times, 99))} max ${fmt(Math.max(...times))}`,
  );
} finally {
  await setFaults(counter.sandbox.url, { rateLimitBurst: 0 });
  await counter.close();
}
