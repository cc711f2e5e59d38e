/**
 * Downloads into the local mirror: new bookings by id cursor (newBookings.ts), status changes with as few requests
 * as will do (statusRefresh.ts) — by venue where the platform lists a venue's bookings, film by film where it does
 * not (venueListing.ts) — and the programme (films, séances, posters cached on disk).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from 'pino';
import type { BookingCache, MirrorChanges } from '../db/bookingCache';
import { withRelaxedDurability } from '../db/durability';
import type { CounterDb } from '../db/open';
import type { Gateway } from '../platform/gateway';
import { PAGE, SYNC_TIMEOUT_MS } from './listingWalk';
import { isPlatformError } from '../platform/errors';
import { createNewBookings, VenuesUnreadable } from './newBookings';
import { createStatusRefresh } from './statusRefresh';
import type { Streams } from './streams';
import { createVenueListing } from './venueListing';

export interface MirrorSyncDeps {
  db: CounterDb;
  gateway: Gateway;
  cache: BookingCache;
  streams: Streams;
  venueIds: () => Promise<number[]>;
  clock: () => Date;
  posterDir: string;
  logger: Logger;
}

export function createMirrorSync(deps: MirrorSyncDeps) {
  const { db, gateway, cache, streams, logger } = deps;
  const now = () => deps.clock().toISOString();
  const listing = createVenueListing(db, deps.clock, logger);
  const walkDeps = { gateway, cache, now };
  const newBookings = createNewBookings({ ...walkDeps, db, streams, listing, logger });
  const statuses = createStatusRefresh({ ...walkDeps, db, streams, listing, clock: deps.clock, logger });

  /** New bookings since each cursor, into `changes` as pages come. */
  async function pullBookings(changes: MirrorChanges): Promise<void> {
    await newBookings.pull(await deps.venueIds(), changes);
  }

  /** Cancellations and validations made elsewhere show up as status changes; `force` reads everything due now. */
  async function refreshStatuses(changes: MirrorChanges, force = false): Promise<void> {
    await statuses.refresh(await deps.venueIds(), changes, force);
  }

  const upsertOffer = db.$client.prepare(
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
        const before = posterState.get(event.id) as { url: string | null; file: string | null } | undefined;
        // Re-downloadable: a relaxed commit (durability.ts).
        withRelaxedDurability(db.$client, () =>
          upsertOffer.run({
            offerId: event.id,
            venueId,
            name: event.name,
            description: event.description ?? null,
            durationMinutes: event.eventDuration ?? null,
            isDuo: event.enableDoubleBookings === false ? 0 : 1,
            status: event.status,
            posterUrl: event.image?.url ?? null,
            updatedAt: now(),
          }),
        );
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
      setPosterFile.run(file, offerId);
    } catch (error) {
      logger.warn({ offerId, err: String(error) }, 'poster not cached');
    }
  }

  return { pullBookings, refreshStatuses, pullProgramme };
}

export type MirrorSync = ReturnType<typeof createMirrorSync>;
