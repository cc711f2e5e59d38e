/**
 * A sync at the speed of a platform with no rate limit writes the mirror without a pause: the engine's sync lets the
 * WAL start over between its pages (walCheckpointer's catchUp, wired in backgroundSync.ts), so the WAL file stays
 * small instead of growing with every page — 4,000 bookings wrote ~60 MB of WAL without it.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../../electron/sandbox';
import { startCounter, type CounterUnderTest } from '../../support/counterUnderTest';

let sandbox: Sandbox | null = null;
let counter: CounterUnderTest | null = null;
afterEach(async () => {
  await counter?.close();
  await sandbox?.close();
  counter = null;
  sandbox = null;
});

describe('the WAL during a sync that never pauses', () => {
  it('starts over between pages instead of growing with each one', async () => {
    sandbox = await startSandbox({
      rateLimitPerMinute: null,
      programme: { films: 4, seancesPerDay: 2, days: 7, bookings: 4_000 },
    });
    counter = await startCounter({ sandbox, rateLimitPerMinute: 1_000_000, backgroundShare: 1 });
    const wal = path.join(counter.dataDir, 'guichet.sqlite-wal');
    let largest = 0;
    const watch = setInterval(() => {
      largest = Math.max(largest, fs.statSync(wal, { throwIfNoEntry: false })?.size ?? 0);
    }, 5);
    try {
      const synced = await counter.core.dispatch('sync.now', {});
      expect(synced.ok).toBe(true);
    } finally {
      clearInterval(watch);
    }
    const reader = new Database(path.join(counter.dataDir, 'guichet.sqlite'), { readonly: true });
    const { n } = reader.prepare('SELECT COUNT(*) AS n FROM known_bookings').get() as { n: number };
    reader.close();
    expect(n).toBeGreaterThanOrEqual(4_000);
    // 4,096 frames (16 MB) and the page that passes them.
    expect(largest).toBeGreaterThan(0);
    expect(largest).toBeLessThan(24 * 2 ** 20);
  }, 60_000);
});
