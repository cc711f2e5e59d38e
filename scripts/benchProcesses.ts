/**
 * Starts benchChild.ts processes (the sandbox platform; the engine with its browser-mode host) and talks to them.
 * The benchmark itself (Playwright, key sending, timing) stays in its own process, so it never shares the engine's
 * event loop — as a cashier's browser or Electron's renderer does not.
 */
import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import type { SandboxOptions } from '../electron/sandbox';
import type { Envelope } from '../shared/contract';
import type { ChildCall, ChildReply, CounterChildOptions } from './benchChild';

import { ESM_SHIMS, EXTERNAL } from './esbuildNode.mjs';

const REPO_ROOT = path.resolve(import.meta.dirname, '..');
/** Out of the product's own folder (dist/electron/, which is packaged); with its migrations beside it, as there. */
const COMPILED_DIR = path.join(REPO_ROOT, 'dist', 'bench');
const COMPILED_CHILD = path.join(COMPILED_DIR, 'benchChild.js');
const RENDERER_DIR = path.join(REPO_ROOT, 'dist', 'renderer');

let compiled: Promise<string> | null = null;

/**
 * benchChild.ts bundled by esbuild as the product's engine is (build-node.mjs), once per benchmark run: the engine
 * runs as compiled JavaScript, as it ships, not under tsx (whose compiler and source maps cost the engine process
 * some 50 MB and its start-up).
 */
function compiledChild(): Promise<string> {
  compiled ??= (async () => {
    // The migrations travel beside the bundle (build-node.mjs does the same); copied afresh, as dist/ may be old.
    const migrations = path.join(COMPILED_DIR, 'migrations');
    fs.cpSync(path.join(REPO_ROOT, 'electron', 'core', 'db', 'migrations'), migrations, { recursive: true });
    await build({
      ...ESM_SHIMS,
      entryPoints: [path.join(import.meta.dirname, 'benchChild.ts')],
      outfile: COMPILED_CHILD,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      external: EXTERNAL,
      logLevel: 'warning',
      absWorkingDir: REPO_ROOT,
    });
    return COMPILED_CHILD;
  })();
  return compiled;
}

interface Child {
  process: ChildProcess;
  request(message: ChildCall): Promise<unknown>;
  first: Promise<unknown>;
}

async function startChild(role: 'sandbox' | 'counter', options: unknown): Promise<Child> {
  // BENCH_ENGINE_PROFILE=<dir>: the engine's CPU profile (V8's --cpu-prof), written when it stops.
  const profile = role === 'counter' && process.env.BENCH_ENGINE_PROFILE;
  const child = fork(await compiledChild(), [role, JSON.stringify(options)], {
    execArgv: profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : [],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  let nextId = 1;
  child.on('message', (message: ChildReply) => {
    const waiter = waiting.get(message.id);
    if (!waiter) return;
    waiting.delete(message.id);
    if (message.ok) waiter.resolve(message.value);
    else waiter.reject(new Error(message.error));
  });
  child.on('exit', (code) => {
    for (const waiter of waiting.values()) waiter.reject(new Error(`${role} process left (${code})`));
    waiting.clear();
  });
  const first = new Promise((resolve, reject) => waiting.set(0, { resolve, reject }));
  return {
    process: child,
    first,
    request(message) {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        child.send({ ...message, id });
      });
    },
  };
}

export interface SandboxProcess {
  url: string;
  apiKey: string;
  pid: number;
  close(): Promise<void>;
}

export async function startSandboxProcess(options: SandboxOptions = {}): Promise<SandboxProcess> {
  const child = await startChild('sandbox', { rateLimitPerMinute: null, ...options });
  const { url, apiKey } = (await child.first) as { url: string; apiKey: string };
  return {
    url,
    apiKey,
    pid: child.process.pid!,
    close: () =>
      new Promise((resolve) => {
        child.process.once('exit', () => resolve());
        child.process.send({ id: -1, op: 'close' });
      }),
  };
}

export interface CounterProcess {
  /** The page's URL with its session token (null without `web`). */
  url: string | null;
  pid: number;
  dispatch(name: string, input?: unknown): Promise<Envelope<unknown>>;
  /** The engine process's memory (process.memoryUsage()) and its peak resident size so far. */
  memory(): Promise<NodeJS.MemoryUsage & { peakRss: number }>;
  close(): Promise<void>;
}

export async function startCounterProcess(options: CounterChildOptions): Promise<CounterProcess> {
  const child = await startChild('counter', { rendererDir: RENDERER_DIR, ...options });
  const { url, pid } = (await child.first) as { url: string | null; pid: number };
  return {
    url,
    pid,
    dispatch: (name, input = {}) => child.request({ op: 'dispatch', name, input }) as Promise<Envelope<unknown>>,
    memory: () => child.request({ op: 'memory' }) as Promise<NodeJS.MemoryUsage & { peakRss: number }>,
    close: async () => {
      await child.request({ op: 'close' });
    },
  };
}

/** The machine's load (1, 5, 15 min) and cores: printed beside every figure, as the machine is shared. */
export function loadLine(): string {
  const [one, five, fifteen] = os.loadavg().map((n) => n.toFixed(2));
  return `load average ${one} ${five} ${fifteen} on ${os.cpus().length} cores`;
}
