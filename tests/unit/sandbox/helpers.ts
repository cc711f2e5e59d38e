/** Shared helpers of the sandbox tests: a frozen clock, authenticated calls, and the control API. */
import { startSandbox, type Sandbox, type SandboxOptions } from '../../../electron/sandbox';

/** Thursday 26 March 2026, 11:00 in Paris (UTC+1), three days before the switch to summer time. */
export const NOW = new Date('2026-03-26T10:00:00Z');

export type Outcome = 'valid' | 'not_confirmed' | 'used' | 'cancelled' | 'reimbursed';

export interface ControlBooking {
  token: string;
  id: number;
  status: 'CONFIRMED' | 'USED' | 'CANCELLED' | 'REIMBURSED';
  confirmationDate: string;
  firstName: string;
  lastName: string;
  offerName: string;
  offerId: number;
  stockId: number;
  seanceStart: string;
  quantity: number;
  price: number;
  priceCategoryLabel: string | null;
  usedCount: number;
  dateUsed: string | null;
  cancellationDate: string | null;
  lookupOutcome: Outcome;
}

export interface TestSandbox {
  sandbox: Sandbox;
  url: string;
  /** A pass Culture call with the sandbox's key. */
  get(path: string): Promise<Response>;
  patch(path: string): Promise<Response>;
  /** GET and parse JSON, expecting 200. */
  getJson<T = unknown>(path: string): Promise<T>;
  /** The control API's view of every booking. */
  bookings(): Promise<ControlBooking[]>;
  /** The first seeded booking whose look-up would answer `outcome` (and matching `where`). */
  pick(outcome: Outcome, where?: (b: ControlBooking) => boolean): Promise<ControlBooking>;
  /** POST /__sandbox/bookings; throws unless 201. */
  create(body?: Record<string, unknown>): Promise<ControlBooking>;
  control(method: string, path: string, body?: unknown): Promise<Response>;
  /** A control call expecting 200, parsed. */
  controlJson<T = unknown>(method: string, path: string, body?: unknown): Promise<T>;
  close(): Promise<void>;
}

/**
 * A sandbox on the frozen clock. Under a frozen clock the rate-limit window never rolls, so a file's 201st request
 * would answer 429: the limit is off unless a test asks for it.
 */
export async function startTestSandbox(options: SandboxOptions = {}): Promise<TestSandbox> {
  const sandbox = await startSandbox({ now: () => NOW, rateLimitPerMinute: null, ...options });
  const auth = { authorization: `Bearer ${sandbox.apiKey}` };
  const control = (method: string, path: string, body?: unknown) =>
    fetch(`${sandbox.url}/__sandbox${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const bookings = async () =>
    ((await (await control('GET', '/bookings')).json()) as { bookings: ControlBooking[] }).bookings;
  const self: TestSandbox = {
    sandbox,
    url: sandbox.url,
    get: (path) => fetch(`${sandbox.url}${path}`, { headers: auth }),
    patch: (path) => fetch(`${sandbox.url}${path}`, { method: 'PATCH', headers: auth }),
    async getJson<T>(path: string) {
      const response = await self.get(path);
      if (response.status !== 200) throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
      return (await response.json()) as T;
    },
    bookings,
    async pick(outcome, where = () => true) {
      const found = (await bookings()).find((b) => b.lookupOutcome === outcome && where(b));
      if (!found) throw new Error(`no seeded booking with outcome ${outcome}`);
      return found;
    },
    async create(body = {}) {
      const response = await control('POST', '/bookings', body);
      if (response.status !== 201) throw new Error(`create: ${response.status} ${await response.text()}`);
      return (await response.json()) as ControlBooking;
    },
    control,
    async controlJson<T>(method: string, path: string, body?: unknown) {
      const response = await control(method, path, body);
      if (response.status !== 200) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
      return (await response.json()) as T;
    },
    close: () => sandbox.close(),
  };
  return self;
}

/** A date (séance × tariff) as the platform lists it. */
export interface DateJson {
  id: number;
  beginningDatetime: string;
  bookingLimitDatetime: string;
  priceCategory: { id: number; label: string; price: number };
  quantity: number;
  bookedQuantity: number;
}

/** Every date of every event of the sandbox. */
export async function allDates(t: TestSandbox): Promise<(DateJson & { offerId: number })[]> {
  const { events } = await t.getJson<{ events: { id: number }[] }>('/public/offers/v1/events');
  const out: (DateJson & { offerId: number })[] = [];
  for (const event of events) {
    const { dates } = await t.getJson<{ dates: DateJson[] }>(`/public/offers/v1/events/${event.id}/dates`);
    out.push(...dates.map((d) => ({ ...d, offerId: event.id })));
  }
  return out;
}

/** Every booking as the platform lists them, offer by offer (as both the 2026 platform and the one before allow). */
export async function allListedBookings<T extends { id: number } = { id: number }>(t: TestSandbox): Promise<T[]> {
  const { events } = await t.getJson<{ events: { id: number }[] }>('/public/offers/v1/events');
  const out: T[] = [];
  for (const event of events) {
    for (let cursor = 1; ;) {
      const { bookings } = await t.getJson<{ bookings: T[] }>(
        `/public/bookings/v1/bookings?offerId=${event.id}&firstIndex=${cursor}`,
      );
      out.push(...bookings);
      if (bookings.length < 50) break;
      cursor = (bookings[bookings.length - 1]?.id ?? 0) + 1;
    }
  }
  return out.sort((a, b) => a.id - b.id);
}

/** The body of `POST /public/offers/v1/events` for a cinema séance offer at the seeded venue. */
export const newEvent = (extra: Record<string, unknown> = {}) => ({
  name: 'Film du guichet',
  categoryRelatedFields: { category: 'SEANCE_CINE' },
  location: { type: 'physical', venueId: 1 },
  accessibility: {
    audioDisabilityCompliant: false,
    mentalDisabilityCompliant: false,
    motorDisabilityCompliant: false,
    visualDisabilityCompliant: false,
  },
  hasTicket: false,
  priceCategories: [{ label: 'Tarif unique', price: 550 }],
  ...extra,
});
