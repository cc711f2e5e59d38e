/**
 * The rows a sync announces are read in slices (a first sync brings every booking): the same rows in the same order
 * as one read, with turns of the event loop between slices so scans are answered meanwhile.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBookingCache } from '../../../electron/core/db/bookingCache';
import { openDatabase, type CounterDb } from '../../../electron/core/db/open';
import { createStores } from '../../../electron/core/db/stores';
import { createStandings } from '../../../electron/core/counter/validationStanding';
import { createMirrorQueries } from '../../../electron/core/sync/mirrorQueries';
import type { PlatformBooking } from '../../../shared/platform/schemas';

const COUNT = 1_234;

function booking(id: number): PlatformBooking {
  return {
    id,
    quantity: 1 + (id % 2),
    creationDate: '2026-11-20T10:00:00Z',
    confirmationDate: '2026-11-22T10:00:00Z',
    price: 700,
    status: id % 5 === 0 ? 'CANCELLED' : 'CONFIRMED',
    offerId: 1 + (id % 4),
    stockId: 1 + (id % 9),
    priceCategoryId: 1,
    priceCategoryLabel: 'Tarif réduit',
    offerName: `Film ${id % 4}`,
    venueId: 1,
    venueName: 'Cinéma',
    userEmail: `u${id}@example.fr`,
    userFirstName: 'Zoé',
    userLastName: `Lefèvre ${id}`,
  };
}

let db: CounterDb | null = null;
let dir: string | null = null;
afterEach(() => {
  db?.$client.close();
  db = null;
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  dir = null;
});

function mirrored(): ReturnType<typeof createMirrorQueries> {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'guichet-slices-'));
  db = openDatabase(path.join(dir, 'guichet.sqlite'));
  createBookingCache(db).mirror(
    Array.from({ length: COUNT }, (_, i) => booking(i + 1)),
    '2026-11-22T10:00:00Z',
  );
  const stores = createStores(db, () => '2026-11-22T12:00:00.000Z');
  return createMirrorQueries({
    bookings: stores.bookingSearch,
    seances: stores.seances,
    offers: stores.offers,
    standings: createStandings(stores.counterActions),
    clock: () => new Date('2026-11-22T12:00:00Z'),
    posterDir: dir,
  });
}

describe('rows of many bookings, read in slices', () => {
  it('gives the same rows in the same order as one read, whatever the order and repeats of the ids', async () => {
    const queries = mirrored();
    // Shuffled (deterministically), with repeats and an id the mirror does not hold.
    const ids = Array.from({ length: COUNT }, (_, i) => ((i * 7919) % COUNT) + 1).concat([3, 600, 99_999]);
    const sliced = await queries.byIdsInSlices(ids, () => true);
    expect(sliced).toHaveLength(COUNT);
    expect(sliced).toEqual(queries.byIds(ids));
    expect(await queries.byIdsInSlices([], () => true)).toEqual([]);
  });

  it('lets the event loop turn between slices, and stops once the database has closed', async () => {
    const queries = mirrored();
    const ids = Array.from({ length: COUNT }, (_, i) => i + 1);
    let turned = false;
    setImmediate(() => (turned = true));
    const reading = queries.byIdsInSlices(ids, () => true);
    expect(turned).toBe(false);
    await reading;
    expect(turned).toBe(true);

    let open = true;
    const closing = queries.byIdsInSlices(ids, () => open);
    open = false;
    const partial = await closing;
    expect(partial.length).toBeGreaterThan(0);
    expect(partial.length).toBeLessThan(COUNT);
  });
});
