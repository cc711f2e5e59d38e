/**
 * Starts benchChild.ts processes (the sandbox platform; the engine with its browser-mode host) and talks to them.
 * The benchmark itself (Playwright, key sending, timing) stays in its own process, so it never shares the engine's
 * event loop — as a cashier's browser or Electron's renderer does not.
 */
import { fork, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import type { SandboxOptions } from '../electron/sandbox';
import type { Envelope } from '../shared/contract';
import type { ChildCall, ChildReply, CounterChildOptions } from './benchChild';

const CHILD = path.join(import.meta.dirname, 'benchChild.ts');

interface Child {
  process: ChildProcess;
  request(message: ChildCall): Promise<unknown>;
  first: Promise<unknown>;
}

function startChild(role: 'sandbox' | 'counter', options: unknown): Child {
  // BENCH_ENGINE_PROFILE=<dir>: the engine's CPU profile (V8's --cpu-prof), written when it stops.
  const profile = role === 'counter' && process.env.BENCH_ENGINE_PROFILE;
  const child = fork(CHILD, [role, JSON.stringify(options)], {
    execArgv: ['--import', 'tsx', ...(profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : [])],
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
  const child = startChild('sandbox', { rateLimitPerMinute: null, ...options });
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
  /** The engine process's memory (process.memoryUsage()). */
  memory(): Promise<NodeJS.MemoryUsage>;
  close(): Promise<void>;
}

export async function startCounterProcess(options: CounterChildOptions): Promise<CounterProcess> {
  const child = startChild('counter', options);
  const { url, pid } = (await child.first) as { url: string | null; pid: number };
  return {
    url,
    pid,
    dispatch: (name, input = {}) => child.request({ op: 'dispatch', name, input }) as Promise<Envelope<unknown>>,
    memory: () => child.request({ op: 'memory' }) as Promise<NodeJS.MemoryUsage>,
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
