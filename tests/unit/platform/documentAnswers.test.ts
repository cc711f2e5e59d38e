/**
 * The client reads every answer the official OpenAPI document allows, not only those our sandbox happens to send:
 * the product is checked against other implementations of the platform, and a legitimate answer refused is an
 * error on the cashier's screen for a legitimate booking.
 *
 * For each operation the counter calls (CLIENT_OPERATIONS) with a JSON success answer, property-based: bodies are
 * drawn from the operation's 2xx schema in the document (documentArbitrary.ts: nulls, absent optional fields,
 * unknown fields, extreme numbers, empty arrays, long strings, every enum value, date-times with fractions,
 * offsets and lower-case letters), each first checked by Ajv against the document (relaxed: unknown fields allowed)
 * so the generator cannot drift from it, then served from a local server to the client's real method. The call
 * must resolve, and whatever the client keeps must equal what was sent (dates as the same instant).
 * The cashier's calls must also turn every error answer the document lists into a typed PlatformError with a
 * French message of the catalogue, the API key nowhere in it, never another exception (documentErrors.test.ts does
 * the same for the other operations; both drive the calls of documentOperations.ts). On failure fast-check prints
 * the seed and the shrunk body.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlatformClient } from '../../../electron/core/platform/client';
import { isPlatformError, type PlatformError } from '../../../electron/core/platform/errors';
import type { ErrorCode } from '../../../shared/contract';
import { t } from '../../../shared/i18n';
import { CLIENT_OPERATIONS, type Json } from '../sandbox/openapiContract';
import {
  anyErrorAnswer,
  clientOnTestServer,
  documentTools,
  CALLS,
  errorStatuses,
  expectCatalogueMessage,
  instantOf,
  replyOf,
  responseSchema,
  success,
  TOKEN,
} from './documentOperations';
import { API_KEY, bookingJson } from './fixtures';
import type { TestServer } from './server';

/** Runs per operation: 12 operations with a body, about 0.4 s each on a 2-core PC. */
const NUM_RUNS = 80;

type Body = Json;
type JsonRecord = { [key: string]: Json };
const field = (body: Body, name: string): Json => (body as JsonRecord)[name]!;

const BOOKING_FIELDS = ['id', 'quantity', 'price', 'status', 'creationDate', 'offerId', 'stockId', 'venueId'];
const DATE_FIELDS = ['id', 'beginningDatetime', 'bookingLimitDatetime', 'bookedQuantity', 'quantity', 'priceCategory'];
const EVENT_FIELDS = ['id', 'name', 'status', 'location', 'categoryRelatedFields'];
const PRICE_CATEGORY_FIELDS = ['id', 'label', 'price'];

interface Reader {
  /** The part of the body the method returns. */
  returned(body: Body): Json;
  /** Fields the app uses: each returned item must have them (and, like every field kept, as sent). */
  used: string[];
}

/**
 * Each operation with a JSON success answer, read by the client method the app calls for it (CALLS in
 * documentOperations.ts).
 */
const READERS: Record<string, Reader> = {
  GetBookingByToken: { returned: (b) => b, used: BOOKING_FIELDS },
  GetBookings: { returned: (b) => field(b, 'bookings'), used: BOOKING_FIELDS },
  GetEventStocks: { returned: (b) => field(b, 'dates'), used: DATE_FIELDS },
  GetEvents: { returned: (b) => field(b, 'events'), used: EVENT_FIELDS },
  GetEvent: { returned: (b) => b, used: [...EVENT_FIELDS, 'priceCategories'] },
  PostEventOffer: { returned: (b) => b, used: [...EVENT_FIELDS, 'priceCategories'] },
  EditEvent: { returned: (b) => b, used: [...EVENT_FIELDS, 'priceCategories'] },
  PostEventPriceCategories: { returned: (b) => field(b, 'priceCategories'), used: PRICE_CATEGORY_FIELDS },
  PatchEventPriceCategory: { returned: (b) => b, used: PRICE_CATEGORY_FIELDS },
  PostEventStocks: { returned: (b) => field(b, 'dates'), used: DATE_FIELDS },
  PatchEventStock: { returned: (b) => b, used: DATE_FIELDS },
  GetOffererVenues: { returned: (b) => b, used: ['offerer', 'venues'] },
};

/** Operations whose success answer has no body: the call resolves, with nothing to read. */
const WITHOUT_BODY = ['ValidateBookingByToken', 'CancelBookingValidationByToken', 'DeleteEventStock'];

const { bodies, operations, byId, checkAgainstDocument } = documentTools(CLIENT_OPERATIONS);

let server: TestServer;
let client: PlatformClient;
let close: () => Promise<void>;
beforeAll(async () => ({ server, client, close } = await clientOnTestServer()));
afterAll(() => close());

/** The client's answer, or a readable failure naming the error it threw (code, status, zod issues). */
async function answered(promise: Promise<unknown>): Promise<unknown> {
  try {
    return await promise;
  } catch (error) {
    throw new Error(`the client refused a document-valid answer: ${JSON.stringify(error)}`, { cause: error });
  }
}

/**
 * Everything the client returned was in the answer, unchanged: same arrays, each field it kept sent with the same
 * value, dates the same instant (the client writes them `toISOString()`).
 */
function expectCameThrough(received: unknown, sent: Json | undefined, at: string): void {
  if (Array.isArray(received)) {
    expect(Array.isArray(sent), `${at} is not an array in the answer`).toBe(true);
    const items = sent as Json[];
    expect(received.length, `${at}: length`).toBe(items.length);
    received.forEach((item, i) => expectCameThrough(item, items[i], `${at}[${i}]`));
  } else if (received !== null && typeof received === 'object') {
    expect(sent !== null && typeof sent === 'object' && !Array.isArray(sent), `${at} is not an object`).toBe(true);
    const fields = sent as JsonRecord;
    for (const [name, value] of Object.entries(received)) {
      expect(Object.hasOwn(fields, name), `${at}.${name} was not in the answer`).toBe(true);
      expectCameThrough(value, fields[name], `${at}.${name}`);
    }
  } else if (typeof received === 'string' && typeof sent === 'string' && received !== sent) {
    expect(instantOf(sent), `${at}: ${JSON.stringify(sent)} came back as ${received}`).not.toBeNull();
    expect(Date.parse(received), `${at}: ${JSON.stringify(sent)} came back as ${received}`).toBe(instantOf(sent));
  } else {
    expect(received, at).toBe(sent);
  }
}

describe('the operations read here are the client’s', () => {
  it('every operation the client calls, each with or without a JSON success answer as the document says', () => {
    expect(operations.map((o) => o.operationId).sort()).toEqual([...CLIENT_OPERATIONS].sort());
    const withBody = operations.filter((o) => success(o).schema !== undefined).map((o) => o.operationId);
    expect(withBody.sort()).toEqual(Object.keys(READERS).sort());
    const withoutBody = operations.filter((o) => success(o).schema === undefined).map((o) => o.operationId);
    expect(withoutBody.sort()).toEqual([...WITHOUT_BODY].sort());
    expect(Object.keys(CALLS).sort()).toEqual([...CLIENT_OPERATIONS].sort());
  });

  it('the reading of date-times this test relies on', () => {
    expect(instantOf('2026-01-12T17:09:25.123456Z')).toBe(Date.UTC(2026, 0, 12, 17, 9, 25, 123));
    expect(instantOf('2026-01-12t18:09:25+01:00')).toBe(Date.UTC(2026, 0, 12, 17, 9, 25));
    expect(instantOf('2026-01-12 14:09:25-0300')).toBe(Date.UTC(2026, 0, 12, 17, 9, 25));
    expect(instantOf('2016-12-31T23:59:60Z')).toBe(Date.UTC(2016, 11, 31, 23, 59, 59, 999));
    expect(instantOf('0012-03-04T00:00:00Z')).toBe(Date.parse('0012-03-04T00:00:00Z'));
    expect(instantOf('2026-01-12T17:09:25')).toBeNull();
  });
});

describe('every success answer the document allows is read', () => {
  it.each(Object.keys(READERS).sort())('%s', async (operationId) => {
    const operation = byId(operationId);
    const reader = READERS[operationId]!;
    const { status, schema } = success(operation);
    await fc.assert(
      fc.asyncProperty(bodies.forSchema(schema!), async (body) => {
        checkAgainstDocument(schema!, body);
        server.reply(operation.method, operation.path, { status, json: body });
        const received = await answered(CALLS[operationId]!(client));
        // Compared with the body as the client got it (JSON text parsed: -0 is 0 there).
        const sent = reader.returned(JSON.parse(JSON.stringify(body)) as Body);
        expectCameThrough(received, sent, operationId);
        const items = Array.isArray(received) ? (received as unknown[]) : [received];
        for (const item of items) expect(Object.keys(item as object)).toEqual(expect.arrayContaining(reader.used));
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it.each([...WITHOUT_BODY].sort())('%s: the documented empty success resolves', async (operationId) => {
    const operation = byId(operationId);
    server.reply(operation.method, operation.path, { status: success(operation).status });
    await expect(CALLS[operationId]!(client)).resolves.toBeUndefined();
  });
});

describe('refused on purpose, and said clearly', () => {
  it('an integer beyond 2^53: the document allows it, no JavaScript number holds it exactly', async () => {
    // 2^53 + 2 would be read as itself, 2^53 + 1 as 2^53: an id that lost its last digit names another booking.
    const text = JSON.stringify({ ...bookingJson, id: 1 }).replace('"id":1', '"id":9007199254740993');
    const parsed = JSON.parse(text) as Body;
    checkAgainstDocument(success(byId('GetBookingByToken')).schema!, parsed);
    server.reply('GET', byId('GetBookingByToken').path, {
      status: 200,
      text,
      headers: { 'content-type': 'application/json' },
    });
    const error = await client.getBookingByToken(TOKEN).catch((e: unknown) => e);
    expect(isPlatformError(error)).toBe(true);
    expect(error).toMatchObject({ code: 'platform_malformed', status: 200, message: t('errors.platform_malformed') });
    expect((error as PlatformError).message).toMatch(/^Réponse inattendue de pass Culture/);
  });
});

/** The cashier's calls: looking up, validating and undoing a countermark. */
const CASHIER_CALLS = ['GetBookingByToken', 'ValidateBookingByToken', 'CancelBookingValidationByToken'];

/** The codes each documented refusal of a countermark call may become (responseError.ts). */
const CODES_BY_STATUS: Record<number, ErrorCode[]> = {
  401: ['auth_invalid'],
  403: [
    'provider_inactive',
    'reimbursed',
    'offerer_closed',
    'not_confirmed',
    'not_used',
    'booking_refused',
    'platform_error',
  ],
  404: ['countermark_unknown'],
  410: ['cancelled', 'already_used', 'booking_refused', 'platform_error'],
  422: ['invalid_input', 'platform_error'],
  429: ['rate_limited'],
};

describe('every documented refusal of a countermark call becomes a typed PlatformError', () => {
  it.each([...CASHIER_CALLS].sort())('%s', async (operationId) => {
    const operation = byId(operationId);
    // The refusals the document lists for it, each generated below.
    expect(errorStatuses(operation).map(String)).toEqual(Object.keys(CODES_BY_STATUS));
    await fc.assert(
      fc.asyncProperty(anyErrorAnswer(operation, bodies), async (answer) => {
        if (answer.documented) checkAgainstDocument(responseSchema(operation, answer.status)!, answer.body!);
        server.reply(operation.method, operation.path, replyOf(answer));
        const error = await CALLS[operationId]!(client).then(
          () => new Error('resolved'),
          (e: unknown) => e,
        );
        expect(isPlatformError(error), `not a PlatformError: ${String(error)}`).toBe(true);
        const refusal = error as PlatformError;
        expect(refusal.status).toBe(answer.status);
        expect(CODES_BY_STATUS[answer.status]).toContain(refusal.code);
        // A sentence of the catalogue for the cashier, its blanks filled, the key nowhere.
        expectCatalogueMessage(refusal.message);
        expect(JSON.stringify(refusal)).not.toContain(API_KEY);
      }),
      { numRuns: NUM_RUNS },
    );
  });
});
