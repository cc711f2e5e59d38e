/**
 * What happens away from the counter (cancelled by the beneficiary or the venue, validated on the pro web site,
 * reimbursed) through the control API, and the request log a test reads to check what a client sent.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cancelSandboxBooking,
  reimburseSandboxBooking,
  sandboxRequests,
  successfulUses,
  useSandboxBooking,
} from '../../support/sandboxControl';
import { startTestSandbox, type TestSandbox } from './helpers';

const BOOKINGS = '/public/bookings/v1';

let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox();
});
afterAll(async () => {
  await t.close();
});

async function refusal(path: string, body?: unknown) {
  const response = await t.control('POST', path, body);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('POST /__sandbox/bookings/{id}/cancel', () => {
  it('lets the beneficiary cancel within the cancellation window: the counter then gets 410', async () => {
    const booking = await t.create({ confirmed: false });
    const cancelled = await cancelSandboxBooking(t.url, booking.id);
    expect(cancelled).toMatchObject({ status: 'CANCELLED', cancellationDate: '2026-03-26T10:00:00Z', dateUsed: null });
    const lookup = await t.get(`${BOOKINGS}/token/${booking.token}`);
    expect(lookup.status).toBe(410);
    expect(await lookup.json()).toEqual({ booking: 'This booking has been cancelled' });
    expect(await refusal(`/bookings/${booking.id}/cancel`)).toEqual({
      status: 409,
      body: {
        error: 'refused',
        message: 'This booking has already been cancelled',
        platform: { status: 410, body: { booking: 'This booking has already been cancelled' } },
      },
    });
  });

  it('refuses the beneficiary after the window, not the venue', async () => {
    const booking = await t.create();
    expect(await refusal(`/bookings/${booking.id}/cancel`, { by: 'beneficiary' })).toMatchObject({
      status: 409,
      body: { message: 'This booking cannot be cancelled anymore' },
    });
    expect(await cancelSandboxBooking(t.url, booking.id, 'offerer')).toMatchObject({ status: 'CANCELLED' });
    const used = await t.pick('used');
    expect(await refusal(`/bookings/${used.id}/cancel`, { by: 'offerer' })).toMatchObject({
      status: 409,
      body: { message: 'This booking has been validated' },
    });
  });

  it('answers 404 for an unknown booking and 400 for a bad body', async () => {
    expect((await t.control('POST', '/bookings/999999/cancel')).status).toBe(404);
    expect((await t.control('POST', '/bookings/abc/use')).status).toBe(404);
    const booking = await t.create({ confirmed: false });
    expect((await t.control('POST', `/bookings/${booking.id}/cancel`, { by: 'cinema' })).status).toBe(400);
    expect((await t.control('POST', `/bookings/${booking.id}/use`, { force: true })).status).toBe(400);
  });
});

describe('POST /__sandbox/bookings/{id}/use', () => {
  it('validates on the pro web site: the counter then gets 410, and no API use is counted', async () => {
    const booking = await t.create();
    expect(await useSandboxBooking(t.url, booking.id)).toMatchObject({
      status: 'USED',
      dateUsed: '2026-03-26T10:00:00Z',
      usedCount: 0,
    });
    const lookup = await t.get(`${BOOKINGS}/token/${booking.token}`);
    expect(lookup.status).toBe(410);
    expect(await lookup.json()).toEqual({ booking: 'This booking has already been validated' });
    expect(await refusal(`/bookings/${booking.id}/use`)).toMatchObject({ status: 409 });
  });

  it('follows the platform’s checks: not before the confirmation date', async () => {
    const booking = await t.create({ confirmed: false });
    const { status, body } = await refusal(`/bookings/${booking.id}/use`);
    expect(status).toBe(409);
    expect(body.message).toMatch(/^Vous pourrez valider cette contremarque à partir du /);
  });
});

describe('POST /__sandbox/bookings/{id}/reimburse', () => {
  it('reimburses a used booking only, keeping its date of use', async () => {
    const booking = await t.create();
    expect(await refusal(`/bookings/${booking.id}/reimburse`)).toMatchObject({
      status: 409,
      body: { message: 'This booking has not been used' },
    });
    await useSandboxBooking(t.url, booking.id);
    expect(await reimburseSandboxBooking(t.url, booking.id)).toMatchObject({
      status: 'REIMBURSED',
      dateUsed: '2026-03-26T10:00:00Z',
    });
    const lookup = await t.get(`${BOOKINGS}/token/${booking.token}`);
    expect(lookup.status).toBe(403);
    expect(await lookup.json()).toEqual({ payment: 'This booking has already been reimbursed' });
  });
});

describe('GET /__sandbox/requests', () => {
  it('logs every pass Culture request with its status, so a test can count the uses of a token', async () => {
    const fresh = await startTestSandbox();
    try {
      const booking = await fresh.create();
      await fresh.get(`${BOOKINGS}/token/${booking.token.toLowerCase()}`);
      await fresh.patch(`${BOOKINGS}/use/token/${booking.token}`);
      await fresh.patch(`${BOOKINGS}/use/token/${booking.token.toLowerCase()}`);
      await fresh.bookings(); // control calls are not logged

      const { requests, lastSeq } = await sandboxRequests(fresh.url);
      expect(lastSeq).toBe(3);
      expect(requests).toEqual([
        {
          seq: 1,
          method: 'GET',
          path: `${BOOKINGS}/token/${booking.token.toLowerCase()}`,
          route: `${BOOKINGS}/token/:token`,
          token: booking.token,
          status: 200,
          fault: null,
          time: '2026-03-26T10:00:00.000Z',
        },
        expect.objectContaining({ seq: 2, method: 'PATCH', token: booking.token, status: 204 }),
        expect.objectContaining({ seq: 3, method: 'PATCH', token: booking.token, status: 410 }),
      ]);
      expect(await successfulUses(fresh.url, booking.token)).toBe(1);
      expect((await sandboxRequests(fresh.url, 2)).requests.map((r) => r.seq)).toEqual([3]);

      // Faults show, with no status when no answer was given.
      await fresh.controlJson('POST', '/faults', { outage: 'reset' });
      await expect(fresh.get('/public/offers/v1/offerer_venues')).rejects.toThrow();
      expect((await sandboxRequests(fresh.url, 3)).requests).toEqual([
        expect.objectContaining({ seq: 4, route: '/public/offers/v1/offerer_venues', status: null, fault: 'reset' }),
      ]);

      // Reset forgets the log, but numbering goes on so a held cursor stays meaningful.
      await fresh.control('POST', '/reset');
      expect((await sandboxRequests(fresh.url)).requests).toEqual([]);
      await fresh.get('/public/offers/v1/offerer_venues');
      expect((await sandboxRequests(fresh.url, 4)).requests.map((r) => [r.seq, r.status])).toEqual([[5, 200]]);
      expect((await fresh.control('GET', '/requests?since=-1')).status).toBe(400);
    } finally {
      await fresh.close();
    }
  });
});
