/**
 * After a programme write, the mirror is brought up to date for that film at once (offer row and its dates),
 * so the Programme screen shows the change without waiting for the next 10-minute programme pull.
 */
import type { PlatformDate } from '../../../shared/platform/schemas';
import type { BookingCache } from '../db/bookingCache';
import type { CounterDb } from '../db/open';
import type { EditableEvent } from '../platform/offersClient';

export function createProgrammeMirror(db: CounterDb, cache: BookingCache) {
  // Same columns as mirrorSync's upsert; the poster file is left to the next programme pull, which caches it.
  const upsertOffer = db.$client.prepare(
    `INSERT INTO offers (offer_id, venue_id, name, description, duration_minutes, is_duo, status, poster_url, updated_at)
     VALUES (@offerId, @venueId, @name, @description, @durationMinutes, @isDuo, @status, @posterUrl, @updatedAt)
     ON CONFLICT(offer_id) DO UPDATE SET venue_id = excluded.venue_id, name = excluded.name,
       description = excluded.description, duration_minutes = excluded.duration_minutes, is_duo = excluded.is_duo,
       status = excluded.status, poster_url = excluded.poster_url, updated_at = excluded.updated_at`,
  );
  const seancesOf = db.$client.prepare('SELECT stock_id AS stockId FROM seances WHERE offer_id = ?');
  const deleteSeance = db.$client.prepare('DELETE FROM seances WHERE stock_id = ?');
  const unusedByStock = db.$client.prepare(
    `SELECT stock_id AS stockId, COUNT(*) AS bookings, SUM(quantity) AS places FROM known_bookings
     WHERE offer_id = ? AND status = 'CONFIRMED' GROUP BY stock_id`,
  );

  return {
    rememberOffer(event: EditableEvent, fallbackVenueId: number, nowUtc: string): void {
      upsertOffer.run({
        offerId: event.id,
        venueId: event.location.venueId ?? fallbackVenueId,
        name: event.name,
        description: event.description ?? null,
        durationMinutes: event.eventDuration ?? null,
        isDuo: event.enableDoubleBookings === false ? 0 : 1,
        status: event.status,
        posterUrl: event.image?.url ?? null,
        updatedAt: nowUtc,
      });
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
