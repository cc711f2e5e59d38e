/**
 * One HTTP exchange with the platform: authentication headers, timeout, debug log, and the transport failures
 * (refused, reset, DNS, timeout) turned into PlatformErrors. Status handling is left to the caller.
 */
import type { Logger } from 'pino';
import { PlatformError } from './errors';

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
  fetch: typeof fetch;
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
    const response = await transport.fetch(transport.baseUrl + req.path, {
      method: req.method,
      headers: {
        Authorization: `Bearer ${transport.apiKey}`,
        Accept: 'application/json',
        ...(req.json === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: req.json === undefined ? undefined : JSON.stringify(req.json),
      // Never follow a redirect: it would carry the key elsewhere, and means the base URL is wrong anyway.
      redirect: 'manual',
      signal: controller.signal,
    });
    status = response.status;
    const text = await response.text();
    transport.logger?.debug({ method: req.method, path: req.logPath, status, ms: elapsed() }, 'pass Culture request');
    return { status, text };
  } catch (error) {
    const failure = transportError(error);
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

/** What AbortSignal.timeout aborts with: fetch rejects with it, and transportError reads its name. */
function timeoutReason(): DOMException {
  return new DOMException('The operation was aborted due to timeout', 'TimeoutError');
}

function transportError(error: unknown): PlatformError {
  const name = error instanceof Error ? error.name : '';
  // The timer aborts with a TimeoutError, closing with an AbortError.
  const code = name === 'TimeoutError' || name === 'AbortError' ? 'platform_timeout' : 'platform_unreachable';
  // No status even when headers had arrived before the body failed: the answer as a whole never came.
  // Only the cause's name and error code are kept (ECONNREFUSED, ECONNRESET...): fetch's own messages may quote a
  // header, and the Authorization header is `Bearer <key>` — it must never reach a log.
  return new PlatformError(code, { status: null, cause: causeSummary(error) });
}

function causeSummary(error: unknown): { name: string; code: string | null } {
  const name = error instanceof Error ? error.name : typeof error;
  const inner = (error as { cause?: { code?: unknown } } | null)?.cause;
  const code = (error as { code?: unknown } | null)?.code ?? inner?.code;
  return { name, code: typeof code === 'string' ? code : null };
}
