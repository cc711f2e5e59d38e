/**
 * Bookings and séances this counter has seen. The platform is the truth; this cache lets the guichet show
 * who a used booking belonged to (for an undo) and the séance time without a second round trip.
 */
import { eq, sql } from 'drizzle-orm';
import type { BookingStatus, PlatformBooking, PlatformDate } from '../../../shared/platform/schemas';
import type { CounterDb } from './open';
import { knownBookings, seances } from './schema';

export type KnownBooking = typeof knownBookings.$inferSelect;
export type Seance = typeof seances.$inferSelect;

export function createBookingCache(db: CounterDb) {
  // Prepared once: these run on every scan, and preparing a statement costs more than running it.
  const byTokenQuery = db
    .select()
    .from(knownBookings)
    .where(eq(knownBookings.token, sql.placeholder('token')))
    .prepare();
  const seanceQuery = db
    .select()
    .from(seances)
    .where(eq(seances.stockId, sql.placeholder('stockId')))
    .prepare();
  const clearToken = db
    .update(knownBookings)
    .set({ token: null })
    .where(eq(knownBookings.token, sql.placeholder('token')))
    .prepare();
  const setStatusQuery = db
    .update(knownBookings)
    .set({ status: sql`${sql.placeholder('status')}`, updatedAt: sql`${sql.placeholder('updatedAt')}` })
    .where(eq(knownBookings.bookingId, sql.placeholder('bookingId')))
    .prepare();

  return {
    /** Remembers a booking the platform returned for `token` (token ↔ booking is only learnt this way). */
    remember(token: string, booking: PlatformBooking, nowUtc: string): KnownBooking {
      const row: KnownBooking = {
        bookingId: booking.id,
        token,
        status: booking.status,
        quantity: booking.quantity,
        unitPriceCents: booking.price,
        priceCategoryLabel: booking.priceCategoryLabel ?? null,
        offerId: booking.offerId,
        offerName: booking.offerName,
        stockId: booking.stockId,
        venueId: booking.venueId,
        venueName: booking.venueName,
        firstName: booking.userFirstName ?? '',
        lastName: booking.userLastName ?? '',
        confirmationDate: booking.confirmationDate ?? null,
        updatedAt: nowUtc,
      };
      db.$client.transaction(() => {
        // A token is unique; should the platform ever reuse one, the newest booking wins.
        clearToken.run({ token });
        db.insert(knownBookings).values(row).onConflictDoUpdate({ target: knownBookings.bookingId, set: row }).run();
      })();
      return row;
    },

    byToken(token: string): KnownBooking | undefined {
      return byTokenQuery.get({ token });
    },

    setStatus(bookingId: number, status: BookingStatus, nowUtc: string): void {
      setStatusQuery.run({ status, updatedAt: nowUtc, bookingId });
    },

    seance(stockId: number): Seance | undefined {
      return seanceQuery.get({ stockId });
    },

    rememberSeances(offerId: number, dates: PlatformDate[], nowUtc: string): void {
      db.transaction((tx) => {
        for (const d of dates) {
          const row: Seance = {
            stockId: d.id,
            offerId,
            beginningDatetime: new Date(d.beginningDatetime).toISOString(),
            priceCategoryLabel: d.priceCategory.label,
            priceCents: d.priceCategory.price,
            quantity: d.quantity === 'unlimited' ? null : d.quantity,
            bookedQuantity: d.bookedQuantity,
            updatedAt: nowUtc,
          };
          tx.insert(seances).values(row).onConflictDoUpdate({ target: seances.stockId, set: row }).run();
        }
      });
    },
  };
}

export type BookingCache = ReturnType<typeof createBookingCache>;
