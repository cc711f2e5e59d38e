/**
 * Contract test against the official OpenAPI document (OpenAPI 3.1.0, ../shared/platform/openapi-subset.json):
 * the real client drives the sandbox through every call the counter makes, on the engine's own transport (undici's
 * `request` on its connection pool, recorded by an interceptor on that pool: openapiContract.ts — not a test fetch,
 * which the product never uses for API calls); each exchange is checked from both ends
 * (what the client sends: path, query, body; what the sandbox answers: status and body, with no undocumented
 * field) by Ajv's 2020-12 mode after the `nullable` rewrite (openapiContract.ts). It cannot pass vacuously: the
 * operations covered are counted against the client's methods, and deliberately wrong documents must fail.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlatformClient, type PlatformClient } from '../../../electron/core/platform/client';
import { sandboxRequests } from '../../support/sandboxControl';
import { pngHeader } from '../programme/images';
import { startTestSandbox, type TestSandbox } from './helpers';
import {
  CLIENT_OPERATIONS,
  createChecker,
  loadSpec,
  recordingDispatcher,
  type Checker,
  type Exchange,
  type Json,
  type Spec,
} from './openapiContract';

let spec: Spec;
let strict: Checker;
let t: TestSandbox;
/** The counter's exchanges with the sandbox, recorded once on the product's transport, checked by the tests below. */
const exchanges: Exchange[] = [];
const wire = recordingDispatcher(exchanges);
/** The client methods the scenario called. */
const called = new Set<string>();
/** The API requests the sandbox received during the scenario. */
let received = 0;

beforeAll(async () => {
  spec = loadSpec();
  strict = createChecker(spec, true);
  t = await startTestSandbox();
  // No `fetch`: the client sends through undici's `request`, as the engine does (platform/roundTrip.ts).
  const client = createPlatformClient({ baseUrl: t.url, apiKey: t.sandbox.apiKey, dispatcher: wire });
  await counterScenario(tracked(client));
  received = (await sandboxRequests(t.url)).requests.length;
});
afterAll(async () => {
  await wire.close();
  await t.close();
});

/** The client, noting which of its methods are called. */
function tracked(client: PlatformClient): PlatformClient {
  return new Proxy(client, {
    get(target, name, receiver) {
      if (typeof name === 'string') called.add(name);
      return Reflect.get(target, name, receiver) as unknown;
    },
  });
}

/** What a counter does over a day, every call of the client at least once, on the sandbox's frozen clock. */
async function counterScenario(c: PlatformClient): Promise<void> {
  const [offerer] = await c.getOffererVenues();
  const venueId = offerer!.venues[0]!.id;
  const events = await c.listEvents(venueId, { firstIndex: 1, limit: 50 });
  const film = await c.getEvent(events[0]!.id);
  const dates = await c.getEventDates(film.id, { firstIndex: 1, limit: 50 });
  await c.getEventDates(film.id);
  await c.getDate(film.id, dates[1]!.id);

  // Bookings: the new-bookings walk, the sweep, a séance by start and by stock, and the film-by-film fallback.
  const page = await c.listBookings({ venueId, firstIndex: 1, limit: 50 });
  await c.listBookings({ venueId, firstIndex: page.at(-1)!.id + 1, limit: 50 });
  await c.listBookings({ venueId, status: 'CONFIRMED', firstIndex: 1, limit: 50 });
  await c.listBookings({ venueId, beginningDatetime: dates[0]!.beginningDatetime, firstIndex: 1, limit: 50 });
  await c.listBookings({ venueId, stockId: dates[0]!.id, firstIndex: 1, limit: 50 });
  await c.listBookings({ offerId: film.id, firstIndex: 1, limit: 50 });
  await c.listBookings({ offerId: film.id, stockId: dates[0]!.id, firstIndex: 1, limit: 50 });

  // The guichet: look up, validate, undo.
  const valid = (await t.bookings()).filter((b) => b.lookupOutcome === 'valid');
  for (const booking of valid.slice(0, 2)) await c.getBookingByToken(booking.token);
  await c.useToken(valid[0]!.token);
  await c.keepToken(valid[0]!.token);

  // The programme editor: a film with its poster, a tariff, séances moved, re-tariffed and deleted.
  const poster = Buffer.from(pngHeader(400, 600)).toString('base64');
  const created = await c.createEvent({
    venueId,
    name: 'Film du contrat',
    description: 'Écrit par le test de contrat.',
    durationMinutes: 95,
    isDuo: true,
    priceCategories: [{ label: 'Tarif unique', price: 550 }],
    image: { file: poster, credit: 'Affiche du distributeur' },
    idAtProvider: 'guichet:contrat',
  });
  await c.editEvent(created.id, { name: 'Film du contrat (VOST)', durationMinutes: 97, isActive: true });
  const [tariff] = await c.addPriceCategories(created.id, [{ label: 'Tarif réduit', price: 450 }]);
  await c.editPriceCategory(created.id, tariff!.id, { label: 'Réduit', price: 400 });
  const start = '2026-03-28T20:30:00+01:00';
  const added = await c.addDates(created.id, [
    { beginningDatetime: start, bookingLimitDatetime: start, priceCategoryId: tariff!.id, quantity: 30 },
    { beginningDatetime: start, bookingLimitDatetime: start, priceCategoryId: tariff!.id, quantity: 'unlimited' },
  ]);
  await c.editDate(created.id, added[0]!.id, { quantity: 0 });
  await c.editDate(created.id, added[0]!.id, {
    beginningDatetime: '2026-03-28T21:00:00+01:00',
    bookingLimitDatetime: '2026-03-28T21:00:00+01:00',
    priceCategoryId: created.priceCategories[0]!.id,
  });
  await c.deleteDate(created.id, added[1]!.id);

  // Refusals the counter reads: unknown countermark, used, not yet confirmed.
  for (const token of ['ZZZZ22', valid[1]!.token]) await c.getBookingByToken(token).catch(() => undefined);
  await c.useToken(valid[1]!.token);
  await c.getBookingByToken(valid[1]!.token).catch(() => undefined);
}

const problemsOf = (checker: Checker) =>
  exchanges.flatMap((exchange) => {
    const { operationId, problems } = checker.check(exchange);
    return problems.map((p) => `${operationId} ${exchange.method} ${exchange.url}: ${p}`);
  });

describe('the counter and the sandbox speak the 3.1 document', () => {
  it('every exchange validates from both ends, no undocumented field on either side', () => {
    expect(spec.openapi).toBe('3.1.0');
    expect(problemsOf(strict)).toEqual([]);
  });

  it('covers every operation the client calls, and every method of the client', () => {
    const operations = new Set(exchanges.map((e) => strict.check(e).operationId));
    expect([...operations].sort()).toEqual(CLIENT_OPERATIONS);
    expect(operations.size).toBe(15);
    expect(exchanges.length).toBeGreaterThanOrEqual(25);
    // Every request the sandbox received went through the engine's transport, and was recorded there.
    expect(exchanges).toHaveLength(received);
    // A method added to the client and not to the scenario fails here: its route would go unchecked.
    const methods = Object.keys(createPlatformClient({ baseUrl: 'http://127.0.0.1:9', apiKey: 'k' })).sort();
    expect([...called].filter((name) => methods.includes(name)).sort()).toEqual(
      methods.filter((name) => name !== 'fetchImage'),
    );
    // Answers were read, not only requests sent: bookings, dates, events and venues among them.
    const answered = exchanges.filter((e) => e.status === 200 && e.responseText.startsWith('{')).length;
    expect(answered).toBeGreaterThanOrEqual(20);
  });

  it('fails on a deliberately wrong document, at each end', () => {
    const wrong = (mutate: (copy: Spec) => void): string[] => {
      const copy = structuredClone(spec);
      mutate(copy);
      return problemsOf(createChecker(copy, true));
    };
    const schema = (copy: Spec, name: string) => copy.components.schemas[name] as { [key: string]: Json };
    const properties = (copy: Spec, name: string) => schema(copy, name).properties as { [key: string]: Json };

    // An answer: a booking field the sandbox does not send, a date written otherwise.
    const required = wrong((copy) => (schema(copy, 'GetBookingResponse').required as string[]).push('token'));
    expect(required.some((p) => p.startsWith('GetBookingByToken') && p.includes("'token'"))).toBe(true);
    expect(required.some((p) => p.startsWith('GetBookings'))).toBe(true);
    const noFraction = wrong((copy) => {
      properties(copy, 'DateResponse').beginningDatetime = { type: 'string', pattern: '^[^.]*$' };
    });
    expect(noFraction.some((p) => p.startsWith('GetEventStocks'))).toBe(true);
    // A request: a query parameter the document no longer has, a body field of another type.
    const noVenue = wrong((copy) => {
      const op = copy.paths['/public/bookings/v1/bookings']!.get!;
      op.parameters = op.parameters!.filter((p) => p.name !== 'venueId');
    });
    expect(noVenue.some((p) => p.includes('query parameter venueId undocumented'))).toBe(true);
    const stringTariff = wrong((copy) => {
      properties(copy, 'EventStockEdition').priceCategoryId = { type: 'string' };
    });
    expect(stringTariff.some((p) => p.startsWith('PatchEventStock') && p.includes('request body'))).toBe(true);
    // An undocumented field, in either direction.
    const noVideo = wrong((copy) => delete properties(copy, 'EventOfferResponse').videoUrl);
    expect(noVideo.some((p) => p.startsWith('GetEvent ') && p.includes('additional properties'))).toBe(true);
    const noDuration = wrong((copy) => delete properties(copy, 'EventOfferCreation').eventDuration);
    expect(noDuration.some((p) => p.startsWith('PostEventOffer') && p.includes('request body'))).toBe(true);
  });

  it('reads `nullable: true` as the README says, and takes microseconds in date-times', () => {
    const dates = strict.answerValidator('/public/offers/v1/events/{event_id}/dates', 'get');
    const date = JSON.parse(exchanges.find((e) => e.url.includes('/dates?'))!.responseText) as {
      dates: Record<string, unknown>[];
    };
    expect(dates(date)).toBe(true);
    const first = date.dates[0]!;
    expect(first.beginningDatetime).toMatch(/\.\d{6}Z$/);
    expect(dates({ dates: [{ ...first, idAtProvider: null }] })).toBe(true); // nullable: true, rewritten
    expect(dates({ dates: [{ ...first, beginningDatetime: '2026-03-28T20:30:00' }] })).toBe(false); // no offset
    expect(dates({ dates: [{ ...first, beginningDatetime: 'tomorrow' }] })).toBe(false);
    expect(dates({ dates: [{ ...first, quantity: 'lots' }] })).toBe(false);
    const booking = strict.answerValidator('/public/bookings/v1/token/{token}', 'get');
    const body = JSON.parse(exchanges.find((e) => e.url.includes('/token/') && e.status === 200)!.responseText) as {
      [key: string]: unknown;
    };
    expect(booking(body)).toBe(true);
    expect(booking({ ...body, userPhoneNumber: null, confirmationDate: null })).toBe(true); // anyOf-null
    expect(booking({ ...body, price: '5.50' })).toBe(false);
    expect(booking({ ...body, status: 'PENDING' })).toBe(false);
    expect(booking({ ...body, token: 'ABC234' })).toBe(false); // additionalProperties: false in 3.1
  });
});

describe('sandbox answers beyond the counter’s calls', () => {
  const get = async (url: string): Promise<Exchange> => {
    const response = await t.get(url);
    return { method: 'GET', url, requestBody: undefined, status: response.status, responseText: await response.text() };
  };

  it('GET …/events/categories (EventCategoryResponse, with its label)', async () => {
    const exchange = await get('/public/offers/v1/events/categories');
    expect(strict.check(exchange)).toEqual({ operationId: 'GetEventCategories', problems: [] });
    const categories = JSON.parse(exchange.responseText) as { id: string; label: string }[];
    expect(categories.map((c) => c.id)).toContain('SEANCE_CINE');
  });

  it('every booking of the venue, every page, every state; every film and its dates', async () => {
    const statuses = new Set<string>();
    for (let cursor = 1; ;) {
      const exchange = await get(`/public/bookings/v1/bookings?venueId=1&firstIndex=${cursor}&limit=20`);
      expect(strict.check(exchange).problems).toEqual([]);
      const { bookings } = JSON.parse(exchange.responseText) as { bookings: { id: number; status: string }[] };
      for (const booking of bookings) statuses.add(booking.status);
      if (bookings.length < 20) break;
      cursor = bookings.at(-1)!.id + 1;
    }
    expect([...statuses].sort()).toEqual(['CANCELLED', 'CONFIRMED', 'REIMBURSED', 'USED']);
    const { events } = await t.getJson<{ events: { id: number }[] }>('/public/offers/v1/events');
    expect(events.length).toBeGreaterThan(0);
    for (const event of events) {
      for (const url of [`/public/offers/v1/events/${event.id}`, `/public/offers/v1/events/${event.id}/dates`]) {
        expect(strict.check(await get(url)).problems, url).toEqual([]);
      }
    }
  });
});
