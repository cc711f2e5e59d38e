/**
 * A programme of a chosen size instead of the art-house week (seed.ts): a multiplex's N films, S séances a day each
 * for D days from today, one tariff, and B bookings spread the way they come (most for the next two days). Used by
 * `npm run bench:sync` to measure the requests one counter makes for a realistic evening of a large cinema.
 * Deterministic like the default seed: same (seed, now, size), same data.
 */
import { FILMS, OFFERER, VENUE } from './catalog';
import { makeBeneficiary, makeToken } from './people';
import { Rng } from './prng';
import { confirmationDate } from './rules';
import type { Booking, BookingStatus, EventOffer, SandboxData, Stock } from './state';
import { DAY, HOUR, MINUTE, parisDay, parisWallTime, toSecond } from './time';

export interface ProgrammeSize {
  films: number;
  seancesPerDay: number;
  days: number;
  bookings: number;
}

const FIRST_EVENT_ID = 101;
const FIRST_STOCK_ID = 5001;
const FIRST_BOOKING_ID = 1001;
/** Usual multiplex starts; each film is shifted by 0–45 min (5-min steps), so a few films share a start time. */
const SLOTS = ['10:45', '13:30', '16:15', '19:00', '21:45', '23:30'];
const SHIFTS = 10;
const SEATS = 300;

export function seedProgramme(seed: number, nowInput: number, size: ProgrammeSize): SandboxData {
  if (size.seancesPerDay > SLOTS.length) throw new Error(`at most ${SLOTS.length} séances a day`);
  const now = toSecond(nowInput);
  const rng = new Rng(seed);
  const events: EventOffer[] = Array.from({ length: size.films }, (_, i) => {
    const film = FILMS[i % FILMS.length]!;
    const createdAt = toSecond(now - 30 * DAY);
    return {
      ...film,
      id: FIRST_EVENT_ID + i,
      venueId: VENUE.id,
      name: i < FILMS.length ? film.name : `${film.name} (${Math.floor(i / FILMS.length) + 1})`,
      priceCategories: [{ id: 1001 + i, label: 'Moins de 26 ans', price: 550 }],
      createdAt,
      publishedAt: createdAt + HOUR,
      origin: 'allocine',
      videoUrl: null,
      isActive: true,
      idAtProvider: `allocine-${FIRST_EVENT_ID + i}`,
      image: null,
    };
  });

  const stocks: Stock[] = [];
  for (let day = 0; day < size.days; day++) {
    const local = parisDay(now, day);
    events.forEach((event, i) => {
      for (const slot of SLOTS.slice(0, size.seancesPerDay)) {
        const beginning = parisWallTime(local, slot) + (i % SHIFTS) * 5 * MINUTE;
        stocks.push({
          id: 0,
          offerId: event.id,
          priceCategoryId: event.priceCategories[0]!.id,
          beginning,
          bookingLimit: beginning,
          quantity: SEATS,
        });
      }
    });
  }
  stocks.sort((a, b) => a.beginning - b.beginning || a.offerId - b.offerId);
  stocks.forEach((stock, i) => (stock.id = FIRST_STOCK_ID + i));

  // Bookings: half for today and tomorrow, the rest over the week; made over the six days before (never later
  // than now, nor than the séance); past séances mostly used, a tenth cancelled.
  const soon = stocks.filter((s) => s.beginning < now + 2 * DAY);
  const drafts = Array.from({ length: size.bookings }, () => {
    const stock = rng.chance(0.5) && soon.length > 0 ? rng.pick(soon) : rng.pick(stocks);
    const latest = Math.min(now, stock.beginning - 10 * MINUTE);
    const createdAt = toSecond(latest - rng.int(0, 6 * 24 * 60) * MINUTE);
    const r = rng.float();
    let status: BookingStatus = 'CONFIRMED';
    if (r < 0.1) status = 'CANCELLED';
    else if (stock.beginning <= now && r < 0.8) status = 'USED';
    return { stock, createdAt, status, quantity: rng.chance(0.15) ? 2 : 1 };
  });
  drafts.sort((a, b) => a.createdAt - b.createdAt || a.stock.id - b.stock.id);
  const tokens = new Set<string>();
  const bookings: Booking[] = drafts.map((d, i) => {
    const token = makeToken(rng, (t) => tokens.has(t));
    tokens.add(token);
    const confirmationAt = confirmationDate(d.stock.beginning, d.createdAt);
    return {
      id: FIRST_BOOKING_ID + i,
      token,
      stockId: d.stock.id,
      quantity: d.quantity,
      price: 550,
      status: d.status,
      createdAt: d.createdAt,
      confirmationAt,
      dateUsed: d.status === 'USED' ? Math.max(confirmationAt, d.stock.beginning - 15 * MINUTE) : null,
      cancelledAt: d.status === 'CANCELLED' ? Math.min(now, Math.max(d.createdAt, confirmationAt - HOUR)) : null,
      usedCount: 0,
      user: makeBeneficiary(rng, now),
    };
  });
  return { offerer: { ...OFFERER }, venues: [{ ...VENUE }], events, stocks, bookings };
}
