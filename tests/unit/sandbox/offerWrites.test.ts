/** The sandbox's programme writes behave as the platform's: validation, refusals, seat arithmetic, deletions. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pngHeader } from '../programme/images';
import { NOW, newEvent, startTestSandbox, type DateJson, type TestSandbox } from './helpers';

let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox();
});
afterAll(async () => {
  await t.close();
});

function send(method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${t.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${t.sandbox.apiKey}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

const EVENTS = '/public/offers/v1/events';
/** 27 March 2026 20:30 in Paris, after the helpers' frozen NOW. */
const START = '2026-03-27T20:30:00+01:00';

async function createdEvent(): Promise<{ id: number; priceCategories: { id: number }[] }> {
  const response = await send('POST', EVENTS, newEvent());
  expect(response.status).toBe(200);
  return (await response.json()) as { id: number; priceCategories: { id: number }[] };
}

async function createdDate(eventId: number, priceCategoryId: number, quantity: number | 'unlimited' = 10) {
  const response = await send('POST', `${EVENTS}/${eventId}/dates`, {
    dates: [{ beginningDatetime: START, bookingLimitDatetime: START, priceCategoryId, quantity }],
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { dates: DateJson[] }).dates[0] as DateJson;
}

describe('POST /events', () => {
  it('creates a film of this provider, listed with the venue', async () => {
    const event = await createdEvent();
    const listed = await t.getJson<{ events: { id: number }[] }>(`${EVENTS}?venueId=1`);
    expect(listed.events.map((e) => e.id)).toContain(event.id);
  });

  it('refuses a name over 90 characters, a price out of 0..30000 and an unknown venue', async () => {
    expect((await send('POST', EVENTS, newEvent({ name: 'x'.repeat(91) }))).status).toBe(400);
    const expensive = await send('POST', EVENTS, newEvent({ priceCategories: [{ label: 'Cher', price: 30001 }] }));
    expect(expensive.status).toBe(400);
    expect(await expensive.json()).toEqual({
      'priceCategories.0.price': ['Input should be less than or equal to 30000'],
    });
    expect((await send('POST', EVENTS, newEvent({ priceCategories: [{ label: 'N', price: -1 }] }))).status).toBe(400);
    expect((await send('POST', EVENTS, newEvent({ location: { type: 'physical', venueId: 999 } }))).status).toBe(404);
  });

  it('takes a 2:3 poster and serves it; refuses another ratio', async () => {
    const poster = Buffer.from(pngHeader(600, 900)).toString('base64');
    const created = await send('POST', EVENTS, newEvent({ image: { file: poster, credit: 'Studio' } }));
    const body = (await created.json()) as { image: { url: string; credit: string } };
    expect(body.image.credit).toBe('Studio');
    expect((await fetch(body.image.url)).headers.get('content-type')).toBe('image/png');
    const landscape = Buffer.from(pngHeader(900, 600)).toString('base64');
    expect((await send('POST', EVENTS, newEvent({ image: { file: landscape } }))).status).toBe(400);
  });
});

describe('PATCH /events/{id}', () => {
  it('(de)activates any film of the venue', async () => {
    const off = await send('PATCH', `${EVENTS}/101`, { isActive: false });
    expect(off.status).toBe(200);
    expect(((await off.json()) as { status: string }).status).toBe('INACTIVE');
    await send('PATCH', `${EVENTS}/101`, { isActive: true });
  });

  it('refuses other edits of a film imported or made on the pro site, in the platform words', async () => {
    for (const id of [101, 102]) {
      const response = await send('PATCH', `${EVENTS}/${id}`, { name: 'Autre', enableDoubleBookings: false });
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({
        name: ['Vous ne pouvez pas modifier ce champ'],
        isDuo: ['Vous ne pouvez pas modifier ce champ'],
      });
    }
  });

  it('edits a film of this provider; 404 for an unknown one', async () => {
    const event = await createdEvent();
    const response = await send('PATCH', `${EVENTS}/${event.id}`, { name: 'Nouveau titre', eventDuration: 100 });
    expect(((await response.json()) as { name: string }).name).toBe('Nouveau titre');
    expect((await send('PATCH', `${EVENTS}/99999`, { isActive: false })).status).toBe(404);
  });
});

describe('dates', () => {
  it('adds a date; refuses a date without offset, an unknown price category and an imported film', async () => {
    const event = await createdEvent();
    const pc = event.priceCategories[0]?.id ?? 0;
    const date = await createdDate(event.id, pc, 12);
    expect(date).toMatchObject({
      quantity: 12,
      bookedQuantity: 0,
      beginningDatetime: '2026-03-27T19:30:00.000000Z',
    });
    const naive = await send('POST', `${EVENTS}/${event.id}/dates`, {
      dates: [
        { beginningDatetime: '2026-03-27T20:30:00', bookingLimitDatetime: START, priceCategoryId: pc, quantity: 5 },
      ],
    });
    expect(naive.status).toBe(400);
    expect(await naive.json()).toEqual({ 'dates.0.beginningDatetime': ['The datetime must be timezone-aware.'] });
    const unknownPc = await send('POST', `${EVENTS}/${event.id}/dates`, {
      dates: [{ beginningDatetime: START, bookingLimitDatetime: START, priceCategoryId: 1, quantity: 5 }],
    });
    expect(unknownPc.status).toBe(404);
    const imported = await send('POST', `${EVENTS}/101/dates`, {
      dates: [{ beginningDatetime: START, bookingLimitDatetime: START, priceCategoryId: 1, quantity: 5 }],
    });
    expect(imported.status).toBe(400);
    expect(await imported.json()).toEqual({ global: ['Les offres importées ne sont pas modifiables'] });
  });

  it('PATCH quantity sets the seats still available, booked ones added; never below 0', async () => {
    const booking = await t.create({});
    const before = (
      await t.getJson<{ dates: DateJson[] }>(`${EVENTS}/${booking.offerId}/dates?firstIndex=${booking.stockId}&limit=1`)
    ).dates[0] as DateJson;
    const closed = await send('PATCH', `${EVENTS}/${booking.offerId}/dates/${booking.stockId}`, { quantity: 0 });
    expect(closed.status).toBe(200);
    const after = (await closed.json()) as DateJson;
    expect(after.quantity).toBe(before.bookedQuantity);
    expect(after.bookedQuantity).toBe(before.bookedQuantity);
    const negative = await send('PATCH', `${EVENTS}/${booking.offerId}/dates/${booking.stockId}`, { quantity: -1 });
    expect(negative.status).toBe(400);
    const reopened = await send('PATCH', `${EVENTS}/${booking.offerId}/dates/${booking.stockId}`, { quantity: 4 });
    expect(((await reopened.json()) as DateJson).quantity).toBe(before.bookedQuantity + 4);
  });

  it('refuses to move a date of an imported film, and 404s an unknown date', async () => {
    const booking = await t.create({});
    const moved = await send('PATCH', `${EVENTS}/${booking.offerId}/dates/${booking.stockId}`, {
      beginningDatetime: START,
    });
    expect(moved.status).toBe(400);
    expect((await send('PATCH', `${EVENTS}/${booking.offerId}/dates/999999`, { quantity: 1 })).status).toBe(404);
    expect(await (await send('DELETE', `${EVENTS}/${booking.offerId}/dates/999999`)).json()).toEqual({
      stock_id: ['No stock could be found'],
    });
  });

  it('DELETE cancels the date’s unused bookings and removes it', async () => {
    const event = await createdEvent();
    const date = await createdDate(event.id, event.priceCategories[0]?.id ?? 0, 10);
    const booking = await t.create({ stockId: date.id });
    expect((await send('DELETE', `${EVENTS}/${event.id}/dates/${date.id}`)).status).toBe(204);
    const after = (await t.bookings()).find((b) => b.id === booking.id);
    expect(after?.status).toBe('CANCELLED');
    const { dates } = await t.getJson<{ dates: DateJson[] }>(`${EVENTS}/${event.id}/dates`);
    expect(dates).toHaveLength(0);
    // The next date gets a new id, editable as any other (a reused id would read as deleted).
    const next = await createdDate(event.id, event.priceCategories[0]?.id ?? 0, 10);
    expect(next.id).toBeGreaterThan(date.id);
    expect((await send('PATCH', `${EVENTS}/${event.id}/dates/${next.id}`, { quantity: 5 })).status).toBe(200);
  });
});

describe('price categories (tariffs)', () => {
  const tariffs = (eventId: number | string) => `${EVENTS}/${eventId}/price_categories`;
  type Tariff = { id: number; label: string; price: number };

  it('adds a tariff to a film of this provider: answered alone, then usable for a new date', async () => {
    const event = await createdEvent();
    const response = await send('POST', tariffs(event.id), {
      priceCategories: [{ label: 'Tarif réduit', price: 400 }],
    });
    expect(response.status).toBe(200);
    const { priceCategories } = (await response.json()) as { priceCategories: Tariff[] };
    expect(priceCategories).toEqual([
      { id: expect.any(Number), label: 'Tarif réduit', price: 400, idAtProvider: null },
    ]);
    const film = await t.getJson<{ priceCategories: Tariff[] }>(`${EVENTS}/${event.id}`);
    expect(film.priceCategories.map((pc) => pc.label)).toEqual(['Tarif unique', 'Tarif réduit']);
    const date = await createdDate(event.id, priceCategories[0]?.id ?? 0);
    expect(date.priceCategory).toMatchObject({ label: 'Tarif réduit', price: 400 });
  });

  it('refuses the same label at the same price, an empty label, a price over 300 € and an imported film', async () => {
    const event = await createdEvent();
    const twin = await send('POST', tariffs(event.id), { priceCategories: [{ label: 'Tarif unique', price: 550 }] });
    expect(twin.status).toBe(400);
    expect(await twin.json()).toEqual({ priceCategories: ['The price category Tarif unique already exists'] });
    const otherPrice = await send('POST', tariffs(event.id), {
      priceCategories: [{ label: 'Tarif unique', price: 600 }],
    });
    expect(otherPrice.status).toBe(200);
    const empty = await send('POST', tariffs(event.id), { priceCategories: [{ label: '', price: 500 }] });
    expect(empty.status).toBe(400);
    const expensive = await send('POST', tariffs(event.id), { priceCategories: [{ label: 'Cher', price: 30001 }] });
    expect(await expensive.json()).toEqual({
      'priceCategories.0.price': ['Input should be less than or equal to 30000'],
    });
    const imported = await send('POST', tariffs(101), { priceCategories: [{ label: 'Nouveau', price: 500 }] });
    expect(imported.status).toBe(400);
    expect(await imported.json()).toEqual({ global: ['Les offres importées ne sont pas modifiables'] });
    expect(await (await send('POST', tariffs(99999), { priceCategories: [] })).json()).toEqual({
      event_id: ['The event could not be found'],
    });
  });

  it('changes a tariff: its dates take the new price, bookings already made keep theirs', async () => {
    const event = await createdEvent();
    const pc = event.priceCategories[0]?.id ?? 0;
    const date = await createdDate(event.id, pc, 10);
    const booking = await t.create({ stockId: date.id });
    const response = await send('PATCH', `${tariffs(event.id)}/${pc}`, { label: 'Plein tarif', price: 700 });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ id: pc, label: 'Plein tarif', price: 700, idAtProvider: null });
    const { dates } = await t.getJson<{ dates: DateJson[] }>(`${EVENTS}/${event.id}/dates`);
    expect(dates[0]?.priceCategory).toEqual({ id: pc, label: 'Plein tarif', price: 700, idAtProvider: null });
    expect((await t.bookings()).find((b) => b.id === booking.id)?.price).toBe(550);
    const priceOnly = await send('PATCH', `${tariffs(event.id)}/${pc}`, { price: 650 });
    expect(await priceOnly.json()).toMatchObject({ label: 'Plein tarif', price: 650 });
  });

  it('refuses to change a tariff of another film, of an imported film, or one a begun séance uses', async () => {
    const event = await createdEvent();
    const pc = event.priceCategories[0]?.id ?? 0;
    expect(await (await send('PATCH', `${tariffs(event.id)}/1`, { price: 500 })).json()).toEqual({
      price_category_id: ['No price category could be found'],
    });
    const unknownField = await send('PATCH', `${tariffs(event.id)}/${pc}`, { amount: 500 });
    expect(await unknownField.json()).toEqual({ amount: ['Extra inputs are not permitted'] });
    const seeded = await t.getJson<{ priceCategories: Tariff[] }>(`${EVENTS}/101`);
    const imported = await send('PATCH', `${tariffs(101)}/${seeded.priceCategories[0]?.id}`, { price: 500 });
    expect(imported.status).toBe(400);
    expect(await imported.json()).toEqual({ global: ['Les offres importées ne sont pas modifiables'] });

    await createdDate(event.id, pc);
    await t.controlJson('POST', '/clock', { now: '2026-03-27T21:00:00+01:00' });
    try {
      const begun = await send('PATCH', `${tariffs(event.id)}/${pc}`, { price: 500 });
      expect(begun.status).toBe(400);
      expect(await begun.json()).toEqual({ global: ['Les évènements passés ne sont pas modifiables'] });
    } finally {
      await t.controlJson('POST', '/clock', { now: NOW.toISOString() });
    }
  });
});

describe('the 3.1 document', () => {
  it('requires every request body: a write without one is a 400, not an empty edit', async () => {
    const event = await createdEvent();
    const pc = event.priceCategories[0]?.id ?? 0;
    const date = await createdDate(event.id, pc);
    for (const [method, path] of [
      ['POST', EVENTS],
      ['PATCH', `${EVENTS}/${event.id}`],
      ['POST', `${EVENTS}/${event.id}/dates`],
      ['PATCH', `${EVENTS}/${event.id}/dates/${date.id}`],
      ['POST', `${EVENTS}/${event.id}/price_categories`],
      ['PATCH', `${EVENTS}/${event.id}/price_categories/${pc}`],
    ]) {
      const response = await send(method!, path!);
      expect(response.status, `${method} ${path}`).toBe(400);
      expect(Object.keys((await response.json()) as object)).toEqual(['__root__']);
    }
  });

  it('refuses priceCategoryId 0 or below on a date edit (exclusiveMinimum: 0)', async () => {
    const event = await createdEvent();
    const date = await createdDate(event.id, event.priceCategories[0]?.id ?? 0);
    for (const priceCategoryId of [0, -3]) {
      const response = await send('PATCH', `${EVENTS}/${event.id}/dates/${date.id}`, { priceCategoryId });
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({ priceCategoryId: ['Input should be greater than 0'] });
    }
  });

  it('keeps a film’s trailer (videoUrl): set when publishing, changed or removed by an edit, YouTube only', async () => {
    const trailer = 'https://www.youtube.com/watch?v=0R5PZxOgoz8';
    const created = await send('POST', EVENTS, newEvent({ videoUrl: trailer }));
    const event = (await created.json()) as { id: number; videoUrl: string | null };
    expect(event.videoUrl).toBe(trailer);
    const edited = await send('PATCH', `${EVENTS}/${event.id}`, { videoUrl: 'https://youtu.be/0R5PZxOgoz8' });
    expect(((await edited.json()) as { videoUrl: string }).videoUrl).toBe('https://youtu.be/0R5PZxOgoz8');
    const removed = await send('PATCH', `${EVENTS}/${event.id}`, { videoUrl: null });
    expect(((await removed.json()) as { videoUrl: string | null }).videoUrl).toBeNull();
    const vimeo = await send('PATCH', `${EVENTS}/${event.id}`, { videoUrl: 'https://vimeo.com/1' });
    expect(vimeo.status).toBe(400);
    expect(Object.keys((await vimeo.json()) as object)).toEqual(['videoUrl']);
    // Seeded films have none, and say so.
    expect((await t.getJson<{ videoUrl: unknown }>(`${EVENTS}/101`)).videoUrl).toBeNull();
  });

  it('lists the cinema event categories with their labels', async () => {
    const categories = await t.getJson<{ id: string; label: string; conditionalFields: object }[]>(
      `${EVENTS}/categories`,
    );
    expect(categories.find((c) => c.id === 'SEANCE_CINE')).toEqual({
      id: 'SEANCE_CINE',
      label: 'Séance de cinéma',
      conditionalFields: { author: false, visa: false, stageDirector: false },
    });
  });
});
