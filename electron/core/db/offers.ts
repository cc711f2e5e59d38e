/**
 * The `offers` table (the films of the mirror): one upsert for the programme pull (sync/mirrorSync.ts) and for a
 * film written at this counter (programme/programmeMirror.ts), the cached poster's file, and the reads of the
 * Programme screen and of the film-by-film booking walk.
 */
import type { OfferView } from '../../../shared/contract';
import { withRelaxedDurability } from './durability';
import type { CounterDb } from './open';
import { column, statement } from './statement';

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

/** A film with no séance in a range of days, with its nearest séances outside it (programme/unscheduledFilms.ts). */
export interface UnscheduledOfferRow {
  offerId: number;
  name: string;
  status: string;
  durationMinutes: number | null;
  hasPoster: number;
  lastSeanceStart: string | null;
  nextSeanceStart: string | null;
}

type OfferViewRow = Omit<OfferView, 'isDuo' | 'hasPoster'> & { isDuo: number; hasPoster: number };

/** A film stored or refreshed (the programme pull here, a secondary's replica in replica.ts); its poster file kept. */
export const UPSERT_OFFER_SQL = `INSERT INTO offers (offer_id, venue_id, name, description, duration_minutes, is_duo,
     status, poster_url, updated_at)
   VALUES (@offerId, @venueId, @name, @description, @durationMinutes, @isDuo, @status, @posterUrl, @updatedAt)
   ON CONFLICT(offer_id) DO UPDATE SET venue_id = excluded.venue_id, name = excluded.name,
     description = excluded.description, duration_minutes = excluded.duration_minutes, is_duo = excluded.is_duo,
     status = excluded.status, poster_url = excluded.poster_url, updated_at = excluded.updated_at`;

export function createOfferStore(db: CounterDb) {
  const upsert = statement<never, [Record<string, unknown>]>(db, UPSERT_OFFER_SQL);
  const posterState = statement<{ url: string | null; file: string | null }, [number]>(
    db,
    'SELECT poster_url AS url, poster_file AS file FROM offers WHERE offer_id = ?',
  );
  const setPosterFile = statement<never, [string, number]>(db, 'UPDATE offers SET poster_file = ? WHERE offer_id = ?');
  const idsOfVenue = column<number, [number]>(db, 'SELECT offer_id FROM offers WHERE venue_id = ? ORDER BY offer_id');
  const views = statement<OfferViewRow, [string]>(
    db,
    `SELECT offer_id AS offerId, venue_id AS venueId, name, description, duration_minutes AS durationMinutes,
       is_duo AS isDuo, status, poster_file IS NOT NULL AS hasPoster
     FROM offers WHERE offer_id IN (SELECT value FROM json_each(?)) ORDER BY name`,
  );
  const unscheduled = statement<UnscheduledOfferRow, [{ from: string; to: string }]>(
    db,
    `SELECT o.offer_id AS offerId, o.name, o.status, o.duration_minutes AS durationMinutes,
       o.poster_file IS NOT NULL AS hasPoster,
       (SELECT MAX(s.beginning_datetime) FROM seances s WHERE s.offer_id = o.offer_id AND s.beginning_datetime < @from)
         AS lastSeanceStart,
       (SELECT MIN(s.beginning_datetime) FROM seances s WHERE s.offer_id = o.offer_id AND s.beginning_datetime >= @to)
         AS nextSeanceStart
     FROM offers o
     WHERE NOT EXISTS (SELECT 1 FROM seances s WHERE s.offer_id = o.offer_id
       AND s.beginning_datetime >= @from AND s.beginning_datetime < @to)`,
  );

  function write(event: OfferFields, venueId: number, nowUtc: string): void {
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
  }

  return {
    /** Stores a film written at this counter; the poster file is left as it is (cached by the next pull). */
    upsert: write,
    /** Stores a film from the programme pull: re-downloadable, so a relaxed commit (durability.ts). */
    upsertPulled(event: OfferFields, venueId: number, nowUtc: string): void {
      withRelaxedDurability(db.$client, () => write(event, venueId, nowUtc));
    },
    /** The poster's URL as last stored and the file it was cached in, if any. */
    poster(offerId: number): { url: string | null; file: string | null } | undefined {
      return posterState.get(offerId);
    },
    setPosterFile(offerId: number, file: string): void {
      setPosterFile.run(file, offerId);
    },
    /** The venue's films, by id (the film-by-film booking walk). */
    idsOfVenue(venueId: number): number[] {
      return idsOfVenue.all(venueId);
    },
    /** The films of the Programme, by name. */
    views(offerIds: number[]): OfferView[] {
      return views
        .all(JSON.stringify(offerIds))
        .map((o) => ({ ...o, isDuo: o.isDuo === 1, hasPoster: o.hasPoster === 1 }));
    },
    /** Films with no séance in [from, to), with their last séance before and next one after. */
    unscheduled(from: string, to: string): UnscheduledOfferRow[] {
      return unscheduled.all({ from, to });
    },
  };
}

export type OfferStore = ReturnType<typeof createOfferStore>;
