/**
 * What the sandbox platform holds: one offerer, its venue(s), film offers with their séances (stocks, one per
 * price category and start time) and the beneficiaries' bookings. Instants are epoch milliseconds (whole seconds).
 */
import type { BookingStatus } from '../../shared/platform/schemas';

export type { BookingStatus };

export interface PriceCategory {
  id: number;
  label: string;
  /** Euro cents. */
  price: number;
}

export interface Offerer {
  id: number;
  name: string;
  siren: string;
  createdAt: number;
}

export interface Venue {
  id: number;
  legalName: string;
  publicName: string;
  siret: string;
  address: string;
  city: string;
  postalCode: string;
  departmentCode: string;
  bookingEmail: string;
  createdAt: number;
}

/**
 * Where an offer comes from. Only offers this provider created through the API are fully editable by its key;
 * offers from the pro web site or Allociné can be (de)activated and their dates' seats changed (pcapi
 * `core/offers/validation.py`). The platform keeps this as `lastProvider`; the API does not show it.
 */
export type OfferOrigin = 'provider' | 'pro' | 'allocine';

/** A film: an event offer of category SEANCE_CINE. */
export interface EventOffer {
  origin: OfferOrigin;
  isActive: boolean;
  idAtProvider: string | null;
  /** Poster uploaded through the API, served under the control API (public, like the platform's image URLs). */
  image: { bytes: Uint8Array; contentType: string; credit: string | null } | null;
  /** Trailer (EventOffer `videoUrl`): a public YouTube video; absent on seeded films. */
  videoUrl?: string | null;
  id: number;
  venueId: number;
  name: string;
  description: string;
  durationMinutes: number | null;
  isDuo: boolean;
  stageDirector: string;
  author: string;
  visa: string;
  priceCategories: PriceCategory[];
  createdAt: number;
  publishedAt: number;
}

/** `quantity` of a date with no seat limit ("unlimited" on the wire). */
export const UNLIMITED = Number.MAX_SAFE_INTEGER;

/** A "date" of an event: one séance start with one price category. */
export interface Stock {
  id: number;
  offerId: number;
  priceCategoryId: number;
  beginning: number;
  bookingLimit: number;
  /** Total seats offered to pass Culture, booked ones included. */
  quantity: number;
}

export interface Beneficiary {
  firstName: string;
  lastName: string;
  email: string;
  phoneNumber: string | null;
  /** `YYYY-MM-DD`. */
  birthDate: string;
  postalCode: string | null;
}

export interface Booking {
  id: number;
  token: string;
  stockId: number;
  quantity: number;
  /** Euro cents per seat. */
  price: number;
  status: BookingStatus;
  createdAt: number;
  /** End of the beneficiary's cancellation window (always set: every offer here is an event). */
  confirmationAt: number;
  dateUsed: number | null;
  cancelledAt: number | null;
  /** How many `PATCH use` succeeded on it (the control API shows it, to catch double validations). */
  usedCount: number;
  user: Beneficiary;
}

export interface SandboxData {
  offerer: Offerer;
  venues: Venue[];
  events: EventOffer[];
  stocks: Stock[];
  /** Ascending ids. */
  bookings: Booking[];
}

/** The data plus the look-ups the routes need. Replaced as a whole on reset. */
export class SandboxStore {
  private readonly byToken = new Map<string, Booking>();
  private readonly byId = new Map<number, Booking>();
  private readonly stocksById = new Map<number, Stock>();
  private readonly eventsById = new Map<number, EventOffer>();
  private readonly deletedStockIds = new Set<number>();

  constructor(readonly data: SandboxData) {
    for (const booking of data.bookings) {
      this.byToken.set(booking.token, booking);
      this.byId.set(booking.id, booking);
    }
    for (const stock of data.stocks) this.stocksById.set(stock.id, stock);
    for (const event of data.events) this.eventsById.set(event.id, event);
  }

  /** Tokens match case-insensitively, as on the platform. */
  bookingByToken(token: string): Booking | undefined {
    return this.byToken.get(token.toUpperCase());
  }

  bookingById(id: number): Booking | undefined {
    return this.byId.get(id);
  }

  stock(id: number): Stock | undefined {
    return this.stocksById.get(id);
  }

  event(id: number): EventOffer | undefined {
    return this.eventsById.get(id);
  }

  venue(id: number): Venue | undefined {
    return this.data.venues.find((v) => v.id === id);
  }

  /** The stock, offer, price category and venue of a booking (always present for bookings of this store). */
  context(booking: Booking): { stock: Stock; event: EventOffer; priceCategory: PriceCategory; venue: Venue } {
    const stock = this.stock(booking.stockId);
    const event = stock && this.event(stock.offerId);
    const priceCategory = event?.priceCategories.find((pc) => pc.id === stock?.priceCategoryId);
    const venue = event && this.venue(event.venueId);
    if (!stock || !event || !priceCategory || !venue) throw new Error(`booking ${booking.id} has a dangling stock`);
    return { stock, event, priceCategory, venue };
  }

  /** Seats taken on a stock: every booking not cancelled counts its quantity (2 for a DUO). */
  bookedQuantity(stockId: number): number {
    let total = 0;
    for (const b of this.data.bookings) if (b.stockId === stockId && b.status !== 'CANCELLED') total += b.quantity;
    return total;
  }

  addEvent(event: EventOffer): void {
    this.data.events.push(event);
    this.eventsById.set(event.id, event);
  }

  addStock(stock: Stock): void {
    this.data.stocks.push(stock);
    this.stocksById.set(stock.id, stock);
  }

  /**
   * A deleted date is no longer listed nor editable; pcapi soft-deletes it, so its bookings keep their context
   * (`stock(id)` still finds it, `isDeleted` tells).
   */
  deleteStock(id: number): void {
    this.data.stocks = this.data.stocks.filter((s) => s.id !== id);
    this.deletedStockIds.add(id);
  }

  isDeleted(stockId: number): boolean {
    return this.deletedStockIds.has(stockId);
  }

  nextEventId(): number {
    return Math.max(100, ...this.data.events.map((e) => e.id)) + 1;
  }

  /** Never a deleted date's id: its bookings still point at it, and the platform does not reuse ids. */
  nextStockId(): number {
    return Math.max(1000, ...this.data.stocks.map((s) => s.id), ...this.deletedStockIds) + 1;
  }

  nextPriceCategoryId(): number {
    return Math.max(1, ...this.data.events.flatMap((e) => e.priceCategories.map((pc) => pc.id))) + 1;
  }

  stocksOfEvent(eventId: number): Stock[] {
    return this.data.stocks.filter((s) => s.offerId === eventId).sort((a, b) => a.id - b.id);
  }

  hasToken(token: string): boolean {
    return this.byToken.has(token);
  }

  nextBookingId(): number {
    const last = this.data.bookings[this.data.bookings.length - 1];
    return (last?.id ?? 1000) + 1;
  }

  addBooking(booking: Booking): void {
    this.data.bookings.push(booking);
    this.byToken.set(booking.token, booking);
    this.byId.set(booking.id, booking);
  }
}
