/**
 * Child process of the crash test: a counter validating (and sometimes undoing) countermarks against the
 * sandbox, printing a line for each action confirmed to the cashier. The parent kills it with SIGKILL at
 * random moments and restarts it. Modes: `work` (validate what is left) and `drain` (send the queue, exit).
 * Config comes from the environment: CRASH_DATA_DIR, CRASH_API_URL, CRASH_API_KEY, CRASH_TOKENS, CRASH_MODE.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import pino from 'pino';
import { ANY_SEANCE_WINDOW } from '../../shared/seanceWindow';
import { createCore, DATABASE_FILE } from '../../electron/core';

function say(line: string): void {
  // Synchronous: once printed, the action was confirmed on screen, whatever happens next.
  fs.writeSync(1, `${line}\n`);
}

async function main(): Promise<void> {
  const dataDir = process.env.CRASH_DATA_DIR!;
  const tokens = fs.readFileSync(process.env.CRASH_TOKENS!, 'utf8').split('\n').filter(Boolean);
  const core = await createCore({
    dataDir,
    platform: { baseUrl: process.env.CRASH_API_URL!, apiKey: process.env.CRASH_API_KEY! },
    mode: 'live',
    counterName: 'Caisse crash',
    logger: pino({ level: 'silent' }),
    syncPeriodMs: 0,
    // About crashes, not séance times: any booking of the sandbox's week is validatable.
    seanceWindow: ANY_SEANCE_WINDOW,
  });
  say('READY');

  if (process.env.CRASH_MODE === 'drain') {
    for (let i = 0; i < 200; i++) {
      const status = await core.dispatch('sync.now', {});
      if (status.ok && (status.value as { pendingUploads: number }).pendingUploads === 0) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    await core.close();
    say('DRAINED');
    return;
  }

  const db = new Database(path.join(dataDir, DATABASE_FILE), { readonly: true });
  const touched = new Set(
    (
      db.prepare("SELECT DISTINCT token FROM ledger_entries WHERE kind IN ('validation', 'undo')").all() as {
        token: string;
      }[]
    ).map((r) => r.token),
  );
  db.close();
  let seed = Number(process.env.CRASH_SEED ?? 1);
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;

  for (const token of tokens) {
    if (touched.has(token)) continue;
    const verdict = await core.dispatch('counter.lookup', { text: token });
    if (!verdict.ok || (verdict.value as { kind: string }).kind !== 'valid') continue;
    const validation = await core.dispatch('counter.validate', { token });
    if (!validation.ok) continue;
    say(`VALIDATED ${token}`);
    if (random() < 0.15) {
      say(`UNDOING ${token}`);
      const undo = await core.dispatch('counter.undo', { token });
      if (undo.ok) say(`UNDONE ${token}`);
    }
  }
  await core.close();
  say('DONE');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
