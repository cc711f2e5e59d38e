/** Test helpers around the sandbox's control API (`/__sandbox/`). */
import {
  bookingListSchema,
  clockViewSchema,
  controlBookingSchema,
  faultsSchema,
  requestLogSchema,
  statsSchema,
  trafficTickSchema,
  trafficViewSchema,
  type ControlBooking,
  type Faults,
  type SandboxClock,
  type SandboxRequest,
  type SandboxStats,
  type SandboxTraffic,
} from '../../shared/sandboxControl';

/** The control API's shapes are the sandbox's own (shared/sandboxControl.ts): one declaration for routes and tests. */
export const sandboxBookingSchema = controlBookingSchema;
export type SandboxBooking = ControlBooking;
export type { Faults as SandboxFaults, SandboxClock, SandboxRequest, SandboxStats, SandboxTraffic };

export async function sandboxBookings(url: string): Promise<SandboxBooking[]> {
  const response = await fetch(`${url}/__sandbox/bookings`);
  return bookingListSchema.parse(await response.json()).bookings;
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
/** Changes only the fields given (typed loosely so `it.each` tables of faults type-check). */
export async function setFaults(url: string, faults: Partial<Faults> | Record<string, unknown>): Promise<void> {
  await control(url, 'POST', '/faults', faults);
}

export async function getFaults(url: string): Promise<Faults> {
  return faultsSchema.parse(await control(url, 'GET', '/faults'));
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

/** Moves the sandbox's clock forward (confirmation dates, the rate-limit window). */
export async function advanceSandboxClock(url: string, advanceMs: number): Promise<SandboxClock> {
  return clockViewSchema.parse(await control(url, 'POST', '/clock', { advanceMs }));
}

/** Sets the sandbox's clock to an instant (ISO 8601 with an offset); it keeps running from there. */
export async function setSandboxClock(url: string, now: string | Date): Promise<SandboxClock> {
  const iso = typeof now === 'string' ? now : now.toISOString();
  return clockViewSchema.parse(await control(url, 'POST', '/clock', { now: iso }));
}

export async function sandboxStats(url: string, windowMs?: number): Promise<SandboxStats> {
  return statsSchema.parse(
    await control(url, 'GET', windowMs === undefined ? '/stats' : `/stats?windowMs=${windowMs}`),
  );
}

// --- The request log ------------------------------------------------------------------------------------------------

/** Pass Culture requests logged after `since` (a `seq`; 0 for all kept). */
export async function sandboxRequests(
  url: string,
  since = 0,
): Promise<{ requests: SandboxRequest[]; lastSeq: number }> {
  return requestLogSchema.parse(await control(url, 'GET', `/requests?since=${since}`));
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

/** Demo traffic: a new booking every interval (default 20 s), now and then a cancellation. */
export async function setTraffic(url: string, enabled: boolean, intervalMs?: number): Promise<SandboxTraffic> {
  return trafficViewSchema.parse(await control(url, 'POST', '/traffic', { enabled, intervalMs }));
}

/** One interval's worth of traffic, now. */
export async function trafficTick(
  url: string,
): Promise<{ created: SandboxBooking | null; cancelled: SandboxBooking | null }> {
  return trafficTickSchema.parse(await control(url, 'POST', '/traffic/tick'));
}
