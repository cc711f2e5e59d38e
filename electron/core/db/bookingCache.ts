/**
 * Bookings and séances this counter has seen. The platform is the truth; this cache lets the guichet show
 * who a used booking belonged to (for an undo) and the séance time without a second round trip.
 */
import { eq } from 'drizzle-orm';
import type { BookingStatus, PlatformBooking, PlatformDate } from '../../../shared/platform/schemas';
import type { CounterDb } from './open';
import { knownBookings, seances } from './schema';

export type KnownBooking = typeof knownBookings.$inferSelect;
export type Seance = typeof seances.$inferSelect;

export function createBookingCache(db: CounterDb) {
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
      db.transaction((tx) => {
        // A token is unique; should the platform ever reuse one, the newest booking wins.
        tx.update(knownBookings).set({ token: null }).where(eq(knownBookings.token, token)).run();
        tx.insert(knownBookings).values(row).onConflictDoUpdate({ target: knownBookings.bookingId, set: row }).run();
      });
      return row;
    },

    byToken(token: string): KnownBooking | undefined {
      return db.select().from(knownBookings).where(eq(knownBookings.token, token)).get();
    },

    setStatus(bookingId: number, status: BookingStatus, nowUtc: string): void {
      db.update(knownBookings).set({ status, updatedAt: nowUtc }).where(eq(knownBookings.bookingId, bookingId)).run();
    },

    seance(stockId: number): Seance | undefined {
      return db.select().from(seances).where(eq(seances.stockId, stockId)).get();
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
