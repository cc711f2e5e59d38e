/**
 * The pass Culture public API client: the calls the counter makes, each answer checked against the schemas of
 * shared/platform/schemas.ts, each failure a PlatformError (see errors.ts) with a French message for the cashier.
 */
import type { Logger } from 'pino';
import type { Dispatcher } from 'undici';
import type { z } from 'zod';
import { maskToken } from '../../../shared/countermark';
import { DEFAULT_TIME_ZONE } from '../../../shared/dates';
import { t } from '../../../shared/i18n';
import { isNaiveDateTime } from '../../../shared/platform/dateTime';
import {
  platformBookingListSchema,
  platformEventListSchema,
  platformBookingSchema,
  platformDateListSchema,
  platformOffererVenuesSchema,
  type BookingStatus,
  type PlatformBooking,
  type PlatformDate,
  type PlatformEvent,
  type PlatformOffererVenues,
} from '../../../shared/platform/schemas';
import { PlatformError } from './errors';
import { createOffersWrites, type OffersWrites } from './offersClient';
import { send, type HttpTransport } from './http';
import { fetchRoundTrip, sharedPlatformDispatcher, undiciRoundTrip } from './roundTrip';
import { errorFromResponse, type ResponseContext } from './responseError';
import { zodIssues } from '../../../shared/errorText';

export interface PlatformClientOptions {
  /** e.g. https://backend.passculture.app; a trailing slash is tolerated. */
  baseUrl: string;
  apiKey: string;
  /** Default per-request timeout in ms (3000: a cashier is waiting). */
  timeoutMs?: number;
  /** Zone in which the platform words "à partir du DD/MM/YYYY à HH:MM" (the venue's; Europe/Paris by default). */
  timeZone?: string;
  /**
   * Tests only: every API call goes through this fetch instead of undici (images always use fetch, this one or
   * the global one).
   */
  fetch?: typeof fetch;
  /** The connection pool API calls use (undici); its owner closes it. A pool shared by one-off clients by default. */
  dispatcher?: Dispatcher;
  /** Receives one debug line per request (method, masked path, status, ms); never the key. */
  logger?: Logger;
  /** Aborts every request in flight (the engine is closing). */
  signal?: AbortSignal;
}

export interface CallOptions {
  timeoutMs?: number;
}

export interface EventDatesPage {
  /** Cursor: a date (stock) id; results have `id >= firstIndex`. */
  firstIndex?: number;
  /** 1..50 (platform default 50). */
  limit?: number;
}

export interface ListBookingsQuery {
  venueId?: number;
  offerId?: number;
  stockId?: number;
  status?: BookingStatus;
  /** Exact séance start, an ISO 8601 instant with its offset (`Z`): every film and tariff starting then. */
  beginningDatetime?: string;
  /** Cursor: a booking id; results have `id >= firstIndex`, ascending. */
  firstIndex?: number;
  /** 1..50 (platform default 50). */
  limit?: number;
}

export interface PlatformClient extends OffersWrites {
  /** GET /public/bookings/v1/token/{token}: only a validatable booking comes back; every other state is an error. */
  getBookingByToken(token: string, opts?: CallOptions): Promise<PlatformBooking>;
  /** PATCH /public/bookings/v1/use/token/{token}: validates the countermark. */
  useToken(token: string, opts?: CallOptions): Promise<void>;
  /** PATCH /public/bookings/v1/keep/token/{token}: undoes a validation. */
  keepToken(token: string, opts?: CallOptions): Promise<void>;
  /** GET /public/offers/v1/offerer_venues: the venues this key reaches. */
  getOffererVenues(opts?: CallOptions): Promise<PlatformOffererVenues>;
  /** GET /public/offers/v1/events/{id}/dates: one page of an event's séances. */
  getEventDates(eventId: number, page?: EventDatesPage, opts?: CallOptions): Promise<PlatformDate[]>;
  /** GET /public/bookings/v1/bookings: one page of bookings (offerId or venueId required). */
  listBookings(query: ListBookingsQuery, opts?: CallOptions): Promise<PlatformBooking[]>;
  /** GET /public/offers/v1/events?venueId= — event offers (films) of a venue, by id cursor. */
  listEvents(venueId: number, page?: EventDatesPage, opts?: CallOptions): Promise<PlatformEvent[]>;
  /** A poster or any public image (no key sent: image URLs are public and may be on another host). */
  fetchImage(url: string, opts?: CallOptions): Promise<{ contentType: string; bytes: Uint8Array }>;
}

const DEFAULT_TIMEOUT_MS = 3000;
const BOOKINGS = '/public/bookings/v1';
const OFFERS = '/public/offers/v1';

type Query = Record<string, string | number | undefined>;

export interface Call {
  method: 'GET' | 'PATCH' | 'POST' | 'DELETE';
  path: string;
  /** Defaults to `path`; differs only where the path holds a countermark. */
  logPath?: string;
  query?: Query;
  resource: ResponseContext['resource'];
  opts: CallOptions | undefined;
  /** JSON body of a write. */
  json?: unknown;
}

export function createPlatformClient(options: PlatformClientOptions): PlatformClient {
  const transport: HttpTransport = {
    // An invalid base URL is not refused here: the core must start anyway, and each call then fails
    // (undici rejects with ERR_INVALID_URL → platform_unreachable) until the settings are fixed.
    baseUrl: options.baseUrl.replace(/\/+$/, ''),
    apiKey: options.apiKey,
    roundTrip: options.fetch
      ? fetchRoundTrip(options.fetch)
      : undiciRoundTrip(options.dispatcher ?? sharedPlatformDispatcher()),
    logger: options.logger,
    signal: options.signal,
  };
  // Images are public, may be on another host and follow redirects: fetch, resolved per call.
  const imageFetch = options.fetch ?? ((input: string, init?: RequestInit) => fetch(input, init));
  const timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
  const defaultTimeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  /** Fields already reported for offset-less dates: one warning each, not one per answer every 30 s. */
  const naiveDateFields = new Set<string>();

  /** Sends the call; resolves with a 2xx answer, throws a PlatformError for anything else. */
  async function exchange(call: Call): Promise<{ status: number; text: string }> {
    const query = call.query ? queryString(call.query) : '';
    const response = await send(transport, {
      method: call.method,
      path: call.path + query,
      logPath: (call.logPath ?? call.path) + query,
      timeoutMs: call.opts?.timeoutMs ?? defaultTimeoutMs,
      json: call.json,
    });
    if (response.status >= 200 && response.status < 300) return response;
    const body = errorBody(response.text, transport.apiKey);
    throw errorFromResponse(response.status, body, { resource: call.resource, timeZone });
  }

  async function getJson<S extends z.ZodType>(call: Call, schema: S): Promise<z.output<S>> {
    const { status, text } = await exchange(call);
    const json = parseJson(text);
    if (json.ok) warnNaiveDates(call, json.value);
    return parseBody(status, json, text.length, schema);
  }

  /** The schemas read an offset-less date-time as UTC; say so once per field, never with its value. */
  function warnNaiveDates(call: Call, value: unknown): void {
    for (const field of naiveDateTimeFields(value)) {
      if (naiveDateFields.has(field)) continue;
      naiveDateFields.add(field);
      options.logger?.warn(
        { path: call.path, field },
        'pass Culture sent a date-time without a time zone offset: read as UTC',
      );
    }
  }

  function tokenCall(method: Call['method'], action: string, token: string, opts: CallOptions | undefined): Call {
    return {
      method,
      path: `${BOOKINGS}/${action}/${encodeURIComponent(token)}`,
      logPath: `${BOOKINGS}/${action}/${maskToken(token)}`,
      resource: 'countermark',
      opts,
    };
  }

  return {
    ...createOffersWrites({ exchange, getJson: (call, schema) => getJson(call, schema) }),
    getBookingByToken: (token, opts) => getJson(tokenCall('GET', 'token', token, opts), platformBookingSchema),

    async useToken(token, opts) {
      await exchange(tokenCall('PATCH', 'use/token', token, opts));
    },

    async keepToken(token, opts) {
      await exchange(tokenCall('PATCH', 'keep/token', token, opts));
    },

    getOffererVenues: (opts) =>
      getJson(
        { method: 'GET', path: `${OFFERS}/offerer_venues`, resource: 'other', opts },
        platformOffererVenuesSchema,
      ),

    async getEventDates(eventId, page, opts) {
      const path = `${OFFERS}/events/${requireId('eventId', eventId)}/dates`;
      const query = { firstIndex: page?.firstIndex, limit: page?.limit };
      const body = await getJson({ method: 'GET', path, query, resource: 'offer', opts }, platformDateListSchema);
      return body.dates;
    },

    async listEvents(venueId, page, opts) {
      const query = { venueId: requireId('venueId', venueId), firstIndex: page?.firstIndex, limit: page?.limit };
      const call: Call = { method: 'GET', path: `${OFFERS}/events`, query, resource: 'venue', opts };
      return (await getJson(call, platformEventListSchema)).events;
    },

    async fetchImage(url, opts) {
      const parsed = new URL(url);
      if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw invalidInput('image URL must be http(s)');
      let response: Response;
      try {
        response = await imageFetch(parsed.toString(), {
          redirect: 'follow',
          signal: AbortSignal.any([
            AbortSignal.timeout(opts?.timeoutMs ?? defaultTimeoutMs),
            ...(options.signal ? [options.signal] : []),
          ]),
        });
      } catch (error) {
        throw new PlatformError('platform_unreachable', { cause: error });
      }
      if (!response.ok) throw new PlatformError('platform_error', { status: response.status });
      const contentType = response.headers.get('content-type') ?? 'application/octet-stream';
      if (!/^image\/(jpeg|png|webp|gif)/.test(contentType)) {
        throw new PlatformError('platform_malformed', {
          status: response.status,
          body: { problem: 'not an image', contentType },
        });
      }
      return { contentType, bytes: new Uint8Array(await response.arrayBuffer()) };
    },

    async listBookings(query, opts) {
      // One of them is required (the 2026 backend answers 400 otherwise; the platform before it only knew offerId).
      if (query.offerId === undefined && query.venueId === undefined) {
        throw invalidInput('listBookings needs offerId or venueId');
      }
      const { venueId, offerId, stockId, status, beginningDatetime, firstIndex, limit } = query;
      const call: Call = {
        method: 'GET',
        path: `${BOOKINGS}/bookings`,
        query: { offerId, venueId, stockId, status, beginningDatetime, firstIndex, limit },
        // A film's listing is about that film ("The offer could not be found"); a venue's, about the venue.
        resource: offerId === undefined ? 'venue' : 'offer',
        opts,
      };
      const body = await getJson(call, platformBookingListSchema);
      return body.bookings;
    },
  };
}

/** A 2xx body checked against its schema; anything else is `platform_malformed`. */
function parseBody<S extends z.ZodType>(
  status: number,
  json: ReturnType<typeof parseJson>,
  length: number,
  schema: S,
): z.output<S> {
  // The ledger keeps `body`: a 2xx body (even a truncated one) holds a beneficiary's personal data,
  // so only the shape of the problem is kept, never the data.
  if (!json.ok) throw new PlatformError('platform_malformed', { status, body: { problem: 'not JSON', length } });
  const parsed = schema.safeParse(json.value);
  if (!parsed.success) {
    const issues = zodIssues(parsed.error);
    throw new PlatformError('platform_malformed', { status, body: { problem: 'schema', issues } });
  }
  return parsed.data;
}

/**
 * An error body as JSON when it is, else a short excerpt (an HTML page from a proxy), else null; the API key masked.
 * An error answer may quote the request — a proxy's or a debugging server's page echoing its headers, a body naming
 * the key it refuses — and the body goes to the ledger and the logs, its words into the message on screen: the key
 * must reach none of them. Masked in the whole text before the excerpt is cut (a cut key would leave part of its
 * secret), and again in the parsed JSON, whose strings may spell it with escapes.
 */
function errorBody(text: string, apiKey: string): unknown {
  if (text.trim() === '') return null;
  const masked = withoutKey(text, apiKey);
  const json = parseJson(masked);
  return json.ok ? withoutKeyIn(json.value, apiKey) : masked.slice(0, 200);
}

const KEY_MASK = '•••';

function withoutKey(text: string, apiKey: string): string {
  return apiKey === '' ? text : text.replaceAll(apiKey, KEY_MASK);
}

function withoutKeyIn(value: unknown, apiKey: string): unknown {
  if (typeof value === 'string') return withoutKey(value, apiKey);
  if (Array.isArray(value)) return value.map((item) => withoutKeyIn(item, apiKey));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([name, item]) => [withoutKey(name, apiKey), withoutKeyIn(item, apiKey)]),
    );
  }
  return value;
}

/**
 * Paths (`bookings[].creationDate`) of the offset-less date-time strings in an answer. Every answer is walked, a
 * season's listing included (some two million values): the path is a stack of keys, written out only for a date
 * found, where building every field's path and array had allocated half a gigabyte per full sync.
 */
export function naiveDateTimeFields(value: unknown): string[] {
  const found = new Set<string>();
  const keys: string[] = [];
  const visit = (node: unknown): void => {
    if (typeof node === 'string') {
      if (isNaiveDateTime(node)) found.add(pathOf(keys));
    } else if (Array.isArray(node)) {
      keys.push(ITEMS);
      for (const item of node) visit(item);
      keys.pop();
    } else if (node !== null && typeof node === 'object') {
      // A parsed JSON object: its keys are its own (no entries array made per object).
      const fields = node as Record<string, unknown>;
      for (const key in fields) {
        const item = fields[key];
        if (typeof item !== 'string' && (item === null || typeof item !== 'object')) continue;
        keys.push(key);
        visit(item);
        keys.pop();
      }
    }
  };
  visit(value);
  return [...found];
}

/** Stands for "every item of this array" in a path. */
const ITEMS = '[]';

function pathOf(keys: readonly string[]): string {
  let path = '';
  for (const key of keys) path += key === ITEMS ? ITEMS : path ? `.${key}` : key;
  return path;
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

function queryString(query: Query): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value !== undefined) params.set(name, String(value));
  const s = params.toString();
  return s ? `?${s}` : '';
}

export function requireId(name: string, value: number): number {
  if (!Number.isSafeInteger(value) || value < 1)
    throw invalidInput(`${name} must be a positive integer (got ${value})`);
  return value;
}

function invalidInput(detail: string): PlatformError {
  return new PlatformError('invalid_input', { message: t('errors.invalid_input', { detail }) });
}
