/** The countermark rules: look-up, use, keep and cancel for each booking state, as the platform answers them. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_API_KEY } from '../../../electron/sandbox';
import { NOW, allDates, startTestSandbox, type TestSandbox } from './helpers';

const BOOKINGS = '/public/bookings/v1';
const NOT_FOUND = { global: 'This countermark cannot be found' };

let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox();
});
afterAll(async () => {
  await t.close();
});

async function status(path: string, method: 'GET' | 'PATCH' = 'GET') {
  const response = method === 'GET' ? await t.get(path) : await t.patch(path);
  const text = await response.text();
  return { status: response.status, body: text === '' ? undefined : (JSON.parse(text) as unknown) };
}

describe('authentication', () => {
  it('answers 401 without a key, with a wrong key or another scheme', async () => {
    const valid = await t.pick('valid');
    const path = `${t.url}${BOOKINGS}/token/${valid.token}`;
    const attempts: Record<string, string>[] = [
      {},
      { authorization: 'Bearer nope' },
      { authorization: `Basic ${DEMO_API_KEY}` },
      { authorization: DEMO_API_KEY },
    ];
    for (const headers of attempts) {
      const response = await fetch(path, { headers });
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({ auth: 'API key required' });
    }
  });

  it('uses the demo key by default, and the scheme is case-insensitive', async () => {
    expect(t.sandbox.apiKey).toBe(DEMO_API_KEY);
    expect(DEMO_API_KEY).toMatch(/^sandbox_[0-9a-f]{12}_[0-9a-f]{64}$/);
    const valid = await t.pick('valid');
    const response = await fetch(`${t.url}${BOOKINGS}/token/${valid.token}`, {
      headers: { authorization: `bearer ${DEMO_API_KEY}` },
    });
    expect(response.status).toBe(200);
  });

  it('accepts a custom key', async () => {
    const other = await startTestSandbox({ apiKey: 'staging_0123456789ab_' + 'e'.repeat(64) });
    try {
      expect(other.sandbox.apiKey).toBe('staging_0123456789ab_' + 'e'.repeat(64));
      expect((await other.get('/public/offers/v1/offerer_venues')).status).toBe(200);
      const withDemoKey = await fetch(`${other.url}/public/offers/v1/offerer_venues`, {
        headers: { authorization: `Bearer ${DEMO_API_KEY}` },
      });
      expect(withDemoKey.status).toBe(401);
    } finally {
      await other.close();
    }
  });
});

describe('look-up', () => {
  it('returns a validatable booking, matching the control view', async () => {
    const valid = await t.pick('valid');
    const { status: code, body } = await status(`${BOOKINGS}/token/${valid.token}`);
    expect(code).toBe(200);
    expect(body).toMatchObject({
      id: valid.id,
      status: 'CONFIRMED',
      quantity: valid.quantity,
      price: valid.price,
      offerId: valid.offerId,
      stockId: valid.stockId,
      offerName: valid.offerName,
      priceCategoryLabel: valid.priceCategoryLabel,
      userFirstName: valid.firstName,
      userLastName: valid.lastName,
      venueId: 1,
      offerEan: null,
    });
    const booking = body as { creationDate: string; confirmationDate: string };
    // The backend's notation: UTC, six-digit fractions (the control API writes whole seconds).
    expect(booking.creationDate).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/);
    expect(booking.confirmationDate).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.000000Z$/);
    expect(Date.parse(booking.confirmationDate)).toBe(Date.parse(valid.confirmationDate));
    expect(Date.parse(booking.confirmationDate)).toBeLessThanOrEqual(NOW.getTime());
  });

  it('matches tokens case-insensitively', async () => {
    const valid = await t.pick('valid');
    const { status: code, body } = await status(`${BOOKINGS}/token/${valid.token.toLowerCase()}`);
    expect(code).toBe(200);
    expect(body).toMatchObject({ id: valid.id });
  });

  it('answers 404 for an unknown token', async () => {
    const tokens = new Set((await t.bookings()).map((b) => b.token));
    const unknown = ['AAAAAA', 'ZZZZZZ', '222222'].find((token) => !tokens.has(token));
    expect(await status(`${BOOKINGS}/token/${unknown}`)).toEqual({ status: 404, body: NOT_FOUND });
  });

  it.each([
    ['used', 410, { booking: 'This booking has already been validated' }],
    ['cancelled', 410, { booking: 'This booking has been cancelled' }],
    ['reimbursed', 403, { payment: 'This booking has already been reimbursed' }],
  ] as const)('refuses a %s booking', async (outcome, code, body) => {
    const booking = await t.pick(outcome);
    expect(await status(`${BOOKINGS}/token/${booking.token}`)).toEqual({ status: code, body });
  });

  it('refuses a booking still in its cancellation window, with the Paris-local date', async () => {
    const far = (await allDates(t)).find((d) => d.beginningDatetime >= '2026-03-31');
    expect(far).toBeDefined();
    // Booked at 09:30Z: confirmed 48 h later, 28 March 09:30Z, i.e. 10:30 in Paris (still winter time).
    const booking = await t.create({ stockId: far?.id, creationDate: '2026-03-26T09:30:00Z' });
    expect(booking.lookupOutcome).toBe('not_confirmed');
    expect(booking.confirmationDate).toBe('2026-03-28T09:30:00Z');
    const expected = {
      booking:
        'Vous pourrez valider cette contremarque à partir du 28/03/2026 à 10:30, une fois le délai d’annulation passé.',
    };
    expect(await status(`${BOOKINGS}/token/${booking.token}`)).toEqual({ status: 403, body: expected });
    expect(await status(`${BOOKINGS}/use/token/${booking.token}`, 'PATCH')).toEqual({ status: 403, body: expected });
    expect((await t.bookings()).find((b) => b.id === booking.id)?.status).toBe('CONFIRMED');
  });

  it('writes the date in summer time when the window ends in summer', async () => {
    const summer = await startTestSandbox({ now: () => new Date('2026-07-14T08:00:00Z') });
    try {
      const far = (await allDates(summer)).find((d) => d.beginningDatetime >= '2026-07-19');
      const booking = await summer.create({ stockId: far?.id, creationDate: '2026-07-14T07:45:00Z' });
      const response = await summer.get(`${BOOKINGS}/token/${booking.token}`);
      expect(response.status).toBe(403);
      expect(await response.json()).toEqual({
        booking:
          'Vous pourrez valider cette contremarque à partir du 16/07/2026 à 09:45, une fois le délai d’annulation passé.',
      });
    } finally {
      await summer.close();
    }
  });

  it('every seeded not-confirmed booking is refused until its confirmation date', async () => {
    const pending = (await t.bookings()).filter((b) => b.lookupOutcome === 'not_confirmed');
    expect(pending.length).toBeGreaterThanOrEqual(5);
    for (const booking of pending.slice(0, 5)) {
      expect(Date.parse(booking.confirmationDate)).toBeGreaterThan(NOW.getTime());
      const { status: code, body } = await status(`${BOOKINGS}/token/${booking.token}`);
      expect(code).toBe(403);
      expect((body as { booking: string }).booking).toMatch(
        /^Vous pourrez valider cette contremarque à partir du \d{2}\/\d{2}\/\d{4} à \d{2}:\d{2}, une fois le délai d’annulation passé\.$/,
      );
    }
  });
});

describe('use', () => {
  it('validates once: 204, then 410 for the look-up and a second use', async () => {
    const booking = await t.create();
    expect(await status(`${BOOKINGS}/use/token/${booking.token.toLowerCase()}`, 'PATCH')).toEqual({
      status: 204,
      body: undefined,
    });
    const gone = { status: 410, body: { booking: 'This booking has already been validated' } };
    expect(await status(`${BOOKINGS}/token/${booking.token}`)).toEqual(gone);
    expect(await status(`${BOOKINGS}/use/token/${booking.token}`, 'PATCH')).toEqual(gone);
    const after = (await t.bookings()).find((b) => b.id === booking.id);
    expect(after).toMatchObject({ status: 'USED', usedCount: 1, dateUsed: NOW.toISOString().replace('.000', '') });
  });

  it.each([
    ['cancelled', 410, { booking: 'This booking has been cancelled' }],
    ['reimbursed', 403, { payment: 'This booking has already been reimbursed' }],
  ] as const)('refuses a %s booking', async (outcome, code, body) => {
    const booking = await t.pick(outcome);
    expect(await status(`${BOOKINGS}/use/token/${booking.token}`, 'PATCH')).toEqual({ status: code, body });
  });

  it('answers 404 for an unknown token', async () => {
    expect(await status(`${BOOKINGS}/use/token/AAAAA2`, 'PATCH')).toEqual({ status: 404, body: NOT_FOUND });
  });

  it('tolerates an empty JSON body', async () => {
    const booking = await t.create();
    const response = await fetch(`${t.url}${BOOKINGS}/use/token/${booking.token}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${t.sandbox.apiKey}`, 'content-type': 'application/json' },
    });
    expect(response.status).toBe(204);
  });
});

describe('keep (undo a validation)', () => {
  it('puts a used booking back to confirmed', async () => {
    const booking = await t.create();
    expect((await t.patch(`${BOOKINGS}/use/token/${booking.token}`)).status).toBe(204);
    expect(await status(`${BOOKINGS}/keep/token/${booking.token}`, 'PATCH')).toEqual({ status: 204, body: undefined });
    expect((await status(`${BOOKINGS}/token/${booking.token}`)).status).toBe(200);
    expect((await t.bookings()).find((b) => b.id === booking.id)).toMatchObject({
      status: 'CONFIRMED',
      dateUsed: null,
      usedCount: 1,
    });
  });

  it('works on a seeded used booking', async () => {
    const used = await t.pick('used');
    expect((await t.patch(`${BOOKINGS}/keep/token/${used.token}`)).status).toBe(204);
    expect((await t.get(`${BOOKINGS}/token/${used.token}`)).status).toBe(200);
  });

  it.each([
    ['valid', 403, { booking: 'This booking has not been used' }],
    ['not_confirmed', 403, { booking: 'This booking has not been used' }],
    ['cancelled', 410, { booking: 'This booking has been cancelled' }],
    ['reimbursed', 403, { payment: 'This booking has been reimbursed' }],
  ] as const)('refuses a %s booking', async (outcome, code, body) => {
    const booking = await t.pick(outcome);
    expect(await status(`${BOOKINGS}/keep/token/${booking.token}`, 'PATCH')).toEqual({ status: code, body });
  });

  it('answers 404 for an unknown token', async () => {
    expect(await status(`${BOOKINGS}/keep/token/AAAAA3`, 'PATCH')).toEqual({ status: 404, body: NOT_FOUND });
  });
});

describe('cancel', () => {
  it('cancels a booking still in its cancellation window and frees its seats', async () => {
    const booking = await t.create({ confirmed: false, quantity: 2 });
    const seats = async () => (await allDates(t)).find((d) => d.id === booking.stockId)?.bookedQuantity ?? Number.NaN;
    const before = await seats();
    expect(await status(`${BOOKINGS}/cancel/token/${booking.token}`, 'PATCH')).toEqual({
      status: 204,
      body: undefined,
    });
    expect(await seats()).toBe(before - 2);
    expect(await status(`${BOOKINGS}/token/${booking.token}`)).toEqual({
      status: 410,
      body: { booking: 'This booking has been cancelled' },
    });
    expect(await status(`${BOOKINGS}/cancel/token/${booking.token}`, 'PATCH')).toEqual({
      status: 410,
      body: { booking: 'This booking has already been cancelled' },
    });
  });

  it.each([
    ['valid', 403, { booking: 'This booking cannot be cancelled anymore' }],
    ['used', 410, { booking: 'This booking has been validated' }],
    ['cancelled', 410, { booking: 'This booking has already been cancelled' }],
    ['reimbursed', 403, { payment: 'This booking has been reimbursed' }],
  ] as const)('refuses a %s booking', async (outcome, code, body) => {
    const booking = await t.pick(outcome, (b) => b.usedCount === 0);
    expect(await status(`${BOOKINGS}/cancel/token/${booking.token}`, 'PATCH')).toEqual({ status: code, body });
  });

  it('answers 404 for an unknown token', async () => {
    expect(await status(`${BOOKINGS}/cancel/token/AAAAA4`, 'PATCH')).toEqual({ status: 404, body: NOT_FOUND });
  });
});

describe('DUO', () => {
  it('one token covers two seats at the per-seat price', async () => {
    const before = await allDates(t);
    const booking = await t.create({ quantity: 2 });
    const { body } = await status(`${BOOKINGS}/token/${booking.token}`);
    expect(body).toMatchObject({ quantity: 2, price: booking.price });
    const seatsBefore = before.find((d) => d.id === booking.stockId)?.bookedQuantity ?? 0;
    const seatsAfter = (await allDates(t)).find((d) => d.id === booking.stockId)?.bookedQuantity;
    expect(seatsAfter).toBe(seatsBefore + 2);
  });

  it('seeded DUO bookings exist and look up with quantity 2', async () => {
    const duo = await t.pick('valid', (b) => b.quantity === 2);
    expect(await status(`${BOOKINGS}/token/${duo.token}`)).toMatchObject({ status: 200, body: { quantity: 2 } });
  });
});
