/**
 * Does the platform's host answer at all? `HEAD /` without the key: no share of the key's rate budget, nothing
 * about the account in it. Any status below 500 (404, 401…) proves the host is reachable; a network error, a
 * timeout or a 5xx (a proxy's maintenance page) does not. Used by connectivity's heartbeat.
 *
 * On the engine's own connection pool, like its API calls: the heartbeat (every 2 s of silence) keeps a connection
 * to the host open, so the next scan does not pay for a new one (a TLS handshake on the real platform).
 */
import { request, type Dispatcher } from 'undici';

const PING_TIMEOUT_MS = 1500;

export function createPing(baseUrl: string, dispatcher: Dispatcher, timeoutMs = PING_TIMEOUT_MS): () => Promise<void> {
  return async () => {
    // Resolved per ping: an unusable base URL fails each ping (offline) instead of the engine's start.
    const url = new URL('/', baseUrl);
    // undici's request follows no redirect, and a HEAD answer has no body: `dump` only releases the connection.
    const { statusCode, body } = await request(url, {
      method: 'HEAD',
      dispatcher,
      signal: AbortSignal.timeout(timeoutMs),
    });
    await body.dump();
    if (statusCode >= 500) throw new Error(`HTTP ${statusCode}`);
  };
}
