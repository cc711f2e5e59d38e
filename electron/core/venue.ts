/**
 * Which venue this counter serves, from `offerer_venues`, cached so the counter starts offline.
 * With several venues reachable by the key, COUNTER_VENUE_ID chooses; otherwise the first cinema.
 */
import { z } from 'zod';
import { timeZoneForPostalCode } from '../../shared/dates';
import type { PlatformOffererVenues } from '../../shared/platform/schemas';
import type { SettingsStore } from './db/settings';

export const venueSchema = z.object({ id: z.number().int(), name: z.string(), timeZone: z.string() });
export type Venue = z.infer<typeof venueSchema>;

const VENUES_KEY = 'venues';

/** The venues chosen last time (the counter starts with them offline). */
export function cachedVenue(settings: SettingsStore): Venue[] {
  return settings.read(VENUES_KEY, z.array(venueSchema)) ?? [];
}

export function chooseVenue(offerers: PlatformOffererVenues, venueId: number | undefined): Venue | null {
  const venues = offerers.flatMap((o) => o.venues).filter((v) => v.location.type !== 'digital');
  const chosen =
    venueId !== undefined
      ? venues.find((v) => v.id === venueId)
      : (venues.find((v) => v.activityDomain === 'MOVIE') ?? venues[0]);
  if (!chosen) return null;
  const postalCode = 'postalCode' in chosen.location ? chosen.location.postalCode : null;
  return { id: chosen.id, name: chosen.publicName ?? chosen.legalName, timeZone: timeZoneForPostalCode(postalCode) };
}

/** The venues among those the key reaches: the chosen ids in their order, or by default the first cinema. */
export function chooseVenues(offerers: PlatformOffererVenues, venueIds: number[] | undefined): Venue[] {
  if (!venueIds?.length) {
    const one = chooseVenue(offerers, undefined);
    return one ? [one] : [];
  }
  return venueIds.map((id) => chooseVenue(offerers, id)).filter((v): v is Venue => v !== null);
}

export function rememberVenue(settings: SettingsStore, venues: Venue[]): void {
  settings.write(VENUES_KEY, venues);
}
