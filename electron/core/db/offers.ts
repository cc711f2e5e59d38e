/**
 * The `offers` table (the films of the mirror): one upsert for the programme pull (sync/mirrorSync.ts) and for a
 * film written at this counter (programme/programmeMirror.ts), and the cached poster's file.
 */
import type { CounterDb } from './open';

/** The fields of a pass Culture event offer the mirror keeps (the platform's names). */
export interface OfferFields {
  id: number;
  name: string;
  description?: string | null;
  eventDuration?: number | null;
  enableDoubleBookings?: boolean | null;
  status: string;
  image?: { url?: string | null } | null;
}

export function createOfferStore(db: CounterDb) {
  const upsert = db.$client.prepare(
    `INSERT INTO offers (offer_id, venue_id, name, description, duration_minutes, is_duo, status, poster_url, updated_at)
     VALUES (@offerId, @venueId, @name, @description, @durationMinutes, @isDuo, @status, @posterUrl, @updatedAt)
     ON CONFLICT(offer_id) DO UPDATE SET venue_id = excluded.venue_id, name = excluded.name,
       description = excluded.description, duration_minutes = excluded.duration_minutes, is_duo = excluded.is_duo,
       status = excluded.status, poster_url = excluded.poster_url, updated_at = excluded.updated_at`,
  );
  const posterState = db.$client.prepare(
    'SELECT poster_url AS url, poster_file AS file FROM offers WHERE offer_id = ?',
  );
  const setPosterFile = db.$client.prepare('UPDATE offers SET poster_file = ? WHERE offer_id = ?');

  return {
    /** Stores a film as the platform describes it; the poster file is left as it is (cached by the next pull). */
    upsert(event: OfferFields, venueId: number, nowUtc: string): void {
      upsert.run({
        offerId: event.id,
        venueId,
        name: event.name,
        description: event.description ?? null,
        durationMinutes: event.eventDuration ?? null,
        isDuo: event.enableDoubleBookings === false ? 0 : 1,
        status: event.status,
        posterUrl: event.image?.url ?? null,
        updatedAt: nowUtc,
      });
    },
    /** The poster's URL as last stored and the file it was cached in, if any. */
    poster(offerId: number): { url: string | null; file: string | null } | undefined {
      return posterState.get(offerId) as { url: string | null; file: string | null } | undefined;
    },
    setPosterFile(offerId: number, file: string): void {
      setPosterFile.run(file, offerId);
    },
  };
}

export type OfferStore = ReturnType<typeof createOfferStore>;
