/**
 * Downloads into the local mirror: new bookings by id cursor, status changes of the séances that matter now
 * (most urgent first), and the programme (films, séances, posters cached on disk).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from 'pino';
import type { BookingCache, MirrorChanges } from '../db/bookingCache';
import { withRelaxedDurability } from '../db/durability';
import type { CounterDb } from '../db/open';
import type { Gateway } from '../platform/gateway';
import type { Streams } from './streams';

const PAGE = 50;
const SYNC_TIMEOUT_MS = 10_000;
/** Séances refreshed every cycle: from an hour ago to three hours ahead; later ones a slice at a time. */
const URGENT_BEFORE_MS = 60 * 60_000;
const URGENT_AFTER_MS = 3 * 60 * 60_000;
const HORIZON_MS = 7 * 24 * 60 * 60_000;
const LATER_PER_CYCLE = 10;

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

function merge(into: MirrorChanges, from: MirrorChanges): void {
  into.added.push(...from.added);
  into.changed.push(...from.changed);
}

export function createMirrorSync(deps: MirrorSyncDeps) {
  const { db, gateway, cache, streams, logger } = deps;
  const now = () => deps.clock().toISOString();
  let laterOffset = 0;

  /**
   * New bookings of each film of the counter's venues since its stored cursor (the listing needs an offerId:
   * OpenAPI `GET /public/bookings/v1/bookings`). The cursor is saved page by page, so sync resumes.
   */
  async function pullBookings(): Promise<MirrorChanges> {
    const changes: MirrorChanges = { added: [], changed: [] };
    const offerIds = (
      db.$client
        .prepare(
          'SELECT offer_id AS id FROM offers WHERE venue_id IN (SELECT value FROM json_each(?)) ORDER BY offer_id',
        )
        .all(JSON.stringify(await deps.venueIds())) as { id: number }[]
    ).map((r) => r.id);
    for (const offerId of offerIds) {
      const name = `bookings:${offerId}`;
      let cursor = streams.cursor(name) ?? 1;
      for (;;) {
        const page = await gateway('sync', (c) =>
          c.listBookings({ offerId, firstIndex: cursor, limit: PAGE }, { timeoutMs: SYNC_TIMEOUT_MS }),
        );
        merge(changes, cache.mirror(page, now()));
        const last = page.at(-1);
        if (!last) break;
        cursor = last.id + 1;
        streams.setCursor(name, cursor);
        if (page.length < PAGE) break;
      }
    }
    return changes;
  }

  /** The séances whose bookings to refresh this cycle, most urgent first. */
  function seancesToRefresh(): { stockId: number; offerId: number }[] {
    const t = deps.clock().getTime();
    const rows = db.$client
      .prepare(
        `SELECT s.stock_id AS stockId, s.offer_id AS offerId, s.beginning_datetime AS start FROM seances s
         WHERE s.beginning_datetime >= ? AND s.beginning_datetime <= ? ORDER BY s.beginning_datetime, s.stock_id`,
      )
      .all(new Date(t - URGENT_BEFORE_MS).toISOString(), new Date(t + HORIZON_MS).toISOString()) as {
      stockId: number;
      offerId: number;
      start: string;
    }[];
    const urgentUntil = new Date(t + URGENT_AFTER_MS).toISOString();
    const urgent = rows.filter((r) => r.start <= urgentUntil);
    const later = rows.filter((r) => r.start > urgentUntil);
    if (laterOffset >= later.length) laterOffset = 0;
    const slice = later.slice(laterOffset, laterOffset + LATER_PER_CYCLE);
    laterOffset += LATER_PER_CYCLE;
    return [...urgent, ...slice];
  }

  /** Cancellations and validations made elsewhere show up as status changes in the séance's bookings. */
  async function refreshStatuses(): Promise<MirrorChanges> {
    const changes: MirrorChanges = { added: [], changed: [] };
    for (const { stockId, offerId } of seancesToRefresh()) {
      for (let cursor = 1; ;) {
        const page = await gateway('sync', (c) =>
          c.listBookings({ offerId, stockId, firstIndex: cursor, limit: PAGE }, { timeoutMs: SYNC_TIMEOUT_MS }),
        );
        merge(changes, cache.mirror(page, now()));
        const last = page.at(-1);
        if (!last || page.length < PAGE) break;
        cursor = last.id + 1;
      }
    }
    return changes;
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
    for (const venueId of await deps.venueIds()) {
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
