/**
 * Does the platform's host answer at all? `HEAD /` without the key: no share of the key's rate budget, nothing
 * about the account in it. Any status below 500 (404, 401…) proves the host is reachable; a network error, a
 * timeout or a 5xx (a proxy's maintenance page) does not. Used by connectivity's heartbeat.
 */
const PING_TIMEOUT_MS = 1500;

export function createPing(baseUrl: string, timeoutMs = PING_TIMEOUT_MS): () => Promise<void> {
  const url = new URL('/', baseUrl);
  return async () => {
    const response = await fetch(url, {
      method: 'HEAD',
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    await response.body?.cancel();
    if (response.status >= 500) throw new Error(`HTTP ${response.status}`);
  };
}
