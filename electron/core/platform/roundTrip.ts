/**
 * The wire under platform/http.ts: one request out, its status and body back. In production undici's `request`
 * on a connection pool the engine owns (and closes with it); in tests an injected fetch. Both give `send` the
 * same shape, so timeouts, closing and the error mapping are one code path.
 *
 * Why not the global fetch: its WHATWG streams, Headers and Response objects cost about 0.7 ms a round trip on a
 * counter PC — as much as the app's whole overhead target for a validation, and paid again on every page of a
 * season's sync. undici is the HTTP client fetch is built on, maintained by the Node.js project.
 */
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import { Agent, request, type Dispatcher } from 'undici';

export interface RoundTripInit {
  method: string;
  headers: Record<string, string>;
  body: string | undefined;
  /** Covers connecting, waiting for the headers and reading the body. */
  signal: AbortSignal;
}

export interface RoundTripAnswer {
  status: number;
  /** The whole body as text; rejects (and releases the connection) when the body fails or the signal fires. */
  text(): Promise<string>;
}

/** Resolves once the answer's headers have arrived; rejects with the signal's reason when it fires. */
export type RoundTrip = (url: string, init: RoundTripInit) => Promise<RoundTripAnswer>;

/**
 * The engine's connections to pass Culture. One host, a handful of requests at a time (the rate budget runs six
 * at most): the cap is only a bound, above that, so undici never queues a cashier's call behind a sync page.
 * Idle connections are kept 4 s (undici's default, or what the server's Keep-Alive header says): shorter than the
 * usual servers' idle timeout (Node's is 5 s), so a validation is never written on a socket the server is closing.
 */
export function createPlatformDispatcher(): Agent {
  return new Agent({ connections: 8, keepAliveTimeout: 4_000, keepAliveMaxTimeout: 60_000 });
}

let shared: Agent | null = null;

/** For one-off clients (an account check, tests): one pool for them all, as fetch's global one was. */
export function sharedPlatformDispatcher(): Agent {
  shared ??= createPlatformDispatcher();
  return shared;
}

export function undiciRoundTrip(dispatcher: Dispatcher): RoundTrip {
  return async (url, init) => {
    // undici's `request` never follows a redirect (that takes a redirect interceptor, which this pool does not
    // have): a redirect would carry the key elsewhere, and means the base URL is wrong anyway.
    const { statusCode, headers, body } = await request(url, {
      dispatcher,
      method: init.method as Dispatcher.HttpMethod,
      // Compressed pages, as fetch asked for them: a season's listing is tens of megabytes of JSON otherwise. A
      // user agent, as fetch sent one (`node`): some firewalls refuse requests without.
      headers: { ...init.headers, 'accept-encoding': 'gzip', 'user-agent': USER_AGENT },
      body: init.body,
      signal: init.signal,
    });
    return { status: statusCode, text: () => bodyText(body, headers['content-encoding']) };
  };
}

const USER_AGENT = 'Guichet-pass-Culture';
const gunzipAsync = promisify(gunzip);
const utf8 = new TextDecoder();

async function bodyText(body: Dispatcher.ResponseData['body'], encoding: string | string[] | undefined) {
  const coding = typeof encoding === 'string' ? encoding.trim().toLowerCase() : '';
  if (coding !== 'gzip' && coding !== 'x-gzip') return body.text();
  return utf8.decode(await gunzipAsync(await body.arrayBuffer()));
}

/** An injected fetch (tests) behind the same shape; it must not follow redirects either. */
export function fetchRoundTrip(fetchFn: typeof fetch): RoundTrip {
  return async (url, init) => {
    const response = await fetchFn(url, { ...init, redirect: 'manual' });
    return { status: response.status, text: () => response.text() };
  };
}
