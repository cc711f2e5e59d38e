/**
 * The log of pass Culture requests (never the control API's), so a test can check what a client really sent:
 * "PATCH use sent exactly once for this token", "never more than N requests in any 60 s". Times are the
 * sandbox clock's. The oldest entries go beyond MAX_ENTRIES; sequence numbers keep growing across resets so a
 * `since` cursor held by a test stays meaningful.
 */
import { RATE_WINDOW_MS } from './ratelimit';

const MAX_ENTRIES = 10_000;

export interface LoggedRequest {
  seq: number;
  method: string;
  /** As sent, query string included, token in its original case. */
  path: string;
  /** The route pattern, e.g. `/public/bookings/v1/use/token/:token`; null when no route matched. */
  route: string | null;
  /** Upper-cased `:token` of the route, when it has one. */
  token: string | null;
  /** null while in flight, or when no HTTP answer was given (connection reset or dropped). */
  status: number | null;
  /** The injected fault that answered or dropped it, if any. */
  fault: string | null;
  /** Arrival, ISO 8601 with milliseconds. */
  time: string;
  /** Arrival, epoch milliseconds, for window computations. */
  at: number;
}

export class RequestLog {
  private entries: LoggedRequest[] = [];
  private lastSeq = 0;

  start(fields: Pick<LoggedRequest, 'method' | 'path' | 'route' | 'token'>, at: number): LoggedRequest {
    const entry: LoggedRequest = {
      seq: ++this.lastSeq,
      ...fields,
      status: null,
      fault: null,
      time: new Date(at).toISOString(),
      at,
    };
    this.entries.push(entry);
    if (this.entries.length > MAX_ENTRIES) this.entries.splice(0, this.entries.length - MAX_ENTRIES);
    return entry;
  }

  since(seq: number): LoggedRequest[] {
    return this.entries.filter((entry) => entry.seq > seq);
  }

  get seq(): number {
    return this.lastSeq;
  }

  /** Requests that arrived in the `RATE_WINDOW_MS` up to `now`. */
  inLastMinute(now: number): number {
    return this.entries.filter((entry) => entry.at > now - RATE_WINDOW_MS && entry.at <= now).length;
  }

  /** The most requests that arrived within any `windowMs` span (a half-open window, as the rate limit's). */
  maxInWindow(windowMs: number): number {
    const times = this.entries.map((entry) => entry.at).sort((a, b) => a - b);
    let max = 0;
    let first = 0;
    times.forEach((t, last) => {
      while ((times[first] ?? t) <= t - windowMs) first++;
      max = Math.max(max, last - first + 1);
    });
    return max;
  }

  clear(): void {
    this.entries = [];
  }
}
