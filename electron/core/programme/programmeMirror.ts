/**
 * After a programme write, the mirror is brought up to date for that film at once (offer row and its dates),
 * so the Programme screen shows the change without waiting for the next 10-minute programme pull.
 */
import type { PlatformDate } from '../../../shared/platform/schemas';
import type { BookingCache } from '../db/bookingCache';
import { createOfferStore } from '../db/offers';
import type { CounterDb } from '../db/open';
import type { EditableEvent } from '../platform/offersClient';

export function createProgrammeMirror(db: CounterDb, cache: BookingCache) {
  // The same upsert as the programme pull; the poster file is left to the next pull, which caches it.
  const offers = createOfferStore(db);
  const seancesOf = db.$client.prepare('SELECT stock_id AS stockId FROM seances WHERE offer_id = ?');
  const deleteSeance = db.$client.prepare('DELETE FROM seances WHERE stock_id = ?');
  const unusedByStock = db.$client.prepare(
    `SELECT stock_id AS stockId, COUNT(*) AS bookings, SUM(quantity) AS places FROM known_bookings
     WHERE offer_id = ? AND status = 'CONFIRMED' GROUP BY stock_id`,
  );

  return {
    rememberOffer(event: EditableEvent, fallbackVenueId: number, nowUtc: string): void {
      offers.upsert(event, event.location.venueId ?? fallbackVenueId, nowUtc);
    },
    /** The film's complete list of dates: new and changed ones stored, deleted ones dropped. */
    replaceSeances(offerId: number, dates: PlatformDate[], nowUtc: string): void {
      cache.rememberSeances(offerId, dates, nowUtc);
      const kept = new Set(dates.map((d) => d.id));
      for (const { stockId } of seancesOf.all(offerId) as { stockId: number }[]) {
        if (!kept.has(stockId)) deleteSeance.run(stockId);
      }
    },
    rememberSeance(offerId: number, date: PlatformDate, nowUtc: string): void {
      cache.rememberSeances(offerId, [date], nowUtc);
    },
    /** Confirmed, not used bookings per séance: what deleting it would cancel. */
    unusedBookings(offerId: number): Map<number, { bookings: number; places: number }> {
      const rows = unusedByStock.all(offerId) as { stockId: number; bookings: number; places: number | null }[];
      return new Map(rows.map((r) => [r.stockId, { bookings: r.bookings, places: r.places ?? 0 }]));
    },
  };
}

export type ProgrammeMirror = ReturnType<typeof createProgrammeMirror>;
