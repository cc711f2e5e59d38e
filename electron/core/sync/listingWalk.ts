/**
 * The booking listing, walked: `GET /public/bookings/v1/bookings` pages by id (`firstIndex` = last id + 1, 50 a page,
 * a short page is the last). Every sync pass that reads bookings goes through here, so each page is mirrored in its
 * own transaction and counted the same way.
 */
import type { BookingCache, MirrorChanges } from '../db/bookingCache';
import type { ListBookingsQuery } from '../platform/client';
import type { Gateway } from '../platform/gateway';
import type { PlatformBooking } from '../../../shared/platform/schemas';

export const PAGE = 50;
export const SYNC_TIMEOUT_MS = 10_000;

export type ListingFilter = Omit<ListBookingsQuery, 'firstIndex' | 'limit'>;

export function emptyChanges(): MirrorChanges {
  return { added: [], changed: [] };
}

export function merge(into: MirrorChanges, from: MirrorChanges): MirrorChanges {
  into.added.push(...from.added);
  into.changed.push(...from.changed);
  return into;
}

export interface WalkDeps {
  gateway: Gateway;
  cache: BookingCache;
  now: () => string;
  /**
   * Before each page is mirrored: the guichet's calls first (foreground.ts), and a WAL that grew without a pause
   * let start over (walCheckpointer.ts catchUp).
   */
  beforePageWrite?: () => Promise<void>;
}

/** One page from `firstIndex`, as the platform answers it (the caller mirrors it). */
export async function listPage(deps: WalkDeps, filter: ListingFilter, firstIndex: number): Promise<PlatformBooking[]> {
  return deps.gateway('sync', (c) =>
    c.listBookings({ ...filter, firstIndex, limit: PAGE }, { timeoutMs: SYNC_TIMEOUT_MS }),
  );
}

/**
 * Walks a listing from `firstIndex` to its end, mirroring each page into `changes` as it comes (a later failure
 * loses nothing already mirrored); `check` may refuse a page before it is mirrored, `onPage` hears the next cursor
 * after each one (to save it, so an interrupted walk resumes there). Resolves with the number of requests made.
 */
export async function walk(
  deps: WalkDeps,
  filter: ListingFilter,
  firstIndex: number,
  changes: MirrorChanges,
  hooks: { check?: (page: PlatformBooking[]) => void; onPage?: (next: number) => void } = {},
): Promise<number> {
  let requests = 0;
  for (let cursor = firstIndex; ;) {
    const page = await listPage(deps, filter, cursor);
    requests += 1;
    hooks.check?.(page);
    await deps.beforePageWrite?.();
    merge(changes, deps.cache.mirror(page, deps.now()));
    const last = page.at(-1);
    if (!last) break;
    cursor = last.id + 1;
    hooks.onPage?.(cursor);
    if (page.length < PAGE) break;
  }
  return requests;
}
