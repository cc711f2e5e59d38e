/** Transport failures: the platform silent, gone, or hanging up. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createPlatformClient, type PlatformClient } from '../../../electron/core/platform/client';
import { API_KEY, bookingJson, caught } from './fixtures';
import { closedPort, startServer, type TestServer } from './server';

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
