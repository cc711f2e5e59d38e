/**
 * Stand-ins for the host tests: fake cores (recording calls, emitting events on demand, optionally holding a call
 * until released), a pino logger whose every line is kept, and throw-away data folders.
 */
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pino, { type Logger } from 'pino';
import { vi } from 'vitest';
import type { EventName } from '../../../shared/channels';
import type { Envelope } from '../../../shared/contract';
import type { AccountTarget, RunningCore } from '../../../electron/host/bootstrap';
import type { Core, EventListener } from '../../../electron/core/types';
import { LOGGER_OPTIONS } from '../../../electron/host/logger';
import { contractClient } from '../../../electron/core/client';

export interface Deferred<T = void> {
  promise: Promise<T>;
  resolve(value: T): void;
}

export function deferred<T = void>(): Deferred<T> {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

export interface FakeCore extends Core {
  label: string;
  target: AccountTarget;
  closed: boolean;
  emit(name: EventName, payload: unknown): void;
  /** The next dispatch of `name` waits for the returned deferred. */
  hold(name: string): Deferred;
  dispatch: ReturnType<typeof vi.fn<Core['dispatch']>>;
}

/** Every step the fake cores went through, in order (dispatch done, close, start). */
export type Journal = string[];

export function fakeCore(label: string, target: AccountTarget, journal: Journal): FakeCore {
  const listeners = new Set<EventListener>();
  const held = new Map<string, Deferred>();
  const core: FakeCore = {
    label,
    target,
    closed: false,
    emit(name, payload) {
      for (const listener of listeners) listener(name, payload);
    },
    hold(name) {
      const gate = deferred();
      held.set(name, gate);
      return gate;
    },
    dispatch: vi.fn<Core['dispatch']>(async (name, input): Promise<Envelope<unknown>> => {
      const gate = held.get(String(name));
      if (gate) {
        held.delete(String(name));
        await gate.promise;
      }
      if (core.closed) return { ok: false, error: { code: 'internal', message: `${label} is closed` } };
      journal.push(`${label}:${String(name)}`);
      return { ok: true, value: { core: label, name, input } };
    }),
    call: contractClient((name, input) => core.dispatch(name, input)),
    authorize: (_name, caller) => ({ ...caller, personId: null, personName: null, role: 'manager' }),
    forgetTerminal() {},
    recordAudit() {},
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      core.closed = true;
      listeners.clear();
      journal.push(`${label}:close`);
    },
  };
  return core;
}

/** A `startCore` that builds fake cores (core1, core2, …); `gate` can hold the next start. */
export function fakeCores() {
  const journal: Journal = [];
  const cores: FakeCore[] = [];
  let nextStart: Deferred | null = null;
  let failNext: ((target: AccountTarget) => boolean) | null = null;
  const startCore = vi.fn(async (target: AccountTarget): Promise<RunningCore> => {
    const gate = nextStart;
    nextStart = null;
    journal.push(`start:${target.mode}`);
    if (gate) await gate.promise;
    if (failNext?.(target)) throw new Error('base de données verrouillée');
    const core = fakeCore(`core${cores.length + 1}`, target, journal);
    cores.push(core);
    return {
      core,
      mode: target.mode,
      description: `${core.label} (${target.mode})`,
      close: () => core.close(),
    };
  });
  return {
    journal,
    cores,
    startCore,
    /** Holds the next core start until the returned deferred is resolved. */
    holdNextStart(): Deferred {
      nextStart = deferred();
      return nextStart;
    },
    failWhen(predicate: ((target: AccountTarget) => boolean) | null) {
      failNext = predicate;
    },
    last(): FakeCore {
      const core = cores.at(-1);
      if (!core) throw new Error('no core started');
      return core;
    },
  };
}

/** A pino logger at the most verbose level, with the hosts' redaction, keeping every line. */
export function capturedLogger(): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  const logger = pino({ level: 'trace', ...LOGGER_OPTIONS }, { write: (line: string) => lines.push(line) });
  return { logger, lines };
}

export function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'guichet-host-'));
}

/** A port on 127.0.0.1 where nothing listens (bound, then released). */
export async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A one-route HTTP server on 127.0.0.1 answering every request with `status` and `body`. */
export async function fixedServer(
  status: number,
  body: string,
  contentType = 'application/json',
): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((_request, response) => {
    response.writeHead(status, { 'Content-Type': contentType });
    response.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
