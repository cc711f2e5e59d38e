/**
 * A whole counter for tests: the sandbox platform, a core on a fresh data folder, and (optionally) the
 * browser-mode host serving the built renderer. Everything listens on 127.0.0.1 and stops in `close()`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino, { type Logger } from 'pino';
import { createCore, type Core } from '../../electron/core';
import { startSandbox, type Sandbox } from '../../electron/sandbox';
import { startWebHost, type WebHost } from '../../electron/web/server';
import { ANY_SEANCE_WINDOW, type SeanceWindow } from '../../shared/seanceWindow';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');
export const RENDERER_DIR = path.join(REPO_ROOT, 'dist/renderer');

export interface CounterUnderTest {
  sandbox: Sandbox;
  core: Core;
  dataDir: string;
  web: WebHost | null;
  close(): Promise<void>;
}

export interface CounterOptions {
  web?: boolean;
  lookupTimeoutMs?: number;
  /** Sync cycle period; 0 (default) leaves sync to explicit `sync.now` calls so tests stay deterministic. */
  syncPeriodMs?: number;
  rateLimitPerMinute?: number;
  backgroundShare?: number;
  dataDir?: string;
  /** The sandbox's booking listing: by venue (the 2026 platform, default) or by offer only (the one before). */
  venueListing?: boolean;
  /** The core's logger (silent by default) and clock (the real time by default). */
  logger?: Logger;
  clock?: () => Date;
  /** Venues this counter serves (COUNTER_VENUE_ID); the key's first cinema by default. */
  venueIds?: number[];
  /**
   * The séance window; by default one covering the sandbox's whole week, so a test that is not about the window
   * gets green for any booking it picks. `'app'` keeps the application's own default (1 h before, 30 min after).
   */
  seanceWindow?: SeanceWindow | 'app';
  /** This counter's name in the ledger ('Caisse test' by default). */
  counterName?: string;
  /** Another counter's sandbox (two counters of one cinema on one platform): used, never closed here. */
  sandbox?: Sandbox;
  /** The core's API calls through this fetch (to see or alter them) instead of its own undici pool. */
  platformFetch?: typeof fetch;
}

export async function startCounter(options: CounterOptions = {}): Promise<CounterUnderTest> {
  const sandbox =
    options.sandbox ??
    (await startSandbox({
      rateLimitPerMinute: options.rateLimitPerMinute ?? null,
      venueListing: options.venueListing,
    }));
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'guichet-test-'));
  const logger = options.logger ?? pino({ level: 'silent' });
  const core = await createCore({
    dataDir,
    platform: { baseUrl: sandbox.url, apiKey: sandbox.apiKey, fetch: options.platformFetch },
    mode: 'demo',
    counterName: options.counterName ?? 'Caisse test',
    demoControlUrl: sandbox.url,
    logger,
    clock: options.clock,
    venueIds: options.venueIds,
    lookupTimeoutMs: options.lookupTimeoutMs,
    syncPeriodMs: options.syncPeriodMs ?? 0,
    // Tests sync far more often than a counter does: no rate limit unless the test is about it.
    rateLimitPerMinute: options.rateLimitPerMinute ?? 100_000,
    backgroundShare: options.backgroundShare,
    seanceWindow: options.seanceWindow === 'app' ? undefined : (options.seanceWindow ?? ANY_SEANCE_WINDOW),
  });
  const web = options.web ? await startWebHost({ core, staticDir: RENDERER_DIR, logger }) : null;
  return {
    sandbox,
    core,
    dataDir,
    web,
    async close() {
      await web?.close();
      await core.close();
      if (!options.sandbox) await sandbox.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Séances up to 3 h ahead get their bookings refreshed at every sync, later ones ten per cycle: depending on the
 * hour, a given séance is in either group. Syncs until `done` (checked after each cycle, its events delivered),
 * for at most the cycles it takes to go round the week.
 */
export async function syncUntil(core: Pick<Core, 'call' | 'dispatch'>, done: () => Promise<boolean>): Promise<void> {
  const seances = (await core.call('programme.list', { days: 8 })).seances.length;
  const cycles = 1 + Math.ceil(seances / 10);
  for (let cycle = 0; cycle < cycles; cycle++) {
    await core.dispatch('sync.now', {});
    await new Promise((resolve) => setImmediate(resolve)); // core events come after the call's answer
    if (await done()) return;
  }
}
