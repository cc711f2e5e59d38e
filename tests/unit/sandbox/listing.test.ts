/** Listing endpoints: bookings (cursor, limit, filters), venues, events and their dates. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allDates, startTestSandbox, type ControlBooking, type TestSandbox } from './helpers';

interface BookingJson {
  id: number;
  status: string;
  offerId: number;
  stockId: number;
  priceCategoryId: number;
  quantity: number;
}

let t: TestSandbox;
let seeded: ControlBooking[];
beforeAll(async () => {
  t = await startTestSandbox();
  seeded = await t.bookings();
});
afterAll(async () => {
  await t.close();
});

const list = async (query: string) =>
  (await t.getJson<{ bookings: BookingJson[] }>(`/public/bookings/v1/bookings?${query}`)).bookings;

/** The offer with the most seeded bookings, so paging has something to page. */
function busiestOffer(bookings: ControlBooking[]): number {
  const counts = new Map<number, number>();
  for (const b of bookings) counts.set(b.offerId, (counts.get(b.offerId) ?? 0) + 1);
  return [...counts].sort(([, a], [, b]) => b - a)[0]?.[0] ?? 0;
}

describe('GET /public/bookings/v1/bookings', () => {
  it('needs offerId or venueId (ANDed when both), and refuses any other parameter, as the 2026 platform does', async () => {
    const cases: [string, number, unknown][] = [
      ['', 400, { global: ['`offerId` or `venueId` must be set'] }],
      ['offerId=0', 400, { global: ['`offerId` or `venueId` must be set'] }],
      ['venueId=999', 404, { venueId: 'we could not find this venue' }],
      ['offerId=999999', 404, { offerId: 'we could not find this offer' }],
      ['venueId=1&offerId=999999', 404, { offerId: 'we could not find this offer' }],
      ['venueId=1&page=2', 400, { page: ['Extra inputs are not permitted'] }],
      ['venueId=abc', 400, { venueId: ['Input should be a valid integer, unable to parse string as an integer'] }],
    ];
    for (const [query, status, body] of cases) {
      const response = await t.get(`/public/bookings/v1/bookings?${query}`);
      expect(response.status, query).toBe(status);
      expect(await response.json(), query).toEqual(body);
    }
    const byVenue = await list('venueId=1&limit=50');
    expect(byVenue.map((b) => b.id)).toEqual(seeded.slice(0, 50).map((b) => b.id));
    const offerId = busiestOffer(seeded);
    expect((await list(`venueId=1&offerId=${offerId}`)).map((b) => b.id)).toEqual(
      seeded.filter((b) => b.offerId === offerId).map((b) => b.id),
    );
  });

  it('pages a whole venue by id, with the same cursor as an offer, and filters it by séance start and status', async () => {
    const ids: number[] = [];
    for (let cursor = 1; ;) {
      const page = await list(`venueId=1&firstIndex=${cursor}&limit=50`);
      ids.push(...page.map((b) => b.id));
      if (page.length < 50) break;
      cursor = (page[page.length - 1]?.id ?? 0) + 1;
    }
    expect(ids).toEqual(seeded.map((b) => b.id));
    const sample = seeded[0] as ControlBooking;
    const atThatTime = await list(`venueId=1&beginningDatetime=${sample.seanceStart}`);
    expect(atThatTime.map((b) => b.id)).toEqual(
      seeded.filter((b) => b.seanceStart === sample.seanceStart).map((b) => b.id),
    );
    const confirmed = await list('venueId=1&status=CONFIRMED&limit=50');
    expect(confirmed.map((b) => b.id)).toEqual(
      seeded
        .filter((b) => b.status === 'CONFIRMED')
        .slice(0, 50)
        .map((b) => b.id),
    );
  });

  it('as the platform before January 2026 (config venueListing: false): offerId required, venueId refused', async () => {
    const legacy = await startTestSandbox({ venueListing: false });
    try {
      const cases: [string, number, unknown][] = [
        ['', 400, { offerId: ['Field required'] }],
        ['venueId=1', 400, { offerId: ['Field required'], venueId: ['Extra inputs are not permitted'] }],
        ['offerId=101&venueId=1', 400, { venueId: ['Extra inputs are not permitted'] }],
        ['offerId=999999', 404, { offer: 'we could not find this offer id' }],
      ];
      for (const [query, status, body] of cases) {
        const response = await legacy.get(`/public/bookings/v1/bookings?${query}`);
        expect(response.status, query).toBe(status);
        expect(await response.json(), query).toEqual(body);
      }
      expect((await legacy.get('/public/bookings/v1/bookings?offerId=101')).status).toBe(200);
      // The switch works at run time too, and a reset brings back the option's behaviour.
      expect(await legacy.controlJson('POST', '/config', { venueListing: true })).toMatchObject({ venueListing: true });
      expect((await legacy.get('/public/bookings/v1/bookings?venueId=1')).status).toBe(200);
      await legacy.control('POST', '/reset');
      expect((await legacy.get('/public/bookings/v1/bookings?venueId=1')).status).toBe(400);
    } finally {
      await legacy.close();
    }
  });

  it('takes snake_case names too', async () => {
    expect(await list('offer_id=101&first_index=1&limit=3')).toEqual(await list('offerId=101&firstIndex=1&limit=3'));
  });

  it('pages by id: ascending, 50 by default, next page from last id + 1', async () => {
    const fresh = await startTestSandbox();
    try {
      const offerId = busiestOffer(seeded);
      const stockId = seeded.find((b) => b.offerId === offerId)?.stockId;
      // Cancelled bookings need no seat: enough of them make more than one default page.
      for (let i = 0; i < 45; i++) await fresh.create({ stockId, status: 'CANCELLED' });
      const expected = (await fresh.bookings()).filter((b) => b.offerId === offerId).map((b) => b.id);
      expect(expected.length).toBeGreaterThan(50);

      const first = await fresh.getJson<{ bookings: BookingJson[] }>(`/public/bookings/v1/bookings?offerId=${offerId}`);
      expect(first.bookings.map((b) => b.id)).toEqual(expected.slice(0, 50));

      const ids: number[] = [];
      for (let cursor = 1; ;) {
        const { bookings } = await fresh.getJson<{ bookings: BookingJson[] }>(
          `/public/bookings/v1/bookings?offerId=${offerId}&limit=20&firstIndex=${cursor}`,
        );
        expect(bookings.length).toBeLessThanOrEqual(20);
        ids.push(...bookings.map((b) => b.id));
        if (bookings.length < 20) break;
        cursor = (bookings[bookings.length - 1]?.id ?? 0) + 1;
      }
      expect(ids).toEqual(expected);
    } finally {
      await fresh.close();
    }
  });

  it('starts at firstIndex, inclusive', async () => {
    const offerId = busiestOffer(seeded);
    const ofOffer = seeded.filter((b) => b.offerId === offerId);
    const pageOf = await list(`offerId=${offerId}&firstIndex=${ofOffer[2]?.id}&limit=3`);
    expect(pageOf.map((b) => b.id)).toEqual(ofOffer.slice(2, 5).map((b) => b.id));
    // The next page's cursor, last id + 1, need not be an id of this offer.
    const next = await list(`offerId=${offerId}&firstIndex=${(ofOffer[1]?.id ?? 0) + 1}&limit=1`);
    expect(next.map((b) => b.id)).toEqual([ofOffer[2]?.id]);
  });

  it.each([
    ['limit=0', 'limit'],
    ['limit=51', 'limit'],
    ['limit=abc', 'limit'],
    ['firstIndex=0', 'firstIndex'],
    ['offerId=abc', 'offerId'],
    ['status=used', 'status'],
    ['beginningDatetime=tomorrow', 'beginningDatetime'],
  ])('refuses %s with 400 on that field', async (param, field) => {
    const response = await t.get(`/public/bookings/v1/bookings?offerId=101&${param}`);
    expect(response.status).toBe(400);
    expect(Object.keys((await response.json()) as Record<string, unknown>)).toEqual([field]);
  });

  it('filters by offer, stock, price category and status', async () => {
    const sample = seeded.find((b) => b.status === 'CONFIRMED') as ControlBooking;
    const byOffer = await list(`offerId=${sample.offerId}`);
    expect(byOffer.map((b) => b.id)).toEqual(seeded.filter((b) => b.offerId === sample.offerId).map((b) => b.id));

    const byStock = await list(`offerId=${sample.offerId}&stockId=${sample.stockId}`);
    expect(byStock.length).toBeGreaterThan(0);
    expect(byStock.every((b) => b.stockId === sample.stockId)).toBe(true);

    const priceCategoryId = byStock[0]?.priceCategoryId;
    const byCategory = await list(`offerId=${sample.offerId}&priceCategoryId=${priceCategoryId}`);
    expect(byCategory.every((b) => b.priceCategoryId === priceCategoryId)).toBe(true);

    const usedOffer = seeded.find((b) => b.status === 'USED')?.offerId;
    const used = await list(`offerId=${usedOffer}&status=USED`);
    expect(used.map((b) => b.id)).toEqual(
      seeded.filter((b) => b.offerId === usedOffer && b.status === 'USED').map((b) => b.id),
    );
  });

  it('filters by exact séance start, whatever the offset notation', async () => {
    const sample = seeded[0] as ControlBooking;
    const expected = seeded.filter((b) => b.offerId === sample.offerId && b.seanceStart === sample.seanceStart);
    const start = new Date(sample.seanceStart);
    const paris = new Date(start.getTime() + 2 * 3600_000).toISOString().slice(0, 19) + '+02:00';
    const parisWinter = new Date(start.getTime() + 3600_000).toISOString().slice(0, 19) + '+01:00';
    const local = start.getTime() >= Date.parse('2026-03-29T01:00:00Z') ? paris : parisWinter;
    for (const value of [sample.seanceStart, encodeURIComponent(local), local]) {
      const found = await list(`offerId=${sample.offerId}&beginningDatetime=${value}`);
      expect(found.map((b) => b.id)).toEqual(expected.map((b) => b.id));
    }
  });

  it('keeps cancelled bookings in the list, as CANCELLED, and frees their seats', async () => {
    const fresh = await startTestSandbox();
    try {
      const booking = await fresh.create({ confirmed: false, quantity: 2 });
      const seats = async () =>
        (await allDates(fresh)).find((d) => d.id === booking.stockId)?.bookedQuantity ?? Number.NaN;
      const before = await seats();
      await fresh.controlJson('POST', `/bookings/${booking.id}/cancel`);
      const listed = await fresh.getJson<{ bookings: BookingJson[] }>(
        `/public/bookings/v1/bookings?offerId=${booking.offerId}&firstIndex=${booking.id}`,
      );
      expect(listed.bookings[0]).toMatchObject({ id: booking.id, status: 'CANCELLED', quantity: 2 });
      expect(await seats()).toBe(before - 2);
      const view = (await fresh.bookings()).find((b) => b.id === booking.id);
      expect(view).toMatchObject({ status: 'CANCELLED', dateUsed: null, cancellationDate: '2026-03-26T10:00:00Z' });
    } finally {
      await fresh.close();
    }
  });
});

describe('offers', () => {
  it('lists one offerer with its cinema', async () => {
    const venues = await t.getJson<
      { offerer: { siren: string; name: string }; venues: { id: number; siret: string; activityDomain: string }[] }[]
    >('/public/offers/v1/offerer_venues');
    expect(venues).toHaveLength(1);
    const [entry] = venues;
    expect(entry?.offerer.siren).toMatch(/^\d{9}$/);
    expect(entry?.venues[0]).toMatchObject({ id: 1, activityDomain: 'MOVIE' });
    expect(entry?.venues[0]?.siret).toMatch(new RegExp(`^${entry?.offerer.siren}\\d{5}$`));
    expect(await t.getJson('/public/offers/v1/offerer_venues?siren=123456789')).toEqual([]);
  });

  it('lists the films as SEANCE_CINE events, paged by id', async () => {
    const { events } = await t.getJson<{ events: { id: number; categoryRelatedFields: { category: string } }[] }>(
      '/public/offers/v1/events?venueId=1',
    );
    expect(events).toHaveLength(8);
    expect(events.every((e) => e.categoryRelatedFields.category === 'SEANCE_CINE')).toBe(true);
    const firstTwo = await t.getJson<{ events: { id: number }[] }>('/public/offers/v1/events?limit=2');
    expect(firstTwo.events.map((e) => e.id)).toEqual(events.slice(0, 2).map((e) => e.id));
    const next = await t.getJson<{ events: { id: number }[] }>(
      `/public/offers/v1/events?limit=2&firstIndex=${(events[1]?.id ?? 0) + 1}`,
    );
    expect(next.events.map((e) => e.id)).toEqual(events.slice(2, 4).map((e) => e.id));
    const unknownVenue = await t.get('/public/offers/v1/events?venueId=999');
    expect(unknownVenue.status).toBe(404);
    expect(await unknownVenue.json()).toEqual({ global: 'Venue cannot be found' });
    expect((await t.getJson<{ events: unknown[] }>('/public/offers/v1/events?venue_id=1')).events).toHaveLength(8);
  });

  it('returns one event, or 404', async () => {
    const event = await t.getJson<{ id: number; name: string }>('/public/offers/v1/events/101');
    expect(event.id).toBe(101);
    for (const id of ['999', 'abc']) {
      const response = await t.get(`/public/offers/v1/events/${id}`);
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({ event_id: ['The event offer could not be found'] });
      const dates = await t.get(`/public/offers/v1/events/${id}/dates`);
      expect(dates.status).toBe(404);
      expect(await dates.json()).toEqual({ event_id: ['The event could not be found'] });
    }
  });

  it('lists dates with seats consistent with the bookings', async () => {
    const dates = await allDates(t);
    const current = await t.bookings();
    for (const date of dates) {
      const booked = current
        .filter((b) => b.stockId === date.id && b.status !== 'CANCELLED')
        .reduce((sum, b) => sum + b.quantity, 0);
      expect(date.bookedQuantity).toBe(booked);
      expect(date.quantity).toBeGreaterThanOrEqual(date.bookedQuantity);
      expect(date.beginningDatetime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.000000Z$/);
    }
    for (const booking of current) {
      const date = dates.find((d) => d.id === booking.stockId);
      expect(date?.offerId).toBe(booking.offerId);
      expect(Date.parse(date?.beginningDatetime ?? '')).toBe(Date.parse(booking.seanceStart));
      expect(date?.priceCategory.price).toBe(booking.price);
    }
  });

  it('pages dates by id', async () => {
    const { dates } = await t.getJson<{ dates: { id: number }[] }>('/public/offers/v1/events/101/dates');
    const two = await t.getJson<{ dates: { id: number }[] }>(
      `/public/offers/v1/events/101/dates?limit=2&firstIndex=${dates[1]?.id}`,
    );
    expect(two.dates.map((d) => d.id)).toEqual(dates.slice(1, 3).map((d) => d.id));
  });
});
