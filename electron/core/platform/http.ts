/**
 * One HTTP exchange with the platform: authentication headers, timeout, debug log, and the transport failures
 * (refused, reset, DNS, timeout) turned into PlatformErrors. Status handling is left to the caller; the wire itself
 * (undici, or a test's fetch) is roundTrip.ts.
 */
import type { Logger } from 'pino';
import { PlatformError } from './errors';
import type { RoundTrip } from './roundTrip';

export interface HttpRequest {
  method: 'GET' | 'PATCH' | 'POST' | 'DELETE';
  /** Path and query, already URL-encoded, starting with '/'. */
  path: string;
  /** The same path with the countermark masked: the only form that may be logged. */
  logPath: string;
  timeoutMs: number;
  /** A JSON body (programme writes); never logged. */
  json?: unknown;
}

export interface HttpResponse {
  status: number;
  /** The body as text ('' when there was none). */
  text: string;
}

export interface HttpTransport {
  baseUrl: string;
  apiKey: string;
  roundTrip: RoundTrip;
  logger?: Logger | undefined;
  /** Aborted when the engine closes: requests in flight end at once instead of holding the shutdown. */
  signal?: AbortSignal | undefined;
}

export async function send(transport: HttpTransport, req: HttpRequest): Promise<HttpResponse> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  // One signal covers connecting, waiting for headers and reading the body: a server that stalls mid-body
  // must not hold the cashier longer than a silent one. A timer and a listener rather than AbortSignal.timeout and
  // AbortSignal.any: this runs on every request, and those cost several times more.
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(timeoutReason()), req.timeoutMs);
  const closing = transport.signal;
  const onClose = () => controller.abort(closing?.reason);
  if (closing?.aborted) onClose();
  else closing?.addEventListener('abort', onClose, { once: true });
  let status: number | undefined;
  try {
    const answer = await transport.roundTrip(transport.baseUrl + req.path, {
      method: req.method,
      headers: {
        Authorization: `Bearer ${transport.apiKey}`,
        Accept: 'application/json',
        ...(req.json === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: req.json === undefined ? undefined : JSON.stringify(req.json),
      signal: controller.signal,
    });
    status = answer.status;
    const text = await answer.text();
    transport.logger?.debug({ method: req.method, path: req.logPath, status, ms: elapsed() }, 'pass Culture request');
    return { status, text };
  } catch (error) {
    // Once the signal has fired, it is the cause, whatever the wire reported (undici rejects with the signal's
    // reason, but a call started while the engine closes meets a pool already destroyed).
    const failure = transportError(controller.signal.aborted ? (controller.signal.reason as unknown) : error);
    transport.logger?.debug(
      { method: req.method, path: req.logPath, status: status ?? null, ms: elapsed(), error: failure.code },
      'pass Culture request failed',
    );
    throw failure;
  } finally {
    clearTimeout(timer);
    closing?.removeEventListener('abort', onClose);
  }
}

/** What AbortSignal.timeout aborts with: undici (and fetch) reject with it, and transportError reads its name. */
function timeoutReason(): DOMException {
  return new DOMException('The operation was aborted due to timeout', 'TimeoutError');
}

/**
 * The timer aborts with a TimeoutError, closing with an AbortError (undici's RequestAbortedError is named so too):
 * platform_timeout. Everything else is platform_unreachable: refused, reset (undici's UND_ERR_SOCKET), DNS
 * (ENOTFOUND), an unusable base URL (ERR_INVALID_URL, or UND_ERR_INVALID_ARG for a protocol other than http(s)),
 * undici's own connect timeout, a destroyed pool, an undecodable body.
 */
export function transportError(error: unknown): PlatformError {
  const name = error instanceof Error ? error.name : '';
  const code = name === 'TimeoutError' || name === 'AbortError' ? 'platform_timeout' : 'platform_unreachable';
  // No status even when headers had arrived before the body failed: the answer as a whole never came.
  // Only the cause's name and error code are kept (ECONNREFUSED, UND_ERR_SOCKET...): an HTTP client's messages may
  // quote a header, and the Authorization header is `Bearer <key>` — it must never reach a log.
  return new PlatformError(code, { status: null, cause: causeSummary(error) });
}

function causeSummary(error: unknown): { name: string; code: string | null } {
  const name = error instanceof Error ? error.name : typeof error;
  const inner = (error as { cause?: { code?: unknown } } | null)?.cause;
  const code = (error as { code?: unknown } | null)?.code ?? inner?.code;
  return { name, code: typeof code === 'string' ? code : null };
}
