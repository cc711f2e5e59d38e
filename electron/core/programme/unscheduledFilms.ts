/**
 * Films of the mirror with no séance in the days the Programme shows: a film just published without séances, one
 * whose séances are all past, one scheduled later. The day tabs list séances, so without this list such a film
 * could not be found (nor given séances) from the Programme.
 */
import { venueDayRange, venueToday } from '../../../shared/venueTime';
import type { UnscheduledFilm } from '../../../shared/contract-programme';
import type { OfferStore } from '../db/offers';
import type { ManagedOffers } from './managedOffers';

export function createUnscheduledFilms(
  offers: Pick<OfferStore, 'unscheduled'>,
  managed: ManagedOffers,
  clock: () => Date,
) {
  /** From the start of today (venue's zone) for `days` days, like `programme.list`. */
  return function unscheduled(days: number, timeZone: string): UnscheduledFilm[] {
    const { from, to } = venueDayRange(venueToday(clock(), timeZone), timeZone, days);
    const rows = offers.unscheduled(from, to);
    return (
      rows
        .map((row) => ({
          offerId: row.offerId,
          name: row.name,
          status: row.status,
          durationMinutes: row.durationMinutes,
          hasPoster: row.hasPoster === 1,
          managed: managed.isManaged(row.offerId, null),
          lastSeanceStart: row.lastSeanceStart && new Date(row.lastSeanceStart).toISOString(),
          nextSeanceStart: row.nextSeanceStart && new Date(row.nextSeanceStart).toISOString(),
        }))
        // Films waiting for their first séance first (just published), then those scheduled later, then the past.
        .sort(
          (a, b) =>
            rank(a) - rank(b) ||
            (a.nextSeanceStart ?? '').localeCompare(b.nextSeanceStart ?? '') ||
            (b.lastSeanceStart ?? '').localeCompare(a.lastSeanceStart ?? '') ||
            a.name.localeCompare(b.name, 'fr'),
        )
    );
  };
}

function rank(film: UnscheduledFilm): number {
  if (film.nextSeanceStart === null && film.lastSeanceStart === null) return 0;
  return film.nextSeanceStart !== null ? 1 : 2;
}
