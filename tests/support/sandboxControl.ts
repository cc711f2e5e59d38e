/** Test helpers around the sandbox's control API (`/__sandbox/`). */
import { z } from 'zod';

export const sandboxBookingSchema = z.object({
  token: z.string(),
  id: z.number(),
  status: z.enum(['CONFIRMED', 'USED', 'CANCELLED', 'REIMBURSED']),
  confirmationDate: z.string().nullable(),
  firstName: z.string(),
  lastName: z.string(),
  offerName: z.string(),
  offerId: z.number(),
  stockId: z.number(),
  seanceStart: z.string(),
  quantity: z.number(),
  price: z.number(),
  priceCategoryLabel: z.string().nullable(),
  usedCount: z.number(),
  dateUsed: z.string().nullable(),
  cancellationDate: z.string().nullable(),
  lookupOutcome: z.enum(['valid', 'not_confirmed', 'used', 'cancelled', 'reimbursed']),
});
export type SandboxBooking = z.infer<typeof sandboxBookingSchema>;

export async function sandboxBookings(url: string): Promise<SandboxBooking[]> {
  const response = await fetch(`${url}/__sandbox/bookings`);
  return z.object({ bookings: z.array(sandboxBookingSchema) }).parse(await response.json()).bookings;
}

export interface BookingFilter {
  status: SandboxBooking['status'];
  confirmed?: boolean;
  quantity?: number;
}

/** Bookings matching a filter; `now` decides "confirmed" (confirmation date passed). */
export async function findBookings(url: string, filter: BookingFilter, now = new Date()): Promise<SandboxBooking[]> {
  return (await sandboxBookings(url)).filter(
    (b) =>
      b.status === filter.status &&
      (filter.quantity === undefined || b.quantity === filter.quantity) &&
      (filter.confirmed === undefined ||
        filter.confirmed === (b.confirmationDate === null || new Date(b.confirmationDate) <= now)),
  );
}

/** Adds a booking on the platform (the control API's defaults: a confirmed booking of a séance soon). */
export async function addSandboxBooking(
  url: string,
  fields: {
    stockId?: number;
    status?: SandboxBooking['status'];
    quantity?: number;
    firstName?: string;
    lastName?: string;
    confirmed?: boolean;
  } = { status: 'CONFIRMED', confirmed: true },
): Promise<SandboxBooking> {
  const response = await fetch(`${url}/__sandbox/bookings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(fields),
  });
  if (response.status !== 201) throw new Error(`booking refused: ${response.status} ${await response.text()}`);
  return sandboxBookingSchema.parse(await response.json());
}

export async function findBooking(url: string, filter: BookingFilter): Promise<SandboxBooking> {
  const found = (await findBookings(url, filter))[0];
  if (!found) throw new Error(`no sandbox booking matches ${JSON.stringify(filter)}`);
  return found;
}

/** The sandbox's faults, as `GET /__sandbox/faults` shows them. */
export interface SandboxFaults {
  latencyMs: number;
  outage: false | 'reset' | 'hang' | 'http503';
  malformed: boolean;
  /** 0..1: share of requests answering 500, 502 or 503. */
  errorRate: number;
  /** 0..1: share of connections reset. */
  resetRate: number;
  /** The next N requests answer 429 (what is left of it). */
  rateLimitBurst: number;
  /** A random 0..latencyJitterMs added to latencyMs. */
  latencyJitterMs: number;
}

/** Changes only the fields given (typed loosely so `it.each` tables of faults type-check). */
export async function setFaults(url: string, faults: Partial<SandboxFaults> | Record<string, unknown>): Promise<void> {
  await control(url, 'POST', '/faults', faults);
}

export async function getFaults(url: string): Promise<SandboxFaults> {
  return (await control(url, 'GET', '/faults')) as SandboxFaults;
}

export async function clearFaults(url: string): Promise<void> {
  await control(url, 'DELETE', '/faults');
}

export async function resetSandbox(url: string): Promise<void> {
  await fetch(`${url}/__sandbox/reset`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{}',
  });
}

/** A control call; throws with the sandbox's explanation unless it answers 2xx. */
async function control(url: string, method: string, path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${url}/__sandbox${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} /__sandbox${path}: ${response.status} ${text}`);
  return text === '' ? undefined : (JSON.parse(text) as unknown);
}

// --- Rate limit, clock and counters -------------------------------------------------------------------------------

/** Requests per rolling minute before 429; null: no limit. */
export async function setRateLimit(url: string, rateLimitPerMinute: number | null): Promise<void> {
  await control(url, 'POST', '/config', { rateLimitPerMinute });
}

/** The sandbox's booking listing: by venue and offer (2026), or by offer only (the platform before). */
export async function setVenueListing(url: string, venueListing: boolean): Promise<void> {
  await control(url, 'POST', '/config', { venueListing });
}

export interface SandboxClock {
  /** The sandbox's now, ISO 8601 UTC. */
  now: string;
  offsetMs: number;
}

/** Moves the sandbox's clock forward (confirmation dates, the rate-limit window). */
export async function advanceSandboxClock(url: string, advanceMs: number): Promise<SandboxClock> {
  return (await control(url, 'POST', '/clock', { advanceMs })) as SandboxClock;
}

/** Sets the sandbox's clock to an instant (ISO 8601 with an offset); it keeps running from there. */
export async function setSandboxClock(url: string, now: string | Date): Promise<SandboxClock> {
  const iso = typeof now === 'string' ? now : now.toISOString();
  return (await control(url, 'POST', '/clock', { now: iso })) as SandboxClock;
}

export interface SandboxStats {
  /** Pass Culture requests by `METHOD /route/pattern`. */
  requests: Record<string, number>;
  total: number;
  /** 429 answers (the documented limit and the rateLimitBurst fault). */
  rateLimited: number;
  /** Requests in the last 60 s of the sandbox's clock. */
  perMinute: number;
  /** Only with `windowMs`: the most requests that arrived within any span of windowMs. */
  windowMs?: number;
  maxInWindow?: number;
}

export async function sandboxStats(url: string, windowMs?: number): Promise<SandboxStats> {
  return (await control(url, 'GET', windowMs === undefined ? '/stats' : `/stats?windowMs=${windowMs}`)) as SandboxStats;
}

// --- The request log ------------------------------------------------------------------------------------------------

export interface SandboxRequest {
  seq: number;
  method: string;
  /** As sent, query included. */
  path: string;
  route: string | null;
  /** The route's token, upper-cased. */
  token: string | null;
  /** null while in flight or when no HTTP answer was given (reset, dropped). */
  status: number | null;
  fault: string | null;
  time: string;
}

/** Pass Culture requests logged after `since` (a `seq`; 0 for all kept). */
export async function sandboxRequests(
  url: string,
  since = 0,
): Promise<{ requests: SandboxRequest[]; lastSeq: number }> {
  return (await control(url, 'GET', `/requests?since=${since}`)) as { requests: SandboxRequest[]; lastSeq: number };
}

/** How many `PATCH use` of this token the platform accepted (204): 1 means "validated exactly once". */
export async function successfulUses(url: string, token: string, since = 0): Promise<number> {
  const { requests } = await sandboxRequests(url, since);
  return requests.filter(
    (r) =>
      r.method === 'PATCH' &&
      r.route === '/public/bookings/v1/use/token/:token' &&
      r.token === token.toUpperCase() &&
      r.status === 204,
  ).length;
}

// --- What happens away from the counter --------------------------------------------------------------------------------

/** The beneficiary cancels (within the cancellation window only), or the venue does (any unused booking). */
export async function cancelSandboxBooking(
  url: string,
  id: number,
  by: 'beneficiary' | 'offerer' = 'beneficiary',
): Promise<SandboxBooking> {
  return sandboxBookingSchema.parse(await control(url, 'POST', `/bookings/${id}/cancel`, { by }));
}

/** Validated elsewhere (the pro web site), with the platform's usual checks. */
export async function useSandboxBooking(url: string, id: number): Promise<SandboxBooking> {
  return sandboxBookingSchema.parse(await control(url, 'POST', `/bookings/${id}/use`));
}

/** Reimbursed by a payment run (used bookings only). */
export async function reimburseSandboxBooking(url: string, id: number): Promise<SandboxBooking> {
  return sandboxBookingSchema.parse(await control(url, 'POST', `/bookings/${id}/reimburse`));
}

// --- Traffic ----------------------------------------------------------------------------------------------------------

export interface SandboxTraffic {
  enabled: boolean;
  intervalMs: number;
  ticks: number;
}

/** Demo traffic: a new booking every interval (default 20 s), now and then a cancellation. */
export async function setTraffic(url: string, enabled: boolean, intervalMs?: number): Promise<SandboxTraffic> {
  return (await control(url, 'POST', '/traffic', { enabled, intervalMs })) as SandboxTraffic;
}

/** One interval's worth of traffic, now. */
export async function trafficTick(
  url: string,
): Promise<{ created: SandboxBooking | null; cancelled: SandboxBooking | null }> {
  const schema = z.object({ created: sandboxBookingSchema.nullable(), cancelled: sandboxBookingSchema.nullable() });
  return schema.parse(await control(url, 'POST', '/traffic/tick'));
}
