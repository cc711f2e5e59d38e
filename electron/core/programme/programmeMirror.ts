/**
 * After a programme write, the mirror is brought up to date for that film at once (offer row and its dates),
 * so the Programme screen shows the change without waiting for the next 10-minute programme pull.
 */
import type { PlatformDate } from '../../../shared/platform/schemas';
import type { BookingCache } from '../db/bookingCache';
import type { BookingFacts } from '../db/bookingFacts';
import type { OfferStore } from '../db/offers';
import type { SeanceStore } from '../db/seances';
import type { EditableEvent } from '../platform/offersClient';

export interface ProgrammeMirrorDeps {
  cache: BookingCache;
  offers: OfferStore;
  seances: SeanceStore;
  facts: BookingFacts;
}

export function createProgrammeMirror({ cache, offers, seances, facts }: ProgrammeMirrorDeps) {
  return {
    rememberOffer(event: EditableEvent, fallbackVenueId: number, nowUtc: string): void {
      // The same upsert as the programme pull; the poster file is left to the next pull, which caches it.
      offers.upsert(event, event.location.venueId ?? fallbackVenueId, nowUtc);
    },
    /** The film's complete list of dates: new and changed ones stored, deleted ones dropped. */
    replaceSeances(offerId: number, dates: PlatformDate[], nowUtc: string): void {
      cache.rememberSeances(offerId, dates, nowUtc);
      const kept = new Set(dates.map((d) => d.id));
      for (const stockId of seances.stockIdsOfOffer(offerId)) {
        if (!kept.has(stockId)) seances.delete(stockId);
      }
    },
    rememberSeance(offerId: number, date: PlatformDate, nowUtc: string): void {
      cache.rememberSeances(offerId, [date], nowUtc);
    },
    /** Confirmed, not used bookings per séance: what deleting it would cancel. */
    unusedBookings(offerId: number): Map<number, { bookings: number; places: number }> {
      return facts.unusedByStock(offerId);
    },
  };
}

export type ProgrammeMirror = ReturnType<typeof createProgrammeMirror>;
