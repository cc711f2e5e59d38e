/**
 * The engine's connections to pass Culture (platformAccess.ts): its own keep-alive pool, API calls and heartbeat
 * alike, closed with it — a core stopped (an account change, a test) leaves no socket open behind it, and a call in
 * flight does not hold the stop. An unusable platform address never stops the engine from starting.
 */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../../../electron/core';
import { startSandbox, type Sandbox } from '../../../electron/sandbox';
import type { Envelope } from '../../../shared/contract';
import { startCounter, type CounterUnderTest } from '../../support/counterUnderTest';
import { findBooking, setFaults } from '../../support/sandboxControl';

interface Relay {
  url: string;
  /** Connections open through the relay now. */
  open(): number;
  /** Connections ever opened through it. */
  opened(): number;
  close(): Promise<void>;
}

/** A TCP relay to the sandbox, on 127.0.0.1: it sees every connection the counter opens to "the platform". */
async function startRelay(target: string): Promise<Relay> {
  const { port: targetPort } = new URL(target);
  const sockets = new Set<net.Socket>();
  let opened = 0;
  const server = net.createServer((client) => {
    opened++;
    sockets.add(client);
    const upstream = net.connect(Number(targetPort), '127.0.0.1');
    client.pipe(upstream).pipe(client);
    const end = () => {
      sockets.delete(client);
      client.destroy();
      upstream.destroy();
    };
    client.on('close', end).on('error', end);
    upstream.on('close', end).on('error', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    open: () => sockets.size,
    opened: () => opened,
    close: () => {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

let sandbox: Sandbox | null = null;
let relay: Relay | null = null;
let counter: CounterUnderTest | null = null;
afterEach(async () => {
  await counter?.close();
  await relay?.close();
  await sandbox?.close();
  counter = relay = sandbox = null;
});

/** A counter whose platform is the sandbox seen through a relay (control calls go to the sandbox directly). */
async function relayedCounter(): Promise<{ counter: CounterUnderTest; relay: Relay; sandbox: Sandbox }> {
  sandbox = await startSandbox({ rateLimitPerMinute: null });
  relay = await startRelay(sandbox.url);
  counter = await startCounter({ sandbox: { ...sandbox, url: relay.url, close: () => Promise.resolve() } });
  return { counter, relay, sandbox };
}

async function until(condition: () => boolean, withinMs: number): Promise<boolean> {
  const deadline = Date.now() + withinMs;
  while (!condition() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
  return condition();
}

describe("the engine's connections to pass Culture", () => {
  it('are kept alive between scans, and closed with the engine (well before they would idle out)', async () => {
    const { counter, relay, sandbox } = await relayedCounter();
    for (let i = 0; i < 3; i++) {
      const b = await findBooking(sandbox.url, { status: 'CONFIRMED', confirmed: true });
      const answer = await counter.core.dispatch('counter.lookup', { text: b.token });
      expect((answer as Envelope<unknown>).ok).toBe(true);
    }
    expect(relay.open()).toBeGreaterThan(0);
    // Kept alive: a handful of connections for the start-up's calls and three lookups, not one per call.
    expect(relay.opened()).toBeLessThanOrEqual(4);
    const stopped = Date.now();
    await counter.core.close();
    // Idle connections would live 4 s: closed within a fraction of that means the engine closed its pool.
    expect(await until(() => relay.open() === 0, 1000)).toBe(true);
    expect(Date.now() - stopped).toBeLessThan(1000);
  });

  it('a lookup hanging on the platform does not hold the stop, nor its connection', async () => {
    const { counter, relay, sandbox } = await relayedCounter();
    const b = await findBooking(sandbox.url, { status: 'CONFIRMED', confirmed: true });
    await setFaults(sandbox.url, { outage: 'hang' });
    const lookup = counter.core.dispatch('counter.lookup', { text: b.token });
    await new Promise((resolve) => setTimeout(resolve, 100)); // on the wire: the sandbox holds it
    const stopped = Date.now();
    await counter.core.close();
    await lookup.catch(() => undefined);
    expect(Date.now() - stopped).toBeLessThan(1000);
    expect(await until(() => relay.open() === 0, 1000)).toBe(true);
    await setFaults(sandbox.url, { outage: false });
  });

  it('an unusable platform address: the engine starts, answers from this counter, and stops', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'guichet-test-'));
    try {
      const core = await createCore({
        dataDir,
        platform: { baseUrl: 'not a url', apiKey: 'k' },
        mode: 'live',
        counterName: 'Caisse test',
        logger: pino({ level: 'silent' }),
        syncPeriodMs: 0,
      });
      const answer = (await core.dispatch('counter.lookup', { text: 'AB2CD3' })) as Envelope<{ source: string }>;
      expect(answer).toMatchObject({ ok: true, value: { source: 'local' } });
      await core.close();
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
