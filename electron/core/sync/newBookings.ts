/**
 * New bookings, by id cursor: one walk per venue (`?venueId=`, the 2026 document) — one request a cycle when
 * nothing is new — or, on a platform that refuses `venueId`, one walk per film (`?offerId=`), as before. Cursors are
 * saved page by page in sync_streams (`bookings:venue:<id>`, `bookings:<offerId>`), so an interrupted walk resumes
 * where it stopped, and switching between the two ways loses nothing and re-reads little (each starts from what
 * the other has seen).
 */
import type { Logger } from 'pino';
import type { MirrorChanges } from '../db/bookingCache';
import type { OfferStore } from '../db/offers';
import { isPlatformError } from '../platform/errors';
import { walk, type WalkDeps } from './listingWalk';
import type { Streams } from '../db/syncStreams';
import { checkVenuePage, isVenueFilterRefusal, type VenueListing } from './venueListing';
import { errorMessage } from '../../../shared/errorText';

export const venueCursor = (venueId: number) => `bookings:venue:${venueId}`;
export const offerCursor = (offerId: number) => `bookings:${offerId}`;

/**
 * Some venues could not be read (a 404 `venueId`: the venue no longer reaches this key), the others were: the
 * cycle goes on with them, and the stream shows this error.
 */
export class VenuesUnreadable extends Error {
  override readonly name = 'VenuesUnreadable';
  constructor(readonly failures: { venueId: number; error: unknown }[]) {
    super(failures.map((f) => errorMessage(f.error)).join(' ; '));
  }
}

export interface NewBookingsDeps extends WalkDeps {
  offers: Pick<OfferStore, 'idsOfVenue'>;
  streams: Streams;
  listing: VenueListing;
  logger: Logger;
}

export function createNewBookings(deps: NewBookingsDeps) {
  const { offers, streams, listing, logger } = deps;
  /** Offers found gone (404), said once each: the programme keeps them until it is pulled again. */
  const goneOffers = new Set<number>();

  /**
   * A new venue cursor starts where the films' walks have all got to: below the lowest of their cursors, every
   * booking of every film was seen. A film without a cursor had no booking when it was walked (each cycle walks
   * every film), and a booking made since has a higher id than any seen then. Never walked: from 1.
   */
  function firstVenueCursor(venueId: number): number {
    const cursors = offers
      .idsOfVenue(venueId)
      .map((id) => streams.cursor(offerCursor(id)))
      .filter((c): c is number => c !== null);
    return cursors.length === 0 ? 1 : Math.min(...cursors);
  }

  async function byVenue(venueId: number, changes: MirrorChanges): Promise<void> {
    const name = venueCursor(venueId);
    await walk(deps, { venueId }, streams.cursor(name) ?? firstVenueCursor(venueId), changes, {
      check: (page) => checkVenuePage(venueId, page),
      onPage: (next) => streams.setCursor(name, next),
    });
  }

  async function byOffers(venueId: number, changes: MirrorChanges): Promise<void> {
    // What the venue's cursor has seen, no film's walk needs to read again.
    const floor = streams.cursor(venueCursor(venueId)) ?? 1;
    for (const offerId of offers.idsOfVenue(venueId)) {
      const name = offerCursor(offerId);
      try {
        const start = Math.max(streams.cursor(name) ?? 1, floor);
        await walk(deps, { offerId }, start, changes, { onPage: (next) => streams.setCursor(name, next) });
      } catch (error) {
        // A film deleted or taken out of reach must not stop the others.
        if (!isPlatformError(error) || error.code !== 'offer_unknown') throw error;
        if (!goneOffers.has(offerId)) logger.info({ offerId }, 'film no longer listed by pass Culture: skipped');
        goneOffers.add(offerId);
      }
    }
  }

  /** New bookings of each venue into `changes` (filled as pages come, so nothing is lost if a later one fails). */
  async function pull(venueIds: number[], changes: MirrorChanges): Promise<void> {
    const failures: { venueId: number; error: unknown }[] = [];
    for (const venueId of venueIds) {
      try {
        if (listing.mode() === 'venue') {
          try {
            await byVenue(venueId, changes);
            listing.accepted();
            continue;
          } catch (error) {
            if (!isVenueFilterRefusal(error)) throw error;
            listing.refused(error);
          }
        }
        await byOffers(venueId, changes);
      } catch (error) {
        if (!isPlatformError(error) || error.code !== 'venue_unknown') throw error;
        logger.warn({ venueId }, 'venue not reachable with this key (404): its bookings are not synced');
        failures.push({ venueId, error });
      }
    }
    if (failures.length > 0) throw new VenuesUnreadable(failures);
  }

  return { pull };
}
