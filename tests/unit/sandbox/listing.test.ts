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

describe('GET /public/bookings/v1/bookings', () => {
  it('needs offerId (or venueId)', async () => {
    const response = await t.get('/public/bookings/v1/bookings');
    expect(response.status).toBe(400);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body.offerId).toEqual([expect.stringContaining('required')]);
  });

  it('pages by id: ascending, 50 by default, next page from last id + 1', async () => {
    const first = await list('venueId=1');
    expect(first).toHaveLength(50);
    expect(first.map((b) => b.id)).toEqual([...first.map((b) => b.id)].sort((a, b) => a - b));
    expect(first[0]?.id).toBe(1001);

    const ids: number[] = [];
    let cursor = 1;
    for (;;) {
      const pageOf = await list(`venueId=1&limit=20&firstIndex=${cursor}`);
      expect(pageOf.length).toBeLessThanOrEqual(20);
      ids.push(...pageOf.map((b) => b.id));
      if (pageOf.length < 20) break;
      cursor = (pageOf[pageOf.length - 1]?.id ?? 0) + 1;
    }
    expect(ids).toEqual(seeded.map((b) => b.id));
  });

  it('starts at firstIndex, inclusive', async () => {
    const fromId = seeded[10]?.id ?? 0;
    const pageOf = await list(`venueId=1&firstIndex=${fromId}&limit=3`);
    expect(pageOf.map((b) => b.id)).toEqual(seeded.slice(10, 13).map((b) => b.id));
  });

  it.each(['limit=0', 'limit=51', 'limit=abc', 'firstIndex=0'])('refuses %s with 400', async (param) => {
    const response = await t.get(`/public/bookings/v1/bookings?venueId=1&${param}`);
    expect(response.status).toBe(400);
    const field = param.split('=')[0] ?? '';
    expect((await response.json()) as Record<string, unknown>).toHaveProperty(field);
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

    const used = await list('venueId=1&status=USED');
    expect(used.map((b) => b.id)).toEqual(seeded.filter((b) => b.status === 'USED').map((b) => b.id));
    expect((await t.get('/public/bookings/v1/bookings?venueId=1&status=used')).status).toBe(400);
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
    expect((await t.get(`/public/bookings/v1/bookings?venueId=1&beginningDatetime=tomorrow`)).status).toBe(400);
  });

  it('answers 404 for an unknown offer', async () => {
    const response = await t.get('/public/bookings/v1/bookings?offerId=999999');
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ offer: 'we could not find this offer id' });
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
    expect((await t.get('/public/offers/v1/events?venueId=999')).status).toBe(404);
  });

  it('returns one event, or 404', async () => {
    const event = await t.getJson<{ id: number; name: string }>('/public/offers/v1/events/101');
    expect(event.id).toBe(101);
    for (const id of ['999', 'abc']) {
      const response = await t.get(`/public/offers/v1/events/${id}`);
      expect(response.status).toBe(404);
      expect((await t.get(`/public/offers/v1/events/${id}/dates`)).status).toBe(404);
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
      expect(date.beginningDatetime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    }
    for (const booking of current) {
      const date = dates.find((d) => d.id === booking.stockId);
      expect(date?.offerId).toBe(booking.offerId);
      expect(date?.beginningDatetime).toBe(booking.seanceStart);
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
