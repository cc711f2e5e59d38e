/**
 * Transport failures: the platform silent, gone, or hanging up; the engine closing. Against a real local server,
 * through the production wire (undici on a connection pool) unless a test injects a fetch.
 */
import { errors } from 'undici';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createPlatformClient, type PlatformClient } from '../../../electron/core/platform/client';
import { transportError } from '../../../electron/core/platform/http';
import { createPlatformDispatcher } from '../../../electron/core/platform/roundTrip';
import { API_KEY, bookingJson, caught } from './fixtures';
import { closedPort, startServer, type Reply, type TestServer } from './server';

let server: TestServer;
let client: PlatformClient;

beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.reset();
  client = createPlatformClient({ baseUrl: server.baseUrl, apiKey: API_KEY, timeoutMs: 150 });
});

const LOOKUP = '/public/bookings/v1/token/AB2CD3';

describe('timeouts', () => {
  it('a server that never answers → platform_timeout', async () => {
    server.reply('GET', LOOKUP, { hang: true });
    const started = Date.now();
    const error = await caught(client.getBookingByToken('AB2CD3'));
    expect(error).toMatchObject({ code: 'platform_timeout', status: null, body: null });
    expect(error.message).toBe('pass Culture ne répond pas (délai dépassé) : réessayez dans un instant.');
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('a body that stalls half-way → platform_timeout too', async () => {
    server.reply('GET', LOOKUP, { stallBody: true });
    expect((await caught(client.getBookingByToken('AB2CD3'))).code).toBe('platform_timeout');
  });

  it('a per-call timeout overrides the default', async () => {
    const patient = createPlatformClient({ baseUrl: server.baseUrl, apiKey: API_KEY, timeoutMs: 60_000 });
    server.reply('PATCH', '/public/bookings/v1/use/token/AB2CD3', { hang: true });
    const started = Date.now();
    expect((await caught(patient.useToken('AB2CD3', { timeoutMs: 100 }))).code).toBe('platform_timeout');
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('a slow but timely answer is fine', async () => {
    server.reply('GET', LOOKUP, { status: 200, json: bookingJson });
    await expect(client.getBookingByToken('AB2CD3', { timeoutMs: 5000 })).resolves.toMatchObject({ id: 1234 });
  });
});

describe('unreachable', () => {
  it('connection refused → platform_unreachable', async () => {
    const port = await closedPort();
    const offline = createPlatformClient({ baseUrl: `http://127.0.0.1:${port}`, apiKey: API_KEY });
    const error = await caught(offline.getBookingByToken('AB2CD3'));
    expect(error).toMatchObject({ code: 'platform_unreachable', status: null });
    expect(error.message).toBe('pass Culture est injoignable : vérifiez la connexion Internet.');
  });

  it('socket reset before an answer → platform_unreachable', async () => {
    server.reply('GET', LOOKUP, { destroy: true });
    expect(await caught(client.getBookingByToken('AB2CD3'))).toMatchObject({
      code: 'platform_unreachable',
      status: null,
    });
  });

  it('socket reset in the middle of the body → platform_unreachable', async () => {
    server.reply('GET', LOOKUP, { destroyMidBody: true });
    expect((await caught(client.getBookingByToken('AB2CD3', { timeoutMs: 5000 }))).code).toBe('platform_unreachable');
  });

  it('an unusable base URL fails each call instead of crashing the start-up', async () => {
    const misconfigured = createPlatformClient({ baseUrl: 'not a url', apiKey: API_KEY });
    expect((await caught(misconfigured.getOffererVenues())).code).toBe('platform_unreachable');
  });

  it('an injected fetch is used, and its rejection mapped', async () => {
    const calls: string[] = [];
    const failing: typeof fetch = (input) => {
      calls.push(String(input));
      return Promise.reject(new TypeError('fetch failed'));
    };
    const injected = createPlatformClient({
      baseUrl: 'https://backend.passculture.app/',
      apiKey: API_KEY,
      fetch: failing,
    });
    expect((await caught(injected.getBookingByToken('AB2CD3'))).code).toBe('platform_unreachable');
    expect(calls).toEqual(['https://backend.passculture.app/public/bookings/v1/token/AB2CD3']);
  });
});

describe('the engine closing', () => {
  /** A client as the engine makes it: its own pool, and the engine's closing signal (patient: 60 s). */
  function engineClient() {
    const closing = new AbortController();
    const dispatcher = createPlatformDispatcher();
    const signal = closing.signal;
    const client = createPlatformClient({
      baseUrl: server.baseUrl,
      apiKey: API_KEY,
      timeoutMs: 60_000,
      signal,
      dispatcher,
    });
    return { closing, dispatcher, client };
  }

  it('aborts a call in flight at once → platform_timeout, and the connection is not kept', async () => {
    const { closing, dispatcher, client: engine } = engineClient();
    server.reply('GET', LOOKUP, { hang: true });
    const started = Date.now();
    const pending = caught(engine.getBookingByToken('AB2CD3'));
    await waitFor(() => server.requests.length === 1);
    closing.abort();
    expect(await pending).toMatchObject({ code: 'platform_timeout', status: null });
    expect(Date.now() - started).toBeLessThan(2000);
    await waitFor(() => server.requests[0]?.socketClosed === true);
    await dispatcher.destroy();
  });

  it('a call after the pool is closed fails as closing (platform_timeout), never as a network fault', async () => {
    const { closing, dispatcher, client: engine } = engineClient();
    closing.abort();
    await dispatcher.destroy();
    const started = Date.now();
    expect((await caught(engine.getOffererVenues())).code).toBe('platform_timeout');
    expect(Date.now() - started).toBeLessThan(1000);
    expect(server.requests).toHaveLength(0);
  });
});

describe('the API key', () => {
  const failures: [string, Reply | 'refused'][] = [
    ['silent server', { hang: true }],
    ['stalled body', { stallBody: true }],
    ['reset', { destroy: true }],
    ['reset mid-body', { destroyMidBody: true }],
    ['refused', 'refused'],
  ];

  it.each(failures)('never appears in the error of a failed call (%s)', async (_label, failure) => {
    const baseUrl = failure === 'refused' ? `http://127.0.0.1:${await closedPort()}` : server.baseUrl;
    if (failure !== 'refused') server.reply('GET', LOOKUP, failure);
    const error = await caught(
      createPlatformClient({ baseUrl, apiKey: API_KEY }).getBookingByToken('AB2CD3', { timeoutMs: 200 }),
    );
    expect(['platform_timeout', 'platform_unreachable']).toContain(error.code);
    // Only the cause's name and code are kept.
    expect(Object.keys(error.cause as object).sort()).toEqual(['code', 'name']);
    for (const text of [error.message, error.stack ?? '', JSON.stringify(error), JSON.stringify(error.cause)]) {
      expect(text).not.toContain(API_KEY);
      expect(text).not.toContain('Bearer');
    }
  });
});

describe("undici's errors", () => {
  it.each([
    ['a socket closed by the other side', 'platform_unreachable', new errors.SocketError('other side closed')],
    ["undici's own connect timeout", 'platform_unreachable', new errors.ConnectTimeoutError()],
    [
      'a header undici refuses',
      'platform_unreachable',
      new errors.InvalidArgumentError('invalid authorization header'),
    ],
    ['a destroyed pool', 'platform_unreachable', new errors.ClientDestroyedError()],
    ['an abort without a reason', 'platform_timeout', new errors.RequestAbortedError()],
    ['the timer', 'platform_timeout', new DOMException('The operation was aborted due to timeout', 'TimeoutError')],
    ['closing', 'platform_timeout', new DOMException('This operation was aborted', 'AbortError')],
  ])('%s → %s', (_label, code, error) => {
    const mapped = transportError(error);
    expect(mapped.code).toBe(code);
    const undiciCode = (error as { code?: unknown }).code;
    expect(mapped.cause).toEqual({ name: error.name, code: typeof undiciCode === 'string' ? undiciCode : null });
  });
});

describe('the wire', () => {
  it('asks for gzip and reads a compressed answer', async () => {
    server.reply('GET', LOOKUP, { status: 200, json: bookingJson, gzip: true });
    await expect(client.getBookingByToken('AB2CD3')).resolves.toMatchObject({ id: 1234 });
    expect(server.requests[0]?.headers['accept-encoding']).toBe('gzip');
  });

  it('reads a compressed refusal too', async () => {
    server.reply('PATCH', '/public/bookings/v1/use/token/AB2CD3', {
      status: 410,
      json: { booking: 'This booking has already been validated' },
      gzip: true,
    });
    expect(await caught(client.useToken('AB2CD3'))).toMatchObject({ code: 'already_used', status: 410 });
  });

  it('keeps connections alive between calls', async () => {
    server.reply('GET', LOOKUP, { status: 200, json: bookingJson });
    const dispatcher = createPlatformDispatcher();
    const pooled = createPlatformClient({ baseUrl: server.baseUrl, apiKey: API_KEY, dispatcher });
    for (let i = 0; i < 10; i++) await pooled.getBookingByToken('AB2CD3');
    const ports = server.requests.map((r) => r.remotePort);
    // One after the other: a connection may be taken while the last one is being released, never one per call.
    expect(new Set(ports).size).toBeLessThanOrEqual(2);
    await dispatcher.destroy();
  });
});

async function waitFor(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
  if (!condition()) throw new Error('condition not met within a second');
}
