/**
 * Browser-mode host: only this run's page may reach the core, over loopback.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { Core, EventListener } from '../../../electron/core/types';
import { startWebHost, type WebHost } from '../../../electron/web/server';
import { CLOSE_TOO_BIG, isOverRequestLimit, MAX_REQUEST_BYTES } from '../../../shared/wire';
import { contractClient } from '../../../electron/core/client';

const staticDir = fs.mkdtempSync(path.join(os.tmpdir(), 'guichet-static-'));
fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Guichet</title>');

const calls: { name: unknown; input: unknown }[] = [];
let listener: EventListener | null = null;
const fakeCore: Core = {
  async dispatch(name, input) {
    calls.push({ name, input });
    return name === 'app.info'
      ? { ok: true, value: { echo: input } }
      : { ok: false, error: { code: 'unknown_call', message: 'x' } };
  },
  onEvent(l) {
    listener = l;
    return () => (listener = null);
  },
  async close() {},
  call: contractClient((name, input) => fakeCore.dispatch(name, input)),
  authorize: (_name, caller) => ({ ...caller, personId: null, personName: null, role: 'manager' }),
  forgetTerminal() {},
  recordAudit() {},
};

let host: WebHost;
const SESSION = 'test-session-token-0123456789';
beforeAll(async () => {
  host = await startWebHost({ core: fakeCore, staticDir, logger: pino({ level: 'silent' }), sessionToken: SESSION });
});
afterAll(async () => {
  await host.close();
  fs.rmSync(staticDir, { recursive: true, force: true });
});

const origin = () => `http://127.0.0.1:${host.port}`;
function connect(session: string, headers: Record<string, string> = { Origin: origin() }): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`ws://127.0.0.1:${host.port}/ws?session=${session}`, { headers });
    socket.once('open', () => resolve(socket));
    socket.once('error', reject);
    socket.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
  });
}
function nextMessage(socket: WebSocket): Promise<unknown> {
  return new Promise((resolve) => socket.once('message', (data) => resolve(JSON.parse(data.toString()))));
}

describe('browser-mode host', () => {
  it('prints a loopback URL carrying the session token', () => {
    expect(host.url).toBe(`${origin()}/?session=${SESSION}`);
  });

  it('serves the renderer with a strict CSP and no referrer', async () => {
    const response = await fetch(`${origin()}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it('refuses a request for another host name (DNS rebinding)', async () => {
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port: host.port, path: '/', headers: { Host: 'evil.example:80' } },
        (res) => resolve(res.statusCode ?? 0),
      );
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(421);
  });

  it('refuses a WebSocket without the session token, or from another origin', async () => {
    await expect(connect('wrong-token')).rejects.toThrow(/401/);
    await expect(connect(SESSION, { Origin: 'http://evil.example' })).rejects.toThrow(/401/);
  });

  it('carries a call to the core and its envelope back, and pushes events', async () => {
    const socket = await connect(SESSION);
    const reply = nextMessage(socket);
    socket.send(JSON.stringify({ id: 7, name: 'app.info', input: { a: 1 } }));
    expect(await reply).toEqual({ type: 'reply', id: 7, envelope: { ok: true, value: { echo: { a: 1 } } } });
    expect(calls.at(-1)).toEqual({ name: 'app.info', input: { a: 1 } });

    const event = nextMessage(socket);
    listener?.('ledger.changed', { entryId: 1, kind: 'lookup' });
    expect(await event).toEqual({ type: 'event', name: 'ledger.changed', payload: { entryId: 1, kind: 'lookup' } });
    socket.close();
  });

  it('answers frames that are not requests with an error, without crashing', async () => {
    const socket = await connect(SESSION);
    let reply = nextMessage(socket);
    socket.send('not json');
    expect(await reply).toMatchObject({ type: 'error', id: null, error: { code: 'invalid_input' } });
    reply = nextMessage(socket);
    socket.send(JSON.stringify({ nope: true }));
    expect(await reply).toMatchObject({
      type: 'error',
      id: null,
      error: { message: expect.stringMatching(/Demande invalide/) },
    });
    reply = nextMessage(socket);
    socket.send(JSON.stringify({ id: 4, name: 42 }));
    expect(await reply).toMatchObject({
      type: 'reply',
      id: 4,
      envelope: { ok: false, error: { code: 'invalid_input' } },
    });
    reply = nextMessage(socket);
    socket.send(JSON.stringify({ id: 1, name: 'app.info', input: {} }));
    expect(await reply).toMatchObject({ type: 'reply', id: 1 });
    socket.close();
  });

  it('takes a call carrying a 5 MB poster in base64 (the 64 KiB limit it had broke posters in browser mode)', async () => {
    const socket = await connect(SESSION);
    const base64 = Buffer.alloc(5 * 1024 * 1024, 7).toString('base64');
    const request = JSON.stringify({ id: 9, name: 'app.info', input: { poster: { base64 } } });
    expect(isOverRequestLimit(request)).toBe(false);
    const reply = nextMessage(socket);
    socket.send(request);
    expect(await reply).toMatchObject({ type: 'reply', id: 9, envelope: { ok: true } });
    expect((calls.at(-1)?.input as { poster: { base64: string } }).poster.base64).toHaveLength(base64.length);
    socket.close();
  });

  it('closes with 1009 "Message Too Big" on a message over the bound, and keeps serving other pages', async () => {
    const socket = await connect(SESSION);
    const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
    const before = calls.length;
    socket.send(JSON.stringify({ id: 10, name: 'app.info', input: { blob: 'x'.repeat(MAX_REQUEST_BYTES) } }));
    expect(await closed).toBe(CLOSE_TOO_BIG);
    expect(calls.length).toBe(before);

    const other = await connect(SESSION);
    const reply = nextMessage(other);
    other.send(JSON.stringify({ id: 11, name: 'app.info', input: {} }));
    expect(await reply).toMatchObject({ type: 'reply', id: 11 });
    other.close();
  });
});

describe('request size check (the page refuses before sending)', () => {
  it('counts UTF-8 bytes, deciding from the length alone when it can', () => {
    expect(isOverRequestLimit('a'.repeat(10), 10)).toBe(false);
    expect(isOverRequestLimit('a'.repeat(11), 10)).toBe(true);
    // "é" is 2 bytes, "€" 3: five characters, 11 bytes.
    expect(isOverRequestLimit('éé€€a', 11)).toBe(false);
    expect(isOverRequestLimit('éé€€a', 10)).toBe(true);
    // An emoji is two UTF-16 units and four bytes.
    expect(isOverRequestLimit('🎬', 4)).toBe(false);
    expect(isOverRequestLimit('🎬', 3)).toBe(true);
  });
});
