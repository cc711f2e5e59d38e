/**
 * A benchmark's other processes, as the product runs them: the engine in its own process (the Electron main
 * process, or browser mode's `cli.js web`), and the platform (the sandbox) in another, as the real one is on
 * another machine. Run by benchProcesses.ts with an IPC channel; never a test.
 *   sandbox  startSandbox(options), answers its URL and key
 *   counter  createCore + the browser-mode host, a file logger at info level like the hosts; answers contract calls
 *            (`dispatch`), its memory (`memory`), and `close`
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore, type Core } from '../electron/core';
import type { PrinterSpec } from '../electron/core/printing/printerSpec';
import { sizeEngineHeapForCounter } from '../electron/host/engineHeap';
import { createFileLogger } from '../electron/host/logger';
import { logLevelFrom } from '../electron/host/config';
import { startSandbox, type SandboxOptions } from '../electron/sandbox';
import { startWebHost, type WebHost } from '../electron/web/server';
import { ANY_SEANCE_WINDOW } from '../shared/seanceWindow';

export interface CounterChildOptions {
  platform: { baseUrl: string; apiKey: string };
  /** The engine's rate budget (a benchmark that loads the engine lifts it; the sandbox's own is off). */
  rateLimitPerMinute?: number;
  /** Background sync's share of the budget (default: the application's). */
  backgroundShare?: number;
  printer?: PrinterSpec;
  dataDir?: string;
  web?: boolean;
  /** The built renderer the browser-mode host serves (set by benchProcesses.ts, which knows where the repo is). */
  rendererDir?: string;
}

export type ChildCall = { op: 'dispatch'; name: string; input: unknown } | { op: 'memory' } | { op: 'close' };
export type ChildRequest = ChildCall & { id: number };

export type ChildReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string };

function reply(message: ChildReply): void {
  process.send?.(message);
}

async function runSandbox(options: SandboxOptions): Promise<void> {
  const sandbox = await startSandbox(options);
  process.on('message', (message: ChildRequest) => {
    if (message.op === 'close') void sandbox.close().then(() => process.exit(0));
  });
  reply({ id: 0, ok: true, value: { url: sandbox.url, apiKey: sandbox.apiKey } });
}

async function runCounter(options: CounterChildOptions): Promise<void> {
  // As the product's hosts do before starting the engine.
  sizeEngineHeapForCounter();
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'guichet-bench-'));
  // The product's level (LOG_LEVEL, default info): the bench logs what the counter logs.
  const logger = createFileLogger(path.join(dataDir, 'logs'), logLevelFrom(process.env));
  const core: Core = await createCore({
    dataDir,
    platform: options.platform,
    mode: 'live',
    counterName: 'Banc',
    logger,
    rateLimitPerMinute: options.rateLimitPerMinute,
    backgroundShare: options.backgroundShare,
    // Sync runs when the benchmark asks (`sync.now`), so each scenario chooses what runs beside the scans.
    syncPeriodMs: 0,
    // The sandbox's bookings are for séances all over the week: every one is "of the moment" here.
    seanceWindow: ANY_SEANCE_WINDOW,
    printer: { defaultSpec: options.printer ?? { kind: 'none' } },
  });
  const web: WebHost | null =
    options.web && options.rendererDir ? await startWebHost({ core, staticDir: options.rendererDir, logger }) : null;
  process.on('message', (message: ChildRequest) => {
    void (async () => {
      try {
        if (message.op === 'dispatch') {
          reply({ id: message.id, ok: true, value: await core.dispatch(message.name, message.input) });
        } else if (message.op === 'memory') {
          // With the peak resident size so far (getrusage's ru_maxrss, in KiB), which sampling could miss.
          const peakRss = process.resourceUsage().maxRSS * 1024;
          reply({ id: message.id, ok: true, value: { ...process.memoryUsage(), peakRss } });
        } else {
          await web?.close();
          await core.close();
          if (!options.dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
          reply({ id: message.id, ok: true, value: null });
          process.exit(0);
        }
      } catch (error) {
        reply({ id: message.id, ok: false, error: String(error) });
      }
    })();
  });
  reply({ id: 0, ok: true, value: { url: web?.url ?? null, dataDir, pid: process.pid } });
}

const [role, json] = process.argv.slice(2);
const options: unknown = JSON.parse(json ?? '{}');
(role === 'sandbox' ? runSandbox(options as SandboxOptions) : runCounter(options as CounterChildOptions)).catch(
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
