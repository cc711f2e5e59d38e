/**
 * Child process of the clock test: a counter against the sandbox, run with libfaketime to put the PC's clock
 * elsewhere. CLOCK_MODE `fail`: validate one countermark while the platform fails (the retry is stored);
 * `sync`: press "Synchroniser maintenant" and say how many uploads are still waiting.
 */
import pino from 'pino';
import { createCore } from '../../electron/core';

async function main(): Promise<void> {
  const core = await createCore({
    dataDir: process.env.CLOCK_DATA_DIR!,
    platform: { baseUrl: process.env.CLOCK_API_URL!, apiKey: process.env.CLOCK_API_KEY! },
    mode: 'live',
    counterName: 'Caisse horloge',
    logger: pino({ level: 'silent' }),
    syncPeriodMs: 0,
    rateLimitPerMinute: 100_000,
  });
  if (process.env.CLOCK_MODE === 'fail') {
    const result = await core.dispatch('counter.validate', { token: process.env.CLOCK_TOKEN! });
    process.stdout.write(`VALIDATE ${result.ok ? 'ok' : result.error.code}\n`);
  } else {
    const status = await core.dispatch('sync.now', {});
    const pending = status.ok ? (status.value as { pendingUploads: number }).pendingUploads : -1;
    process.stdout.write(`PENDING ${pending}\n`);
  }
  process.stdout.write(`NOW ${new Date().toISOString()}\n`);
  await core.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
