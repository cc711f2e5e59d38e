import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createPlatformClient, type PlatformClient } from '../../../electron/core/platform/client';
import { isPlatformError, PlatformError } from '../../../electron/core/platform/errors';
import { API_KEY, bookingJson, caught, datesJson, duoBookingJson, offererVenuesJson } from './fixtures';
import { startServer, type TestServer } from './server';

let server: TestServer;
let client: PlatformClient;

beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.reset();
  client = createPlatformClient({ baseUrl: server.baseUrl, apiKey: API_KEY });
});

describe('requests', () => {
  it('sends the key as a Bearer token and asks for JSON', async () => {
    server.reply('GET', '/public/bookings/v1/token/AB2CD3', { status: 200, json: bookingJson });
    await client.getBookingByToken('AB2CD3');
    const [request] = server.requests;
    expect(request?.method).toBe('GET');
    expect(request?.headers.authorization).toBe(`Bearer ${API_KEY}`);
    expect(request?.headers.accept).toBe('application/json');
  });

  it('tolerates a trailing slash on the base URL', async () => {
    client = createPlatformClient({ baseUrl: `${server.baseUrl}//`, apiKey: API_KEY });
    server.reply('GET', '/public/bookings/v1/token/AB2CD3', { status: 200, json: bookingJson });
    await client.getBookingByToken('AB2CD3');
    expect(server.requests[0]?.url).toBe('/public/bookings/v1/token/AB2CD3');
  });

  it('URL-encodes the token in the path', async () => {
    server.reply('GET', '/public/bookings/v1/token/A%2FB%3FC%20D', { status: 200, json: bookingJson });
    await client.getBookingByToken('A/B?C D');
    expect(server.requests[0]?.url).toBe('/public/bookings/v1/token/A%2FB%3FC%20D');
  });

  it('uses PATCH for use and keep, and accepts their 204', async () => {
    server.reply('PATCH', '/public/bookings/v1/use/token/AB2CD3', { status: 204 });
    server.reply('PATCH', '/public/bookings/v1/keep/token/AB2CD3', { status: 204 });
    await expect(client.useToken('AB2CD3')).resolves.toBeUndefined();
    await expect(client.keepToken('AB2CD3')).resolves.toBeUndefined();
    expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      'PATCH /public/bookings/v1/use/token/AB2CD3',
      'PATCH /public/bookings/v1/keep/token/AB2CD3',
    ]);
    expect(server.requests[0]?.headers.authorization).toBe(`Bearer ${API_KEY}`);
  });
});

describe('answers', () => {
  it('parses a booking', async () => {
    server.reply('GET', '/public/bookings/v1/token/AB2CD3', { status: 200, json: bookingJson });
    const booking = await client.getBookingByToken('AB2CD3');
    expect(booking).toMatchObject({
      id: 1234,
      quantity: 1,
      price: 700,
      status: 'CONFIRMED',
      stockId: 4201,
      offerName: 'La Grande Vadrouille',
      userFirstName: 'Camille',
      // Dates come out in one form whatever the platform's notation (shared/platform/dateTime.ts).
      creationDate: '2026-11-20T10:00:00.000Z',
      confirmationDate: '2026-11-25T18:30:00.000Z',
    });
  });

  it('parses a DUO booking (one token, two seats)', async () => {
    server.reply('GET', '/public/bookings/v1/token/DUO234', { status: 200, json: duoBookingJson });
    const booking = await client.getBookingByToken('DUO234');
    expect(booking.quantity).toBe(2);
    expect(booking.priceCategoryLabel).toBeNull();
  });

  it('accepts fields the platform may add later', async () => {
    server.reply('GET', '/public/bookings/v1/token/AB2CD3', { status: 200, json: { ...bookingJson, newField: 1 } });
    await expect(client.getBookingByToken('AB2CD3')).resolves.toMatchObject({ id: 1234 });
  });

  it('parses the dates of an event, with paging', async () => {
    server.reply('GET', '/public/offers/v1/events/42/dates', { status: 200, json: datesJson });
    const dates = await client.getEventDates(42, { firstIndex: 4201, limit: 50 });
    expect(dates.map((d) => d.id)).toEqual([4201, 4202]);
    expect(dates[1]?.quantity).toBe('unlimited');
    expect(dates[0]?.priceCategory.price).toBe(700);
    expect(server.requests[0]?.url).toBe('/public/offers/v1/events/42/dates?firstIndex=4201&limit=50');
  });

  it('sends no query when no page is given', async () => {
    server.reply('GET', '/public/offers/v1/events/42/dates', { status: 200, json: { dates: [] } });
    await expect(client.getEventDates(42)).resolves.toEqual([]);
    expect(server.requests[0]?.url).toBe('/public/offers/v1/events/42/dates');
  });

  it('parses the venues the key reaches', async () => {
    server.reply('GET', '/public/offers/v1/offerer_venues', { status: 200, json: offererVenuesJson });
    const [first] = await client.getOffererVenues();
    expect(first?.offerer.siren).toBe('123456789');
    expect(first?.venues.map((v) => v.id)).toEqual([535, 536]);
    expect(first?.venues[0]?.location).toMatchObject({ city: 'Paris', postalCode: '75011' });
  });

  it('lists bookings with the query it is given', async () => {
    server.reply('GET', '/public/bookings/v1/bookings', {
      status: 200,
      json: { bookings: [bookingJson, duoBookingJson] },
    });
    const bookings = await client.listBookings({
      offerId: 42,
      stockId: 4201,
      status: 'CONFIRMED',
      firstIndex: 1,
      limit: 50,
    });
    expect(bookings.map((b) => b.id)).toEqual([1234, 1235]);
    const url = new URL(server.requests[0]?.url ?? '', 'http://x');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      offerId: '42',
      stockId: '4201',
      status: 'CONFIRMED',
      firstIndex: '1',
      limit: '50',
    });
  });

  it('lists bookings of a venue, and of its séances starting at one time', async () => {
    server.reply('GET', '/public/bookings/v1/bookings', { status: 200, json: { bookings: [] } });
    await expect(client.listBookings({ venueId: 535 })).resolves.toEqual([]);
    expect(server.requests[0]?.url).toBe('/public/bookings/v1/bookings?venueId=535');
    await client.listBookings({ venueId: 535, beginningDatetime: '2026-11-27T19:30:00.000Z', status: 'CONFIRMED' });
    expect(server.requests[1]?.url).toBe(
      '/public/bookings/v1/bookings?venueId=535&status=CONFIRMED&beginningDatetime=2026-11-27T19%3A30%3A00.000Z',
    );
  });

  it('sends tariff writes as JSON in cents to their documented paths, and parses the answers', async () => {
    const bodies: unknown[] = [];
    client = createPlatformClient({
      baseUrl: server.baseUrl,
      apiKey: API_KEY,
      fetch: (input, init) => {
        bodies.push(JSON.parse(String(init?.body)));
        return fetch(input, init);
      },
    });
    const reduced = { id: 9, label: 'Tarif réduit', price: 400, idAtProvider: null };
    server.reply('POST', '/public/offers/v1/events/42/price_categories', {
      status: 200,
      json: { priceCategories: [reduced] },
    });
    server.reply('PATCH', '/public/offers/v1/events/42/price_categories/9', {
      status: 200,
      json: { ...reduced, price: 450 },
    });
    await expect(client.addPriceCategories(42, [{ label: 'Tarif réduit', price: 400 }])).resolves.toEqual([reduced]);
    await expect(client.editPriceCategory(42, 9, { price: 450 })).resolves.toMatchObject({ id: 9, price: 450 });
    expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      'POST /public/offers/v1/events/42/price_categories',
      'PATCH /public/offers/v1/events/42/price_categories/9',
    ]);
    expect(server.requests[1]?.headers['content-type']).toBe('application/json');
    // What is not changed is left out (PriceCategoryEdition: undefined keeps the value).
    expect(bodies).toEqual([{ priceCategories: [{ label: 'Tarif réduit', price: 400 }] }, { price: 450 }]);
  });

  it('refuses a listing without offer nor venue, and a bad event id, without calling the platform', async () => {
    expect((await caught(client.listBookings({ stockId: 1 }))).code).toBe('invalid_input');
    expect((await caught(client.getEventDates(Number.NaN))).code).toBe('invalid_input');
    expect((await caught(client.getEventDates(0))).code).toBe('invalid_input');
    expect(server.requests).toHaveLength(0);
  });
});

describe('malformed answers', () => {
  it('turns a 200 that is not JSON into platform_malformed', async () => {
    server.reply('GET', '/public/bookings/v1/token/AB2CD3', { status: 200, text: '<html>portail captif</html>' });
    const error = await caught(client.getBookingByToken('AB2CD3'));
    expect(error.code).toBe('platform_malformed');
    expect(error.status).toBe(200);
    expect(error.message).toBe(
      'Réponse inattendue de pass Culture : réessayez ; si cela persiste, contactez le support.',
    );
  });

  it('turns a truncated JSON body into platform_malformed', async () => {
    server.reply('GET', '/public/bookings/v1/token/AB2CD3', {
      status: 200,
      text: JSON.stringify(bookingJson).slice(0, 80),
    });
    expect((await caught(client.getBookingByToken('AB2CD3'))).code).toBe('platform_malformed');
  });

  it('turns an empty 200 into platform_malformed', async () => {
    server.reply('GET', '/public/offers/v1/offerer_venues', { status: 200 });
    expect((await caught(client.getOffererVenues())).code).toBe('platform_malformed');
  });

  it('turns a schema mismatch into platform_malformed, keeping the issues but not the personal data', async () => {
    const { stockId: _omitted, ...withoutStock } = bookingJson;
    server.reply('GET', '/public/bookings/v1/token/AB2CD3', { status: 200, json: { ...withoutStock, price: '7.00' } });
    const error = await caught(client.getBookingByToken('AB2CD3'));
    expect(error.code).toBe('platform_malformed');
    expect(error.body).toMatchObject({ problem: 'schema' });
    const paths = (error.body as { issues: { path: string }[] }).issues.map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['price', 'stockId']));
    expect(JSON.stringify(error)).not.toContain('camille@example.org');
  });

  it('rejects a tariff priced in euros rather than cents', async () => {
    server.reply('PATCH', '/public/offers/v1/events/42/price_categories/9', {
      status: 200,
      json: { id: 9, label: 'Tarif réduit', price: '4.50' },
    });
    expect((await caught(client.editPriceCategory(42, 9, { price: 450 }))).code).toBe('platform_malformed');
  });

  it('rejects dates and listings that do not match their schema', async () => {
    server.reply('GET', '/public/offers/v1/events/42/dates', { status: 200, json: { dates: [{ id: 1 }] } });
    server.reply('GET', '/public/bookings/v1/bookings', { status: 200, json: [bookingJson] });
    expect((await caught(client.getEventDates(42))).code).toBe('platform_malformed');
    expect((await caught(client.listBookings({ offerId: 42 }))).code).toBe('platform_malformed');
  });
});

describe('logging', () => {
  function capturingLogger() {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    return { logger: pino({ level: 'debug' }, stream), lines };
  }

  it('logs method, masked path, status and duration, never the key nor the token', async () => {
    const { logger, lines } = capturingLogger();
    client = createPlatformClient({ baseUrl: server.baseUrl, apiKey: API_KEY, logger });
    server.reply('GET', '/public/bookings/v1/token/AB2CD3', { status: 200, json: bookingJson });
    server.reply('PATCH', '/public/bookings/v1/use/token/AB2CD3', { status: 403, json: { payment: 'reimbursed' } });
    server.reply('GET', '/public/offers/v1/offerer_venues', { status: 401, json: { auth: 'API key required' } });

    await client.getBookingByToken('AB2CD3');
    await caught(client.useToken('AB2CD3'));
    await caught(client.getOffererVenues());
    await caught(client.getBookingByToken('ZZ9ZZ9', { timeoutMs: 100 })); // no canned reply: 418

    expect(lines).toHaveLength(4);
    const first = JSON.parse(lines[0] ?? '{}') as Record<string, unknown>;
    expect(first).toMatchObject({ level: 20, method: 'GET', path: '/public/bookings/v1/token/••••D3', status: 200 });
    expect(typeof first.ms).toBe('number');
    const all = lines.join('\n');
    expect(all).not.toContain(API_KEY);
    expect(all).not.toContain(API_KEY.slice(-64));
    expect(all).not.toContain('Bearer');
    expect(all).not.toContain('AB2CD3');
    expect(all).not.toContain('camille');
  });

  it('never logs the key when the request fails before any answer', async () => {
    const { logger, lines } = capturingLogger();
    server.reply('GET', '/public/bookings/v1/token/AB2CD3', { destroy: true });
    client = createPlatformClient({ baseUrl: server.baseUrl, apiKey: API_KEY, logger });
    const error = await caught(client.getBookingByToken('AB2CD3'));
    logger.error({ err: error }, 'as a caller would log it');
    expect(lines.length).toBeGreaterThanOrEqual(2);
    expect(lines.join('\n')).not.toContain(API_KEY);
    expect(JSON.stringify(error)).not.toContain(API_KEY);
    expect(error.message).not.toContain(API_KEY);
  });
});

describe('PlatformError', () => {
  it('is recognised by isPlatformError only', () => {
    expect(isPlatformError(new PlatformError('rate_limited', { status: 429 }))).toBe(true);
    expect(isPlatformError(new Error('x'))).toBe(false);
    expect(isPlatformError({ code: 'rate_limited' })).toBe(false);
  });
});
