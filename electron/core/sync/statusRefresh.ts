/**
 * Booking statuses that change on the platform (a cancellation, a validation at another counter or on the pro web
 * site, the platform's own "used" 48 h after a séance), brought into the mirror with as few requests as will do.
 *
 * By venue (the 2026 listing), each pass (one per sync cycle) spends at most a few requests:
 *  - a sweep of the venue's still-CONFIRMED bookings (`venueId&status=CONFIRMED`, one page a pass, by id cursor,
 *    round and round): a booking the mirror holds as CONFIRMED in the page's id range that the page does not list
 *    has changed — its séance is then read (`venueId&stockId`). This covers every booking of the week, a 2,000-
 *    booking venue in 40 pages, whatever the number of films and séances;
 *  - the séances at the door (started up to 20 min ago or starting within the hour) once a minute, the rest from an
 *    hour ago to three hours ahead every 3 minutes, one request per start time for all the films and tariffs that
 *    start then (`venueId&beginningDatetime`), most overdue first.
 * "Synchroniser maintenant" (force) reads the whole sweep and every séance of that window at once.
 *
 * Film by film (a platform that refuses `venueId`), it is the earlier way, unchanged: every 60 s, each stock from an
 * hour ago to three hours ahead and ten later ones (`offerId&stockId`).
 */
import type { Logger } from 'pino';
import type { MirrorChanges } from '../db/bookingCache';
import type { BookingFacts } from '../db/bookingFacts';
import type { SeanceStore } from '../db/seances';
import { isPlatformError } from '../platform/errors';
import { PAGE, listPage, merge, walk, type WalkDeps } from './listingWalk';
import type { Streams } from '../db/syncStreams';
import { checkVenuePage, type VenueListing } from './venueListing';

const MINUTE = 60_000;
/**
 * Requests a pass may spend on séances and changed bookings (the sweep's page aside); a pass every 30 s, so with the
 * new-bookings walk, the sweep and the programme a counter stays under 20 requests a minute for a large cinema.
 */
export const REQUESTS_PER_PASS = 5;
/** A forced sweep stops there (5,000 confirmed bookings); the next passes go on from its cursor. */
const FORCED_SWEEP_PAGES = 100;
const WINDOW_BEFORE_MS = 60 * MINUTE;
const WINDOW_AFTER_MS = 3 * 60 * MINUTE;
const DOOR_BEFORE_MS = 20 * MINUTE;
const DOOR_AFTER_MS = 60 * MINUTE;
const DOOR_MAX_AGE_MS = MINUTE;
const WINDOW_MAX_AGE_MS = 3 * MINUTE;
/** Passes do not come exactly 30 s apart: a group this close to its age is due now rather than a pass later. */
const SLACK_MS = 5_000;
// The earlier, film-by-film way.
const LEGACY_EVERY_MS = MINUTE;
const HORIZON_MS = 7 * 24 * 60 * MINUTE;
const LEGACY_LATER_PER_PASS = 10;

export const sweepCursor = (venueId: number) => `statuses:venue:${venueId}`;

export interface StatusRefreshDeps extends WalkDeps {
  seances: Pick<SeanceStore, 'startGroups' | 'startingBetween'>;
  facts: Pick<BookingFacts, 'confirmedInRange'>;
  streams: Streams;
  listing: VenueListing;
  clock: () => Date;
  logger: Logger;
}

interface Group {
  venueId: number;
  start: string;
  startMs: number;
}

export function createStatusRefresh(deps: StatusRefreshDeps) {
  const { seances, facts, streams, clock, logger } = deps;
  /** When each (venue, séance start) was last read. In memory: after a restart everything is due once. */
  const lastRead = new Map<string, number>();
  /** Séances holding a booking the sweep found changed, read first by the next pass (`venueId:stockId`). */
  const changedStocks = new Set<string>();
  let lastLegacyPass = Number.NEGATIVE_INFINITY;
  let legacyLaterOffset = 0;

  /** One page of the sweep; true when it reached the end (the next pass starts over). */
  async function sweepPage(venueId: number, changes: MirrorChanges): Promise<boolean> {
    const from = deps.streams.cursor(sweepCursor(venueId)) ?? 1;
    const page = await listPage(deps, { venueId, status: 'CONFIRMED' }, from);
    checkVenuePage(venueId, page);
    // As the walks do (listingWalk.ts): the guichet's calls first, and a WAL that may start over.
    await deps.beforePageWrite?.();
    merge(changes, deps.cache.mirror(page, deps.now()));
    const full = page.length === PAGE;
    const upTo = full ? (page.at(-1)?.id ?? from) : Number.MAX_SAFE_INTEGER;
    const listed = new Set(page.map((b) => b.id));
    const rows = facts.confirmedInRange(venueId, from, upTo);
    for (const row of rows) if (!listed.has(row.bookingId)) changedStocks.add(`${venueId}:${row.stockId}`);
    streams.setCursor(sweepCursor(venueId), full ? upTo + 1 : 1);
    return !full;
  }

  /** The (venue, start) groups of the window that are due, most overdue first. */
  function dueGroups(venueIds: number[], now: number, force: boolean): Group[] {
    const rows = seances.startGroups(
      venueIds,
      new Date(now - WINDOW_BEFORE_MS).toISOString(),
      new Date(now + WINDOW_AFTER_MS).toISOString(),
    );
    const scored = rows.map((row) => {
      const startMs = Date.parse(row.start);
      const atTheDoor = startMs >= now - DOOR_BEFORE_MS && startMs <= now + DOOR_AFTER_MS;
      const maxAge = atTheDoor ? DOOR_MAX_AGE_MS : WINDOW_MAX_AGE_MS;
      const age = now - (lastRead.get(`${row.venueId}|${row.start}`) ?? Number.NEGATIVE_INFINITY);
      return { group: { ...row, startMs }, due: force || age >= maxAge - SLACK_MS, overdue: age / maxAge };
    });
    return scored
      .filter((s) => s.due)
      .sort((a, b) => b.overdue - a.overdue || Math.abs(a.group.startMs - now) - Math.abs(b.group.startMs - now))
      .map((s) => s.group);
  }

  async function byVenue(venueIds: number[], changes: MirrorChanges, force: boolean): Promise<void> {
    const readable: number[] = [];
    for (const venueId of venueIds) {
      try {
        for (let page = 0; page < (force ? FORCED_SWEEP_PAGES : 1); page++) {
          if (await sweepPage(venueId, changes)) break;
        }
        readable.push(venueId);
      } catch (error) {
        // Said by the new-bookings walk (VenuesUnreadable); the other venues go on.
        if (!isPlatformError(error) || error.code !== 'venue_unknown') throw error;
      }
    }
    let budget = force ? Number.POSITIVE_INFINITY : REQUESTS_PER_PASS;
    for (const key of [...changedStocks]) {
      if (budget <= 0) return;
      const [venueId, stockId] = key.split(':').map(Number) as [number, number];
      budget -= await walk(deps, { venueId, stockId }, 1, changes);
      changedStocks.delete(key);
    }
    const now = clock().getTime();
    for (const group of dueGroups(readable, now, force)) {
      if (budget <= 0) return;
      budget -= 1; // a refused request counts too; the pages after the first are counted below
      try {
        budget -= (await walk(deps, { venueId: group.venueId, beginningDatetime: group.start }, 1, changes)) - 1;
      } catch (error) {
        // One séance the platform will not read (a 400 on its start) must not stop the others.
        if (!isPlatformError(error) || (error.status !== 400 && error.status !== 422)) throw error;
        logger.warn({ venueId: group.venueId, start: group.start, status: error.status }, 'séance bookings refused');
      }
      lastRead.set(`${group.venueId}|${group.start}`, now);
    }
  }

  /** The earlier way, for a platform without the venue listing: unchanged, so it behaves as it always did. */
  function legacySeances(now: number): { stockId: number; offerId: number }[] {
    const rows = seances.startingBetween(
      new Date(now - WINDOW_BEFORE_MS).toISOString(),
      new Date(now + HORIZON_MS).toISOString(),
    );
    const urgentUntil = new Date(now + WINDOW_AFTER_MS).toISOString();
    const urgent = rows.filter((r) => r.start <= urgentUntil);
    const later = rows.filter((r) => r.start > urgentUntil);
    if (legacyLaterOffset >= later.length) legacyLaterOffset = 0;
    const slice = later.slice(legacyLaterOffset, legacyLaterOffset + LEGACY_LATER_PER_PASS);
    legacyLaterOffset += LEGACY_LATER_PER_PASS;
    return [...urgent, ...slice];
  }

  async function byOffer(changes: MirrorChanges, force: boolean): Promise<void> {
    const now = clock().getTime();
    if (!force && now - lastLegacyPass < LEGACY_EVERY_MS) return;
    for (const { stockId, offerId } of legacySeances(now)) {
      try {
        await walk(deps, { offerId, stockId }, 1, changes);
      } catch (error) {
        if (!isPlatformError(error) || error.code !== 'offer_unknown') throw error;
      }
    }
    lastLegacyPass = now;
  }

  return {
    /** One pass into `changes`; `force` for "Synchroniser maintenant". */
    refresh(venueIds: number[], changes: MirrorChanges, force: boolean): Promise<void> {
      return deps.listing.mode() === 'venue' ? byVenue(venueIds, changes, force) : byOffer(changes, force);
    },
  };
}
