/**
 * `npm run test:times-of-day` (not part of `npm test`: ~10 min). The sandbox seeds its week from "now" and the
 * sync treats séances of the next three hours differently from later ones, so a test can pass at 20:00 and fail
 * at midnight. This runs the suite with the clock moved to several Paris times of day and says which fail where:
 * with libfaketime (`apt-get install -y faketime`) the whole suite, Chromium included; without it, the unit
 * tests only, with Node's clock moved by timesOfDay/shiftClock.mjs. The crash test is left out (it does not
 * depend on the hour and takes minutes).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { TZDate } from '@date-fns/tz';

const HERE = path.dirname(fileURLToPath(import.meta.url));
/** Paris wall-clock times: after midnight, early morning, noon, afternoon, evening séances, last séance. */
const TIMES = (process.env.TIMES ?? '00:30,06:00,11:30,16:00,20:45,23:40').split(',');

/** Milliseconds from now to the next `hh:mm` in Paris. */
function shiftTo(hhmm: string): number {
  const [hours, minutes] = hhmm.split(':').map(Number) as [number, number];
  const now = Date.now();
  const paris = new TZDate(now, 'Europe/Paris');
  const target = new TZDate(paris.getFullYear(), paris.getMonth(), paris.getDate(), hours, minutes, 0, 'Europe/Paris');
  let shift = target.getTime() - now;
  if (shift < 0) shift += 24 * 60 * 60_000;
  return shift;
}

const FAKETIME = ['/usr/bin/faketime', '/usr/local/bin/faketime'].find((file) => fs.existsSync(file));
const CRASH_TEST = 'tests/unit/sync/crash.test.ts';

function runAt(shiftMs: number) {
  if (FAKETIME) {
    const hours = (shiftMs / 3600_000).toFixed(4);
    return spawnSync(FAKETIME, ['-f', `+${hours}h`, 'npx', 'vitest', 'run', '--exclude', CRASH_TEST], {
      stdio: 'inherit',
    });
  }
  return spawnSync('npx', ['vitest', 'run', '-c', path.join(HERE, 'timesOfDay/vitest.config.ts')], {
    stdio: 'inherit',
    env: {
      ...process.env,
      CLOCK_SHIFT_MS: String(shiftMs),
      NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import ${path.join(HERE, 'timesOfDay/shiftClock.mjs')}`.trim(),
    },
  });
}

console.log(FAKETIME ? 'libfaketime: the whole suite' : 'no libfaketime: unit tests only, Node clock moved');
let failed = 0;
for (const time of TIMES) {
  const shift = shiftTo(time);
  console.log(`\n=== tests at ${time} (Europe/Paris), clock moved by ${(shift / 3600_000).toFixed(2)} h`);
  const run = runAt(shift);
  if (run.status !== 0) {
    failed += 1;
    console.log(`=== FAILED at ${time}`);
  }
}
console.log(failed === 0 ? '\nAll times of day pass.' : `\n${failed} time(s) of day failed.`);
process.exit(failed === 0 ? 0 : 1);
