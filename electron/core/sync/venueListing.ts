/**
 * Whether the platform lists a venue's bookings (`GET /public/bookings/v1/bookings?venueId=`, the 2026 document) or
 * only an offer's (the platform before January 2026 answered 400 to `venueId`). Found out once, by asking: a
 * refusal is remembered in the settings table (a restart does not ask again) and logged; the venue listing is
 * tried again a day later, so a platform that gains it is used without anyone touching the counter.
 */
import type { Logger } from 'pino';
import { z } from 'zod';
import type { SettingsStore } from '../db/settings';
import { isPlatformError } from '../platform/errors';
import type { PlatformBooking } from '../../../shared/platform/schemas';

const KEY = 'sync.venueListing';
const RETRY_AFTER_MS = 24 * 60 * 60_000;
const stateSchema = z.object({ refusedAt: z.string().nullable() });

export type ListingMode = 'venue' | 'offer';

/**
 * A listing by venue that the platform did not take: a 400/422 (an unknown or refused query parameter), or an
 * answer holding another venue's bookings (a platform that ignored `venueId` instead of refusing it).
 */
export class VenueListingRefused extends Error {
  override readonly name = 'VenueListingRefused';
  constructor(
    readonly detail: unknown,
    options?: { cause?: unknown },
  ) {
    super('the platform does not list bookings by venueId', options);
  }
}

/** Whether `error` says the venue listing itself is not understood (not that this venue is unknown). */
export function isVenueFilterRefusal(error: unknown): boolean {
  if (error instanceof VenueListingRefused) return true;
  return isPlatformError(error) && (error.status === 400 || error.status === 422);
}

/** Throws when a page of a venue's listing holds another venue's bookings: the filter was not applied. */
export function checkVenuePage(venueId: number, page: PlatformBooking[]): void {
  const stranger = page.find((b) => b.venueId !== venueId);
  if (stranger) throw new VenueListingRefused({ askedVenueId: venueId, answeredVenueId: stranger.venueId });
}

export function createVenueListing(settings: SettingsStore, clock: () => Date, logger: Logger) {
  let state = settings.read(KEY, stateSchema) ?? { refusedAt: null };

  return {
    mode(): ListingMode {
      if (state.refusedAt === null) return 'venue';
      return clock().getTime() - Date.parse(state.refusedAt) >= RETRY_AFTER_MS ? 'venue' : 'offer';
    },
    /** The platform refused `venueId`: list film by film until tomorrow's new try. */
    refused(error: unknown): void {
      const again = state.refusedAt !== null;
      state = { refusedAt: clock().toISOString() };
      settings.write(KEY, state);
      const detail = isPlatformError(error)
        ? { status: error.status, body: error.body }
        : error instanceof VenueListingRefused
          ? error.detail
          : String(error);
      logger.warn(
        { detail, retryInHours: RETRY_AFTER_MS / 3_600_000 },
        again
          ? 'pass Culture still refuses to list bookings by venue (venueId): listing them film by film'
          : 'pass Culture refuses to list bookings by venue (venueId, an older platform): listing them film by film',
      );
    },
    /** A venue listing went through: if it had been refused, say it is back. */
    accepted(): void {
      if (state.refusedAt === null) return;
      state = { refusedAt: null };
      settings.write(KEY, state);
      logger.info('pass Culture now lists bookings by venue (venueId): one cursor per venue again');
    },
  };
}

export type VenueListing = ReturnType<typeof createVenueListing>;
