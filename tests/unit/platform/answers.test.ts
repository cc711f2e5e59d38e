/**
 * What the platform may send, read without surprises: dates with or without fractional seconds, an offset-less
 * date-time read as UTC (with a warning) on a PC set to Paris time, what RFC 3339 also allows (lower-case `t` and
 * `z`, a leap second), documented fields left out, and fields the document does not list.
 */
// Before anything reads the clock: this PC is in Paris, as the counters are (see the check below).
process.env.TZ = 'Europe/Paris';

import { Writable } from 'node:stream';
import { tz } from '@date-fns/tz';
import { parseISO } from 'date-fns';
import pino from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createPlatformClient, naiveDateTimeFields, type PlatformClient } from '../../../electron/core/platform/client';
import { isNaiveDateTime, readPlatformDateTime } from '../../../shared/platform/dateTime';
import { API_KEY, bookingJson, datesJson, offererVenuesJson } from './fixtures';
import { startServer, type TestServer } from './server';

let server: TestServer;
let client: PlatformClient;
let lines: string[];

beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.reset();
  lines = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  client = createPlatformClient({ baseUrl: server.baseUrl, apiKey: API_KEY, logger: pino({ level: 'info' }, stream) });
});

const LOOKUP = '/public/bookings/v1/token/AB2CD3';
const warnings = () =>
  lines.map((l) => JSON.parse(l) as { level: number; msg: string; field?: string }).filter((l) => l.level === 40);

describe('date-times', () => {
  it('this process really runs in Paris time (else the UTC checks below would prove nothing)', () => {
    expect(new Date('2026-01-12T17:09:25').getTime()).not.toBe(Date.UTC(2026, 0, 12, 17, 9, 25));
    expect(new Date(Date.UTC(2026, 0, 12, 12)).getHours()).toBe(13);
  });

  it.each([
    ['2026-01-12T17:09:25.000000Z', '2026-01-12T17:09:25.000Z'], // the backend's six-digit fraction
    ['2026-01-12T17:09:25.123456Z', '2026-01-12T17:09:25.123Z'],
    ['2026-01-12T17:09:25Z', '2026-01-12T17:09:25.000Z'], // whole seconds, as older answers
    ['2026-01-12T17:09:25.5Z', '2026-01-12T17:09:25.500Z'],
    ['2026-01-12T18:09:25+01:00', '2026-01-12T17:09:25.000Z'],
    ['2026-07-12T19:09:25.000000+02:00', '2026-07-12T17:09:25.000Z'],
    ['2026-01-12T17:09:25', '2026-01-12T17:09:25.000Z'], // no offset: UTC, not Paris
    ['2026-01-12T17:09:25.000000', '2026-01-12T17:09:25.000Z'],
    ['2026-07-12T17:09', '2026-07-12T17:09:00.000Z'],
    ['2026-01-12t18:09:25.5z', '2026-01-12T18:09:25.500Z'], // RFC 3339 allows `t` and `z`
    ['2026-01-12 18:09:25+01:00', '2026-01-12T17:09:25.000Z'],
    ['1969-12-31T23:59:59.000009+00:00', '1969-12-31T23:59:59.000Z'], // truncated, not rounded a ms up
    ['2026-01-12T18:09:25.123456789+01:00', '2026-01-12T17:09:25.123Z'],
    ['2016-12-31T23:59:60Z', '2016-12-31T23:59:59.999Z'], // a leap second: the minute's last ms
    ['2017-01-01T00:59:60.5+01:00', '2016-12-31T23:59:59.999Z'],
  ])('%s → %s', (text, iso) => {
    expect(readPlatformDateTime(text)).toBe(iso);
  });

  it.each([
    '2026-01-12',
    'tomorrow',
    '2026-13-12T17:09:25Z',
    '12/01/2026 17:09',
    '',
    '2026-01-12T13:45:60Z', // a leap second is only ever 23:59:60 UTC
  ])('refuses %j', (text) => {
    expect(readPlatformDateTime(text)).toBeNull();
  });

  it('reads the backend form (quick path) exactly as date-fns does, out-of-range fields included', () => {
    const byDateFns = (text: string) => {
      const ms = parseISO(text, { in: tz('UTC') }).getTime();
      return Number.isNaN(ms) ? null : new Date(ms).toISOString();
    };
    let seed = 13;
    const next = (below: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31; // a fixed sequence: the same cases on every run
      return seed % below;
    };
    const two = (n: number) => String(n).padStart(2, '0');
    for (let i = 0; i < 20_000; i++) {
      // Months 0–13, days 0–32, hours 0–25, minutes and seconds 0–61: valid and invalid fields alike.
      const fraction = ['', '.5', '.123', '.000000', '.123456', '.9999'][next(6)];
      const text =
        `${1990 + next(60)}-${two(next(14))}-${two(next(33))}T` +
        `${two(next(26))}:${two(next(62))}:${two(next(62))}${fraction}Z`;
      expect(readPlatformDateTime(text), text).toBe(byDateFns(text));
    }
  });

  it('tells offset-less date-times apart', () => {
    expect(isNaiveDateTime('2026-01-12T17:09:25.000000')).toBe(true);
    expect(isNaiveDateTime('2026-01-12T17:09:25.000000Z')).toBe(false);
    expect(isNaiveDateTime('2026-01-12T17:09:25-03:00')).toBe(false);
    expect(isNaiveDateTime('2007-05-12')).toBe(false); // a birth date is a date, not a date-time
  });

  it('reads a booking whose dates carry microseconds, or none', async () => {
    for (const [creationDate, confirmationDate] of [
      ['2026-11-20T10:00:00.000000Z', '2026-11-25T18:30:00.123456Z'],
      ['2026-11-20T10:00:00Z', '2026-11-25T18:30:00.123Z'],
    ]) {
      server.reply('GET', LOOKUP, { status: 200, json: { ...bookingJson, creationDate, confirmationDate } });
      expect(await client.getBookingByToken('AB2CD3')).toMatchObject({
        creationDate: '2026-11-20T10:00:00.000Z',
        confirmationDate: '2026-11-25T18:30:00.123Z',
      });
    }
    expect(warnings()).toEqual([]);
  });

  it('reads an offset-less date-time as UTC, never as the PC’s Paris time, and warns once per field', async () => {
    const naive = {
      ...bookingJson,
      creationDate: '2026-11-20T10:00:00.000000',
      confirmationDate: '2026-11-25T18:30:00',
    };
    server.reply('GET', LOOKUP, { status: 200, json: naive });
    const booking = await client.getBookingByToken('AB2CD3');
    expect(booking.creationDate).toBe('2026-11-20T10:00:00.000Z');
    expect(booking.confirmationDate).toBe('2026-11-25T18:30:00.000Z');
    // What `new Date(text)` would have made of it on this PC: an hour early.
    expect(new Date('2026-11-25T18:30:00').toISOString()).toBe('2026-11-25T17:30:00.000Z');
    await client.getBookingByToken('AB2CD3');
    expect(warnings().map((w) => w.field)).toEqual(['creationDate', 'confirmationDate']);
    expect(warnings()[0]?.msg).toMatch(/without a time zone offset: read as UTC/);
    expect(lines.join('\n')).not.toContain('2026-11-25T18:30:00'); // the field is named, its value is not logged

    server.reply('GET', '/public/offers/v1/events/42/dates', {
      status: 200,
      json: { dates: datesJson.dates.map((d) => ({ ...d, beginningDatetime: '2026-07-27T19:30:00' })) },
    });
    const [date] = await client.getEventDates(42);
    expect(date?.beginningDatetime).toBe('2026-07-27T19:30:00.000Z');
    expect(warnings().map((w) => w.field)).toContain('dates[].beginningDatetime');
  });

  it('names each field that held an offset-less date-time once, by its path, whatever the nesting', () => {
    const answer = {
      bookings: [
        { id: 1, creationDate: '2026-11-20T10:00:00', user: { birthDate: '2006-01-01T00:00' }, price: 500 },
        { id: 2, creationDate: '2026-11-20T10:00:00.000000', confirmationDate: '2026-11-20T10:00:00Z' },
        { id: 3, creationDate: null, tags: ['2026-11-20T10:00', 'film'] },
      ],
      sentAt: '2026-11-20 10:00:00',
      ok: true,
    };
    expect(naiveDateTimeFields(answer).sort()).toEqual([
      'bookings[].creationDate',
      'bookings[].tags[]',
      'bookings[].user.birthDate',
      'sentAt',
    ]);
    expect(naiveDateTimeFields([{ at: '2026-11-20T10:00:00' }])).toEqual(['[].at']);
    expect(naiveDateTimeFields({ at: '2026-11-20T10:00:00+01:00', n: 3, none: null })).toEqual([]);
  });

  it('refuses a date-time field that is not one', async () => {
    server.reply('GET', LOOKUP, { status: 200, json: { ...bookingJson, creationDate: 'hier' } });
    await expect(client.getBookingByToken('AB2CD3')).rejects.toMatchObject({ code: 'platform_malformed' });
  });
});

describe('fields the document does not list', () => {
  it('are accepted everywhere, though GetBookingResponse and the listing say additionalProperties: false', async () => {
    const extra = { ticketUrl: 'https://example.org/t', isExternal: false, nested: { any: [1, 2] } };
    server.reply('GET', LOOKUP, { status: 200, json: { ...bookingJson, ...extra } });
    expect(await client.getBookingByToken('AB2CD3')).toMatchObject({ id: 1234, status: 'CONFIRMED' });

    server.reply('GET', '/public/bookings/v1/bookings', {
      status: 200,
      json: { bookings: [{ ...bookingJson, ...extra }], nextIndex: 1235, total: 1 },
    });
    expect((await client.listBookings({ venueId: 535 })).map((b) => b.id)).toEqual([1234]);

    server.reply('GET', '/public/offers/v1/events/42/dates', {
      status: 200,
      json: {
        dates: datesJson.dates.map((d) => ({ ...d, ...extra, priceCategory: { ...d.priceCategory, ...extra } })),
      },
    });
    expect(await client.getEventDates(42)).toHaveLength(2);

    const venues = offererVenuesJson.map((o) => ({
      ...o,
      ...extra,
      venues: o.venues.map((v) => ({ ...v, ...extra })),
    }));
    server.reply('GET', '/public/offers/v1/offerer_venues', { status: 200, json: venues });
    expect((await client.getOffererVenues())[0]?.venues.map((v) => v.id)).toEqual([535, 536]);
  });
});

describe('documented fields an answer may leave out', () => {
  it('an event whose location has no `type` (PhysicalLocation only defaults it)', async () => {
    const event = {
      id: 42,
      name: 'La Grande Vadrouille',
      status: 'ACTIVE',
      hasTicket: false,
      accessibility: {},
      location: { venueId: 535 },
      categoryRelatedFields: { category: 'SEANCE_CINE' },
      priceCategories: [],
    };
    server.reply('GET', '/public/offers/v1/events', { status: 200, json: { events: [event] } });
    expect((await client.listEvents(535))[0]?.location).toEqual({ venueId: 535 });
  });
});
