/**
 * The bookings mirror: bookings of the counter's venues (from the platform's listing, or from a token lookup)
 * and the séances they belong to. The platform is the truth; this lets the guichet answer offline, show who
 * a used booking belonged to, and find a person by name. The listing carries no token: token ↔ booking is
 * learnt when someone scans or types it, and never overwritten by the listing.
 */
import { eq, sql } from 'drizzle-orm';
import type { BookingStatus, PlatformBooking, PlatformDate } from '../../../shared/platform/schemas';
import { cleanText, LABEL_MAX, NAME_MAX, TITLE_MAX } from '../../../shared/text';
import { withRelaxedDurability } from './durability';
import type { CounterDb } from './open';
import { knownBookings, seances } from './schema';
import { column, statement } from './statement';

export type KnownBooking = typeof knownBookings.$inferSelect;
export type Seance = typeof seances.$inferSelect;

/** What name search compares: lower case, accents and punctuation dropped ("Lefèvre" → "lefevre"). */
export function normalizeForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

export interface MirrorChanges {
  added: number[];
  /** Bookings whose status changed, with the previous status. */
  changed: { bookingId: number; from: BookingStatus; to: BookingStatus }[];
}

/**
 * The row kept for a booking: only what the counter uses. The platform also sends the beneficiary's e-mail, phone,
 * birth date and postal code: no screen needs them, so they are dropped here and never stored. Names and titles
 * and tariff labels are cleaned (bidi and control characters, length: shared/text.ts).
 */
function rowOf(booking: PlatformBooking, token: string | null, nowUtc: string): KnownBooking {
  const firstName = cleanText(booking.userFirstName ?? '', NAME_MAX);
  const lastName = cleanText(booking.userLastName ?? '', NAME_MAX);
  const first = normalizeForSearch(firstName);
  const last = normalizeForSearch(lastName);
  return {
    bookingId: booking.id,
    token,
    status: booking.status,
    quantity: booking.quantity,
    unitPriceCents: booking.price,
    // Shown on the verdict and printed on the slip, like the names: cleaned the same way.
    priceCategoryLabel: booking.priceCategoryLabel == null ? null : cleanText(booking.priceCategoryLabel, LABEL_MAX),
    offerId: booking.offerId,
    offerName: cleanText(booking.offerName, TITLE_MAX),
    stockId: booking.stockId,
    venueId: booking.venueId,
    venueName: cleanText(booking.venueName, TITLE_MAX),
    firstName,
    lastName,
    confirmationDate: booking.confirmationDate ?? null,
    searchKey: `${last} ${first}`.trim(),
    searchFirstKey: `${first} ${last}`.trim(),
    updatedAt: nowUtc,
    purgedAt: null,
  };
}

/** The row's values in COLUMNS order (positional binding: the mirror ingests up to 100,000 at a time). */
function rowValues(row: KnownBooking): unknown[] {
  return [
    row.bookingId,
    row.token,
    row.status,
    row.quantity,
    row.unitPriceCents,
    row.priceCategoryLabel,
    row.offerId,
    row.offerName,
    row.stockId,
    row.venueId,
    row.venueName,
    row.firstName,
    row.lastName,
    row.confirmationDate,
    row.searchKey,
    row.searchFirstKey,
    row.updatedAt,
  ];
}

export function createBookingCache(db: CounterDb) {
  const client = db.$client;
  // Prepared once: these run on every scan or every synced booking, and preparing costs more than running.
  const byTokenQuery = db
    .select()
    .from(knownBookings)
    .where(eq(knownBookings.token, sql.placeholder('token')))
    .prepare();
  const byIdQuery = db
    .select()
    .from(knownBookings)
    .where(eq(knownBookings.bookingId, sql.placeholder('bookingId')))
    .prepare();
  const seanceQuery = db
    .select()
    .from(seances)
    .where(eq(seances.stockId, sql.placeholder('stockId')))
    .prepare();
  const clearToken = statement<never, [string, number]>(
    db,
    'UPDATE known_bookings SET token = NULL WHERE token = ? AND booking_id <> ?',
  );
  const setStatusQuery = statement<never, [BookingStatus, string, number]>(
    db,
    'UPDATE known_bookings SET status = ?, updated_at = ? WHERE booking_id = ?',
  );
  const columns =
    'booking_id, token, status, quantity, unit_price_cents, price_category_label, offer_id, offer_name, stock_id, ' +
    'venue_id, venue_name, first_name, last_name, confirmation_date, search_key, search_first_key, updated_at';
  const values = columns
    .split(',')
    .map(() => '?')
    .join(', ');
  const listingUpdate =
    'status = excluded.status, quantity = excluded.quantity, unit_price_cents = excluded.unit_price_cents, ' +
    'price_category_label = excluded.price_category_label, offer_id = excluded.offer_id, ' +
    'offer_name = excluded.offer_name, stock_id = excluded.stock_id, venue_id = excluded.venue_id, ' +
    'venue_name = excluded.venue_name, confirmation_date = excluded.confirmation_date, ' +
    'updated_at = excluded.updated_at, ' +
    // A booking whose personal data the retention purge erased never gets its names back (retention.ts).
    ['first_name', 'last_name', 'search_key', 'search_first_key']
      .map((c) => `${c} = CASE WHEN known_bookings.purged_at IS NULL THEN excluded.${c} ELSE known_bookings.${c} END`)
      .join(', ');
  // From a token lookup: the token is learnt too. A row pass Culture confirms as it is is left alone (the WHERE):
  // every scan of a mirrored booking asks pass Culture, and rewriting the same row and its six indexes each time
  // only gave the next validation's durable commit more pages to flush.
  const sameNames = ['first_name', 'last_name', 'search_key', 'search_first_key']
    .map((c) => `known_bookings.${c} IS excluded.${c}`)
    .join(' AND ');
  const sameFacts = [
    'token',
    'status',
    'quantity',
    'unit_price_cents',
    'price_category_label',
    'offer_id',
    'offer_name',
    'stock_id',
    'venue_id',
    'venue_name',
    'confirmation_date',
  ]
    .map((c) => `known_bookings.${c} IS excluded.${c}`)
    .join(' AND ');
  const upsertWithToken = statement<never, unknown[]>(
    db,
    `INSERT INTO known_bookings (${columns}) VALUES (${values})
     ON CONFLICT(booking_id) DO UPDATE SET token = excluded.token, ${listingUpdate}
     WHERE NOT (${sameFacts} AND (known_bookings.purged_at IS NOT NULL OR (${sameNames})))`,
  );
  // From the listing: never touches a token learnt earlier.
  const upsertFromListing = statement<never, unknown[]>(
    db,
    `INSERT INTO known_bookings (${columns}) VALUES (${values}) ON CONFLICT(booking_id) DO UPDATE SET ${listingUpdate}`,
  );
  const statusOf = column<BookingStatus, [number]>(db, 'SELECT status FROM known_bookings WHERE booking_id = ?');
  const upsertSeance = statement<never, [Record<string, unknown>]>(
    db,
    `INSERT INTO seances (stock_id, offer_id, beginning_datetime, price_category_label, price_cents, quantity,
       booked_quantity, updated_at)
     VALUES (@stockId, @offerId, @beginningDatetime, @priceCategoryLabel, @priceCents, @quantity, @bookedQuantity, @updatedAt)
     ON CONFLICT(stock_id) DO UPDATE SET offer_id = excluded.offer_id, beginning_datetime = excluded.beginning_datetime,
       price_category_label = excluded.price_category_label, price_cents = excluded.price_cents,
       quantity = excluded.quantity, booked_quantity = excluded.booked_quantity, updated_at = excluded.updated_at`,
  );

  const mirrorPage = client.transaction((bookings: PlatformBooking[], nowUtc: string): MirrorChanges => {
    const changes: MirrorChanges = { added: [], changed: [] };
    for (const booking of bookings) {
      const previous = statusOf.get(booking.id);
      upsertFromListing.run(...rowValues(rowOf(booking, null, nowUtc)));
      if (previous === undefined) changes.added.push(booking.id);
      else if (previous !== booking.status)
        changes.changed.push({ bookingId: booking.id, from: previous, to: booking.status });
    }
    return changes;
  });

  return {
    /** Remembers a booking the platform returned for `token` (token ↔ booking is only learnt this way). */
    remember(token: string, booking: PlatformBooking, nowUtc: string): KnownBooking {
      const row = rowOf(booking, token, nowUtc);
      // A cache of the platform, re-downloadable: it need not wait for the disk (durability.ts).
      withRelaxedDurability(client, () =>
        client.transaction(() => {
          // A token is unique; should the platform ever reuse one, the newest booking wins.
          clearToken.run(token, booking.id);
          upsertWithToken.run(...rowValues(row));
        })(),
      );
      return row;
    },

    /** Mirrors one page of the platform's listing (one transaction); says what is new or changed. */
    mirror(bookings: PlatformBooking[], nowUtc: string): MirrorChanges {
      if (bookings.length === 0) return { added: [], changed: [] };
      // Re-downloadable: a relaxed commit keeps background sync from blocking the guichet on the disk.
      return withRelaxedDurability(client, () => mirrorPage(bookings, nowUtc), { thenFlush: true });
    },

    byToken(token: string): KnownBooking | undefined {
      return byTokenQuery.get({ token });
    },

    byId(bookingId: number): KnownBooking | undefined {
      return byIdQuery.get({ bookingId });
    },

    setStatus(bookingId: number, status: BookingStatus, nowUtc: string): void {
      setStatusQuery.run(status, nowUtc, bookingId);
    },

    seance(stockId: number): Seance | undefined {
      return seanceQuery.get({ stockId });
    },

    rememberSeances(offerId: number, dates: PlatformDate[], nowUtc: string): void {
      withRelaxedDurability(client, () => this.rememberSeancesNow(offerId, dates, nowUtc));
    },

    rememberSeancesNow(offerId: number, dates: PlatformDate[], nowUtc: string): void {
      client.transaction(() => {
        for (const d of dates) {
          upsertSeance.run({
            stockId: d.id,
            offerId,
            beginningDatetime: new Date(d.beginningDatetime).toISOString(),
            priceCategoryLabel: cleanText(d.priceCategory.label, LABEL_MAX),
            priceCents: d.priceCategory.price,
            quantity: d.quantity === 'unlimited' ? null : d.quantity,
            bookedQuantity: d.bookedQuantity,
            updatedAt: nowUtc,
          });
        }
      })();
    },
  };
}

export type BookingCache = ReturnType<typeof createBookingCache>;
