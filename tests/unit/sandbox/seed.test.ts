/** The seeded week: deterministic, realistic, and covering every state the counter must handle. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOW, allDates, allListedBookings, startTestSandbox, type ControlBooking, type TestSandbox } from './helpers';

const HOUR = 3600_000;
let a: TestSandbox;
let b: TestSandbox;
let other: TestSandbox;
let seeded: ControlBooking[];

beforeAll(async () => {
  [a, b, other] = await Promise.all([startTestSandbox(), startTestSandbox(), startTestSandbox({ seed: 7 })]);
  seeded = await a.bookings();
});
afterAll(async () => {
  await Promise.all([a.close(), b.close(), other.close()]);
});

const parisTime = (iso: string) =>
  new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit' }).format(
    new Date(iso),
  );

describe('determinism', () => {
  it('same seed and clock give the same bookings, films and séances', async () => {
    expect(await b.bookings()).toEqual(seeded);
    expect(await allDates(b)).toEqual(await allDates(a));
    expect(await allListedBookings(b)).toEqual(await allListedBookings(a));
  });

  it('another seed gives other data', async () => {
    const others = await other.bookings();
    expect(others.map((x) => x.token)).not.toEqual(seeded.map((x) => x.token));
  });
});

describe('coverage', () => {
  it('has ~8 films, 40 séances and ~150 bookings', async () => {
    const dates = await allDates(a);
    const seances = new Set(dates.map((d) => `${d.offerId} ${d.beginningDatetime}`));
    expect(new Set(dates.map((d) => d.offerId)).size).toBe(8);
    expect(seances.size).toBe(40);
    expect(seeded.length).toBeGreaterThanOrEqual(120);
    expect(seeded.length).toBeLessThanOrEqual(180);
  });

  it('covers every state, DUO and not-yet-confirmed bookings', () => {
    const count = (f: (x: ControlBooking) => boolean) => seeded.filter(f).length;
    expect(count((x) => x.lookupOutcome === 'valid')).toBeGreaterThanOrEqual(30);
    expect(count((x) => x.lookupOutcome === 'not_confirmed')).toBeGreaterThanOrEqual(5);
    expect(count((x) => x.status === 'USED')).toBeGreaterThanOrEqual(8);
    expect(count((x) => x.status === 'CANCELLED')).toBeGreaterThanOrEqual(5);
    expect(count((x) => x.status === 'REIMBURSED')).toBeGreaterThanOrEqual(3);
    expect(count((x) => x.quantity === 2)).toBeGreaterThanOrEqual(5);
    expect(count((x) => x.quantity === 2 && x.lookupOutcome === 'valid')).toBeGreaterThanOrEqual(1);
  });

  it('has séances yesterday, today and over the next six days, at usual Paris times', async () => {
    const dates = await allDates(a);
    const days = new Set(dates.map((d) => d.beginningDatetime.slice(0, 10)));
    expect([...days].sort()).toEqual([
      '2026-03-25',
      '2026-03-26',
      '2026-03-27',
      '2026-03-28',
      '2026-03-29',
      '2026-03-30',
      '2026-03-31',
      '2026-04-01',
    ]);
    const usual = new Set(['11:00', '13:30', '14:00', '16:30', '18:45', '20:15', '21:00']);
    for (const date of dates) expect(usual).toContain(parisTime(date.beginningDatetime));
    // 14:00 in Paris is 13:00Z before the switch to summer time (29 March) and 12:00Z after it.
    const starts = new Set(dates.map((d) => d.beginningDatetime));
    expect(starts).toContain('2026-03-28T13:00:00.000000Z');
    expect(starts).toContain('2026-03-30T12:00:00.000000Z');
  });

  it('used and reimbursed bookings are for past séances; not-confirmed ones for séances over 48 h away', () => {
    for (const x of seeded) {
      const start = Date.parse(x.seanceStart);
      if (x.status === 'REIMBURSED') expect(start).toBeLessThan(NOW.getTime());
      if (x.status === 'USED') expect(start).toBeLessThan(NOW.getTime() + HOUR);
      if (x.lookupOutcome === 'not_confirmed') expect(start - NOW.getTime()).toBeGreaterThan(48 * HOUR);
      if (x.dateUsed !== null) expect(Date.parse(x.dateUsed)).toBeLessThanOrEqual(NOW.getTime());
    }
  });

  it('computes every confirmation date as max(min(start − 48 h, booked + 48 h), booked)', async () => {
    const listed = await allListedBookings<{ id: number; creationDate: string }>(a);
    const created = new Map(listed.map((x) => [x.id, x.creationDate]));
    for (const x of seeded) {
      const booked = Date.parse(created.get(x.id) ?? '');
      const start = Date.parse(x.seanceStart);
      const expected = Math.max(Math.min(start - 48 * HOUR, booked + 48 * HOUR), booked);
      expect(Date.parse(x.confirmationDate)).toBe(expected);
      expect(booked).toBeLessThanOrEqual(NOW.getTime());
    }
  });

  it('uses unique tokens from the platform alphabet and ascending ids from 1001', () => {
    const tokens = seeded.map((x) => x.token);
    expect(new Set(tokens).size).toBe(tokens.length);
    for (const token of tokens) expect(token).toMatch(/^[ABCDEFGHJKLMNPQRSTUVWXYZ234567]{6}$/);
    expect(seeded.map((x) => x.id)).toEqual(seeded.map((_, i) => 1001 + i));
  });

  it('has beneficiaries aged 15 to 21 with accented names, e-mails and tariffs', async () => {
    expect(seeded.some((x) => /[^\x20-\x7e]/.test(x.firstName + x.lastName))).toBe(true);
    const bookings = await allListedBookings<{
      id: number;
      userBirthDate: string;
      userEmail: string;
      priceCategoryLabel: string;
    }>(a);
    for (const x of bookings) {
      const age = (NOW.getTime() - Date.parse(x.userBirthDate)) / (365.25 * 24 * HOUR);
      expect(age).toBeGreaterThanOrEqual(15);
      expect(age).toBeLessThan(22);
      expect(x.userEmail).toMatch(/^[a-z0-9.-]+@example\.(com|org|net)$/);
    }
    expect(new Set(bookings.map((x) => x.priceCategoryLabel)).size).toBeGreaterThanOrEqual(2);
  });
});

describe('a programme of a chosen size (the benchmark’s large cinema)', () => {
  it('has the films, séances and bookings asked for, the same for the same seed, listed like the default', async () => {
    const programme = { films: 30, seancesPerDay: 5, days: 7, bookings: 2000 };
    const [one, two] = await Promise.all([startTestSandbox({ programme }), startTestSandbox({ programme })]);
    try {
      const { events } = await one.getJson<{ events: { id: number }[] }>('/public/offers/v1/events?venueId=1');
      expect(events).toHaveLength(30);
      const dates = await allDates(one);
      expect(dates).toHaveLength(30 * 5 * 7);
      expect(new Set(dates.map((d) => d.beginningDatetime)).size).toBeLessThan(dates.length); // shared starts
      const bookings = await one.bookings();
      expect(bookings).toHaveLength(2000);
      expect(bookings.map((b) => b.id)).toEqual(bookings.map((_, i) => 1001 + i));
      expect(new Set(bookings.map((b) => b.status))).toEqual(new Set(['CONFIRMED', 'USED', 'CANCELLED']));
      expect(bookings.filter((b) => Date.parse(b.seanceStart) < NOW.getTime() + 2 * 24 * HOUR).length).toBeGreaterThan(
        1000,
      );
      expect(await two.bookings()).toEqual(bookings);
      const firstPage = await one.getJson<{ bookings: unknown[] }>('/public/bookings/v1/bookings?venueId=1');
      expect(firstPage.bookings).toHaveLength(50);
    } finally {
      await Promise.all([one.close(), two.close()]);
    }
  });
});
