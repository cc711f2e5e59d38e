/**
 * Which venue this counter serves, from `offerer_venues`, cached so the counter starts offline.
 * With several venues reachable by the key, COUNTER_VENUE_ID chooses; otherwise the first cinema.
 */
import type { Logger } from 'pino';
import { z } from 'zod';
import { DEFAULT_TIME_ZONE, timeZoneForPostalCode } from '../../shared/dates';
import type { PlatformOffererVenues } from '../../shared/platform/schemas';
import type { SettingsStore } from './db/settings';
import type { Gateway } from './platform/gateway';

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

export interface ServedVenuesOptions {
  settings: SettingsStore;
  gateway: Gateway;
  /** COUNTER_VENUE_ID and the venues ticked in Réglages; none: the key's first cinema. */
  venueIds: number[] | undefined;
  logger: Logger;
}

/** The venues this counter serves, as the engine reads them: last time's at once, the platform's once it answers. */
export function createServedVenues({ settings, gateway, venueIds: chosenIds, logger }: ServedVenuesOptions) {
  let venues: Venue[] = cachedVenue(settings);
  // Refreshed in the background: the counter must start (and work from its cache) without the network.
  const refreshed = gateway('sync', (c) => c.getOffererVenues())
    .then((offerers) => {
      const chosen = chooseVenues(offerers, chosenIds);
      if (chosen.length > 0) {
        venues = chosen;
        rememberVenue(settings, chosen);
      } else logger.warn({ venueIds: chosenIds }, 'no venue reachable with this key matches');
    })
    .catch((error: unknown) => logger.warn({ err: String(error) }, 'venue refresh failed'));
  /** The venues to sync: chosen ones, or (first start) the key's cinema once the platform has named it. */
  async function venueIds(): Promise<number[]> {
    if (chosenIds?.length) return chosenIds;
    if (venues.length === 0) await refreshed;
    return venues.map((v) => v.id);
  }
  return {
    /** The venue the counter's screens, slips and reports name. */
    first: (): Venue | null => venues[0] ?? null,
    timeZone: () => venues[0]?.timeZone ?? DEFAULT_TIME_ZONE,
    venueIds,
    /** Settles once the background refresh is over (close waits for it). */
    refreshed,
  };
}

export type ServedVenues = ReturnType<typeof createServedVenues>;
