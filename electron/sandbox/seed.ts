/**
 * The seeded week: yesterday plus the next seven days of séances (5 a day at usual Paris times, 40 in all,
 * each with one stock per tariff) and ~150 bookings whose states follow from `now`: past séances have used,
 * reimbursed (yesterday's), cancelled and a few still-unused bookings; future ones are mostly confirmed, some
 * cancelled, and recent bookings for séances more than 48 h away are still in their cancellation window.
 * Everything derives from (seed, now): same inputs, same data.
 */
import { FILMS, FIXED_SLOTS, EXTRA_SLOTS, OFFERER, TARIFFS, VENUE } from './catalog';
import { makeBeneficiary, makeToken } from './people';
import { Rng } from './prng';
import { confirmationDate } from './rules';
import type { Beneficiary, Booking, BookingStatus, EventOffer, SandboxData, Stock } from './state';
import { DAY, HOUR, MINUTE, parisDay, parisWallTime, toSecond } from './time';

const FIRST_EVENT_ID = 101;
const FIRST_PRICE_CATEGORY_ID = 201;
const FIRST_STOCK_ID = 5001;
export const FIRST_BOOKING_ID = 1001;

interface Seance {
  event: EventOffer;
  start: number;
  /** On a Paris day before today. */
  beforeToday: boolean;
  /** One per tariff, in TARIFFS order. */
  stocks: Stock[];
}

interface Draft {
  seance: Seance;
  stock: Stock;
  quantity: number;
  createdAt: number;
  status: BookingStatus;
  dateUsed: number | null;
  cancelledAt: number | null;
  user: Beneficiary;
}

export function seedSandbox(seed: number, nowInput: number): SandboxData {
  const now = toSecond(nowInput);
  const rng = new Rng(seed);
  const events = makeEvents(now);
  const { seances, stocks } = makeSeances(rng, events, now);
  const drafts = makeDrafts(rng, seances, now);
  guarantee(rng, drafts, now);

  drafts.sort((a, b) => a.createdAt - b.createdAt || a.stock.id - b.stock.id);
  const tokens = new Set<string>();
  const bookings: Booking[] = drafts.map((d, i) => {
    const token = makeToken(rng, (t) => tokens.has(t));
    tokens.add(token);
    const price = d.seance.event.priceCategories.find((pc) => pc.id === d.stock.priceCategoryId)?.price ?? 0;
    return {
      id: FIRST_BOOKING_ID + i,
      token,
      stockId: d.stock.id,
      quantity: d.quantity,
      price,
      status: d.status,
      createdAt: d.createdAt,
      confirmationAt: confirmationDate(d.seance.start, d.createdAt),
      dateUsed: d.dateUsed,
      cancelledAt: d.cancelledAt,
      usedCount: 0,
      user: d.user,
    };
  });

  return {
    offerer: { ...OFFERER },
    venues: [{ ...VENUE }],
    events,
    stocks,
    bookings,
  };
}

function makeEvents(now: number): EventOffer[] {
  return FILMS.map((film, i) => {
    const createdAt = toSecond(now - (20 + i) * DAY - 7 * HOUR);
    return {
      id: FIRST_EVENT_ID + i,
      venueId: VENUE.id,
      ...film,
      priceCategories: TARIFFS.map((t, k) => ({
        id: FIRST_PRICE_CATEGORY_ID + i * TARIFFS.length + k,
        label: t.label,
        price: t.price,
      })),
      createdAt,
      publishedAt: createdAt + HOUR,
      // Seeded films were not created by the demo key: every other one imported from Allociné, the rest made on
      // the pro web site. Films the counter publishes are the provider's own.
      origin: i % 2 === 0 ? 'allocine' : 'pro',
      videoUrl: null,
      isActive: true,
      idAtProvider: i % 2 === 0 ? `allocine-${FIRST_EVENT_ID + i}` : null,
      image: null,
    };
  });
}

function makeSeances(rng: Rng, events: EventOffer[], now: number): { seances: Seance[]; stocks: Stock[] } {
  const seances: Seance[] = [];
  for (let offset = -1; offset <= 6; offset++) {
    const day = parisDay(now, offset);
    const slots = [...FIXED_SLOTS, rng.pick(EXTRA_SLOTS)].sort();
    const films = rng.shuffle(events);
    slots.forEach((slot, i) => {
      const event = films[i % films.length] as EventOffer;
      seances.push({ event, start: parisWallTime(day, slot), beforeToday: offset < 0, stocks: [] });
    });
  }
  seances.sort((a, b) => a.start - b.start);

  const stocks: Stock[] = [];
  for (const seance of seances) {
    seance.event.priceCategories.forEach((pc, k) => {
      const stock: Stock = {
        id: FIRST_STOCK_ID + stocks.length,
        offerId: seance.event.id,
        priceCategoryId: pc.id,
        beginning: seance.start,
        bookingLimit: seance.start,
        quantity: TARIFFS[k]?.seats ?? 10,
      };
      stocks.push(stock);
      seance.stocks.push(stock);
    });
  }
  return { seances, stocks };
}

/** Seats left on a stock among the drafts so far. */
function seatsLeft(drafts: Draft[], stock: Stock): number {
  let booked = 0;
  for (const d of drafts) if (d.stock === stock && d.status !== 'CANCELLED') booked += d.quantity;
  return stock.quantity - booked;
}

function pickTariff(rng: Rng): number {
  const r = rng.float();
  return r < 0.6 ? 2 : r < 0.9 ? 1 : 0; // mostly "Moins de 26 ans", the beneficiaries' own tariff
}

function makeDrafts(rng: Rng, seances: Seance[], now: number): Draft[] {
  const eventIds = [...new Set(seances.map((s) => s.event.id))].sort((a, b) => a - b);
  const popular = new Set(rng.shuffle(eventIds).slice(0, 3));
  const drafts: Draft[] = [];
  for (const seance of seances) {
    // Past séances carry more bookings, so used and reimbursed ones exist even early in the morning.
    const count = 2 + rng.int(0, 2) + (popular.has(seance.event.id) ? 1 : 0) + (seance.start <= now ? 2 : 0);
    for (let n = 0; n < count; n++) {
      const quantity = seance.event.isDuo && rng.chance(0.22) ? 2 : 1;
      const preferred = seance.stocks[pickTariff(rng)];
      const stock = [preferred, ...seance.stocks].find((s) => s && seatsLeft(drafts, s) >= quantity);
      if (!stock) continue;
      const createdAt = draftCreation(rng, seance.start, now);
      const draft: Draft = {
        seance,
        stock,
        quantity,
        createdAt,
        status: 'CONFIRMED',
        dateUsed: null,
        cancelledAt: null,
        user: makeBeneficiary(rng, now),
      };
      draftStatus(rng, draft, now);
      drafts.push(draft);
    }
  }
  return drafts;
}

function randomSpan(rng: Rng, min: number, max: number): number {
  return rng.int(Math.round(min / MINUTE), Math.round(max / MINUTE)) * MINUTE + rng.int(0, 59) * 1000;
}

function draftCreation(rng: Rng, start: number, now: number): number {
  if (start <= now) return start - randomSpan(rng, HOUR, 6 * DAY);
  if (rng.chance(0.35)) return now - randomSpan(rng, 5 * MINUTE, 40 * HOUR);
  return now - randomSpan(rng, 41 * HOUR, 7 * DAY);
}

function confirmation(d: Draft): number {
  return confirmationDate(d.seance.start, d.createdAt);
}

function setUsed(rng: Rng, d: Draft, now: number, status: 'USED' | 'REIMBURSED'): void {
  const before = d.seance.start <= now ? d.seance.start : now;
  d.status = status;
  d.dateUsed = Math.min(now, Math.max(confirmation(d), before - randomSpan(rng, 2 * MINUTE, 25 * MINUTE)));
  d.cancelledAt = null;
}

/** Cancelled by the beneficiary while the cancellation window was still open. */
function setCancelled(rng: Rng, d: Draft, now: number): void {
  const latest = Math.max(d.createdAt, Math.min(confirmation(d), now));
  d.status = 'CANCELLED';
  d.cancelledAt = Math.min(latest, d.createdAt + randomSpan(rng, 10 * MINUTE, 10 * HOUR));
  d.dateUsed = null;
}

function draftStatus(rng: Rng, d: Draft, now: number): void {
  const { start, beforeToday } = d.seance;
  const r = rng.float();
  if (start <= now) {
    // Past séance: most came (used, or already reimbursed for yesterday's), some cancelled, a few have not come
    // yet (late, or a no-show: still CONFIRMED and validatable).
    if (beforeToday && r < 0.15) setUsed(rng, d, now, 'REIMBURSED');
    else if (r < 0.27) setCancelled(rng, d, now);
    else if (r >= 0.36) setUsed(rng, d, now, 'USED');
  } else if (start - now < 45 * MINUTE && r < 0.4) {
    setUsed(rng, d, now, 'USED'); // already let in for the next séance
  } else if (r > 0.9) {
    setCancelled(rng, d, now);
  }
}

/** Makes sure every state the counter must handle is present, whatever the seed and the hour. */
function guarantee(rng: Rng, drafts: Draft[], now: number): void {
  const ensure = (min: number, has: (d: Draft) => boolean, canBe: (d: Draft) => boolean, make: (d: Draft) => void) => {
    let count = drafts.filter(has).length;
    for (const d of rng.shuffle(drafts)) {
      if (count >= min) return;
      if (!has(d) && canBe(d)) {
        make(d);
        count++;
      }
    }
  };
  const notConfirmed = (d: Draft) => d.status === 'CONFIRMED' && confirmation(d) > now;
  ensure(
    8,
    notConfirmed,
    (d) => d.status === 'CONFIRMED' && d.seance.start > now + 50 * HOUR,
    (d) => {
      d.createdAt = now - randomSpan(rng, 10 * MINUTE, 30 * HOUR);
    },
  );
  ensure(
    4,
    (d) => d.status === 'REIMBURSED',
    (d) => d.status === 'USED' && d.seance.beforeToday,
    (d) => {
      d.status = 'REIMBURSED';
    },
  );
  const pastConfirmed = (d: Draft) => d.status === 'CONFIRMED' && d.seance.start <= now;
  ensure(
    12,
    (d) => d.status === 'USED',
    pastConfirmed,
    (d) => setUsed(rng, d, now, 'USED'),
  );
  ensure(
    6,
    (d) => d.status === 'CANCELLED',
    (d) => d.status === 'CONFIRMED' && !notConfirmed(d),
    (d) => setCancelled(rng, d, now),
  );
  const duo = (d: Draft) => d.quantity === 2 && d.status !== 'CANCELLED';
  ensure(
    8,
    duo,
    (d) => d.seance.event.isDuo && d.status !== 'CANCELLED' && seatsLeft(drafts, d.stock) >= 1,
    (d) => {
      d.quantity = 2;
    },
  );
}
