/**
 * `npm run bench`: the app's own overhead per validation (lookup + use through the contract, ledger writes
 * included) against the sandbox at zero latency, compared with the bare HTTP round trips alone (the same
 * GET + PATCH with fetch), measured in one run on fresh bookings. Prints medians, p99 and their ratio.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { ANY_SEANCE_WINDOW } from '../shared/seanceWindow';
import { createCore } from '../electron/core';
import { startSandbox } from '../electron/sandbox';
import { ms, summary } from './stats';
import { addSandboxBooking } from '../tests/support/sandboxControl';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 300);

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
  for (let i = 0; i < ROUNDS * 2 + 20; i++) tokens.push((await addSandboxBooking(sandbox.url)).token);

  // Warm both paths (JIT, connection pool, séance cache of the film) before measuring.
  for (let i = 0; i < 10; i++) {
    const token = tokens.pop()!;
    await core.dispatch('counter.lookup', { text: token });
    await core.dispatch('counter.validate', { token });
    const bare = tokens.pop()!;
    await (await fetch(`${sandbox.url}/public/bookings/v1/token/${bare}`, { headers })).arrayBuffer();
    await (
      await fetch(`${sandbox.url}/public/bookings/v1/use/token/${bare}`, { method: 'PATCH', headers })
    ).arrayBuffer();
  }

  const app: number[] = [];
  const http: number[] = [];
  // Interleaved so machine noise hits both series alike.
  for (let i = 0; i < ROUNDS; i++) {
    const bare = tokens.pop()!;
    let start = performance.now();
    const got = await fetch(`${sandbox.url}/public/bookings/v1/token/${bare}`, { headers });
    await got.json();
    const used = await fetch(`${sandbox.url}/public/bookings/v1/use/token/${bare}`, { method: 'PATCH', headers });
    await used.arrayBuffer();
    http.push(performance.now() - start);
    if (got.status !== 200 || used.status !== 204)
      throw new Error(`bare round trip failed: ${got.status} ${used.status}`);

    const token = tokens.pop()!;
    start = performance.now();
    const verdict = await core.dispatch('counter.lookup', { text: token });
    const validation = await core.dispatch('counter.validate', { token });
    app.push(performance.now() - start);
    if (!verdict.ok || !validation.ok) throw new Error('validation through the contract failed');
  }

  const a = summary(app);
  const h = summary(http);
  const overhead = a.median - h.median;
  console.log(`Validation (lookup + use), ${ROUNDS} rounds, sandbox at zero latency`);
  console.log(`  through the contract: median ${ms(a.median)}  p99 ${ms(a.p99)}`);
  console.log(`  bare HTTP round trips: median ${ms(h.median)}  p99 ${ms(h.p99)}`);
  console.log(
    `  app overhead (median difference): ${ms(overhead)} (target ≤ 2 ms); ratio ${(a.median / h.median).toFixed(2)}×`,
  );

  await core.close();
  await sandbox.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
