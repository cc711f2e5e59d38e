/**
 * Downloads into the local mirror: new bookings by id cursor (newBookings.ts), status changes with as few requests
 * as will do (statusRefresh.ts) — by venue where the platform lists a venue's bookings, film by film where it does
 * not (venueListing.ts) — and the programme (films, séances, posters cached on disk).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from 'pino';
import type { BookingCache, MirrorChanges } from '../db/bookingCache';
import type { BookingFacts } from '../db/bookingFacts';
import type { OfferStore } from '../db/offers';
import type { SeanceStore } from '../db/seances';
import type { SettingsStore } from '../db/settings';
import type { Gateway } from '../platform/gateway';
import { PAGE, SYNC_TIMEOUT_MS } from './listingWalk';
import { isPlatformError } from '../platform/errors';
import { createNewBookings, VenuesUnreadable } from './newBookings';
import { createStatusRefresh } from './statusRefresh';
import type { Streams } from '../db/syncStreams';
import { createVenueListing } from './venueListing';

export interface MirrorSyncDeps {
  offers: OfferStore;
  seances: SeanceStore;
  facts: BookingFacts;
  /** Where the platform's refusal of the venue listing is remembered (venueListing.ts). */
  settings: SettingsStore;
  gateway: Gateway;
  cache: BookingCache;
  streams: Streams;
  venueIds: () => Promise<number[]>;
  clock: () => Date;
  /**
   * Before each page is mirrored: the guichet's calls first (foreground.ts), and a WAL that grew without a pause
   * let start over (walCheckpointer.ts catchUp).
   */
  beforePageWrite?: () => Promise<void>;
  posterDir: string;
  logger: Logger;
}

export function createMirrorSync(deps: MirrorSyncDeps) {
  const { offers, gateway, cache, streams, logger } = deps;
  const now = () => deps.clock().toISOString();
  const listing = createVenueListing(deps.settings, deps.clock, logger);
  const walkDeps = { gateway, cache, now, beforePageWrite: deps.beforePageWrite };
  const newBookings = createNewBookings({ ...walkDeps, offers, streams, listing, logger });
  const statuses = createStatusRefresh({
    ...walkDeps,
    seances: deps.seances,
    facts: deps.facts,
    streams,
    listing,
    clock: deps.clock,
    logger,
  });

  /** New bookings since each cursor, into `changes` as pages come. */
  async function pullBookings(changes: MirrorChanges): Promise<void> {
    await newBookings.pull(await deps.venueIds(), changes);
  }

  /** Cancellations and validations made elsewhere show up as status changes; `force` reads everything due now. */
  async function refreshStatuses(changes: MirrorChanges, force = false): Promise<void> {
    await statuses.refresh(await deps.venueIds(), changes, force);
  }

  /** Films of each venue (all of them: there are few, and their status changes) and their séances. */
  async function pullProgramme(): Promise<void> {
    const failures: { venueId: number; error: unknown }[] = [];
    for (const venueId of await deps.venueIds()) {
      try {
        await pullVenueProgramme(venueId);
      } catch (error) {
        if (!isPlatformError(error) || error.code !== 'venue_unknown') throw error;
        failures.push({ venueId, error });
      }
    }
    if (failures.length > 0) throw new VenuesUnreadable(failures);
  }

  async function pullVenueProgramme(venueId: number): Promise<void> {
    for (let cursor = 1; ;) {
      const events = await gateway('sync', (c) =>
        c.listEvents(venueId, { firstIndex: cursor, limit: PAGE }, { timeoutMs: SYNC_TIMEOUT_MS }),
      );
      for (const event of events) {
        const before = offers.poster(event.id);
        offers.upsertPulled(event, venueId, now());
        await pullDates(event.id);
        if (event.image?.url && (before?.url !== event.image.url || !before.file)) {
          await cachePoster(event.id, event.image.url);
        }
      }
      const last = events.at(-1);
      if (!last || events.length < PAGE) break;
      cursor = last.id + 1;
    }
  }

  async function pullDates(offerId: number): Promise<void> {
    for (let cursor = 1; ;) {
      const dates = await gateway('sync', (c) =>
        c.getEventDates(offerId, { firstIndex: cursor, limit: PAGE }, { timeoutMs: SYNC_TIMEOUT_MS }),
      );
      cache.rememberSeances(offerId, dates, now());
      const last = dates.at(-1);
      if (!last || dates.length < PAGE) break;
      cursor = last.id + 1;
    }
  }

  /** Posters are cached on disk so the programme shows offline; a failure only costs the picture. */
  async function cachePoster(offerId: number, url: string): Promise<void> {
    try {
      const image = await gateway('sync', (c) => c.fetchImage(url, { timeoutMs: SYNC_TIMEOUT_MS }));
      const extension = image.contentType.split('/')[1]?.replace('jpeg', 'jpg') ?? 'img';
      const file = `${offerId}.${extension}`;
      fs.mkdirSync(deps.posterDir, { recursive: true });
      fs.writeFileSync(path.join(deps.posterDir, file), image.bytes);
      offers.setPosterFile(offerId, file);
    } catch (error) {
      logger.warn({ offerId, err: String(error) }, 'poster not cached');
    }
  }

  return { pullBookings, refreshStatuses, pullProgramme };
}

export type MirrorSync = ReturnType<typeof createMirrorSync>;
