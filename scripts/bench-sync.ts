/**
 * `npm run bench:sync`: the mirror and the upload queue at scale, each against its baseline, in one run.
 *   1. ingest 100,000 bookings into the mirror vs a bare better-sqlite3 bulk insert of the same rows;
 *   2. name search among those 100,000 bookings (median, p99);
 *   3. drain 500 queued validations against the sandbox enforcing 200 requests/min, vs the floor the limit
 *      sets, counting requests refused for rate (skip with BENCH_SKIP_DRAIN=1: it takes two minutes);
 *   4. memory with a real season: the engine in its own process (as the product runs it) after a full sync of
 *      100,000 bookings and 2,030 séances, its RSS (target ≤ 200 MB), and the engine round trip of a lookup for a
 *      mirrored booking then (target ≤ 2 ms median), the platform answering (skip with BENCH_SKIP_SEASON=1);
 *   5. requests per minute of one counter over a large cinema's evening, listing film by film (before) and by
 *      venue (after), in one run (benchSyncRate.ts; skip with BENCH_SKIP_RATE=1: about ten minutes).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { createBookingCache, normalizeForSearch } from '../electron/core/db/bookingCache';
import { openDatabase } from '../electron/core/db/open';
import { createStores } from '../electron/core/db/stores';
import { createStandings } from '../electron/core/counter/validationStanding';
import { createMirrorQueries } from '../electron/core/sync/mirrorQueries';
import { createCore } from '../electron/core';
import { ANY_SEANCE_WINDOW } from '../shared/seanceWindow';
import { startSandbox } from '../electron/sandbox';
import type { PlatformBooking } from '../shared/platform/schemas';
import { loadLine, startCounterProcess, startSandboxProcess } from './benchProcesses';
import { benchSyncRate } from './benchSyncRate';
import { ms, summary } from './stats';
import { addSandboxBooking, sandboxStats, setFaults, setRateLimit } from '../tests/support/sandboxControl';

const N = Number(process.env.BENCH_BOOKINGS ?? 100_000);
const PAGE = 50;
const FIRST = [
  'Élodie',
  'Anaïs',
  'Noël',
  'Chloé',
  'Loïc',
  'Jérôme',
  'Maëlle',
  'Hélène',
  'Zoé',
  'Françoise',
  'Léa',
  'Hugo',
];
// ~600 distinct surnames (a real audience is diverse: the commonest French surname is under 1 %).
const STEMS = [
  'Lef',
  'Bér',
  'Hér',
  'Dub',
  'Mart',
  'Gar',
  'Roux',
  'Fab',
  'Mor',
  'Lau',
  'Ben',
  'Pet',
  'Cham',
  'Vall',
  'Del',
  'Mich',
  'Gir',
  'Bon',
  'Fourn',
  'Leg',
];
const ENDS = [
  'èvre',
  'ard',
  'ault',
  'ois',
  'in',
  'çon',
  'ier',
  'el',
  'eau',
  'ent',
  'and',
  'et',
  'on',
  'ée',
  'ès',
  'y',
  'ot',
  'as',
  'ine',
  'ez',
  'ard-Ngô',
  'ic',
  'aud',
  'oux',
  'ais',
  'é',
  'ont',
  'ier-Da Silva',
  'enne',
  'in-Le Goff',
];
const LAST = STEMS.flatMap((stem) => ENDS.map((end) => stem + end));

function bookings(): PlatformBooking[] {
  return Array.from({ length: N }, (_, i) => ({
    id: i + 1,
    quantity: i % 7 === 0 ? 2 : 1,
    creationDate: '2026-11-20T10:00:00Z',
    confirmationDate: '2026-11-22T10:00:00Z',
    price: 700,
    status: 'CONFIRMED',
    offerId: 1 + (i % 40),
    stockId: 1 + (i % 400),
    priceCategoryId: 1,
    priceCategoryLabel: 'Tarif réduit',
    offerName: `Film ${i % 40}`,
    venueId: 1,
    venueName: 'Cinéma',
    userEmail: `u${i}@example.fr`,
    userFirstName: FIRST[(i * 31) % FIRST.length]!,
    userLastName: LAST[(i * 7919) % LAST.length]!,
  }));
}

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'guichet-bench-'));
}

function ingest(rows: PlatformBooking[]): { mirrorMs: number; bareMs: number; dir: string } {
  // Bare baseline: the same rows (the values the mirror stores, search keys included, computed beforehand)
  // into the same table, one prepared INSERT, one transaction.
  const stored = rows.map((b) => {
    const first = normalizeForSearch(b.userFirstName ?? '');
    const last = normalizeForSearch(b.userLastName ?? '');
    return [
      b.id,
      b.status,
      b.quantity,
      b.price,
      b.priceCategoryLabel,
      b.offerId,
      b.offerName,
      b.stockId,
      b.venueId,
      b.venueName,
      b.userFirstName,
      b.userLastName,
      b.confirmationDate,
      `${last} ${first}`,
      `${first} ${last}`,
      'now',
    ];
  });
  const bareDb = openDatabase(path.join(tempDir(), 'bare.sqlite'));
  const insert = bareDb.$client.prepare(
    `INSERT INTO known_bookings (booking_id, token, status, quantity, unit_price_cents, price_category_label, offer_id,
      offer_name, stock_id, venue_id, venue_name, first_name, last_name, confirmation_date, search_key,
      search_first_key, updated_at)
     VALUES (?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  let start = performance.now();
  bareDb.$client.transaction(() => {
    for (const values of stored) insert.run(...values);
  })();
  const bareMs = performance.now() - start;
  bareDb.$client.close();

  // The mirror's own path: normalised search keys, upsert keeping learnt tokens, change detection.
  const dir = tempDir();
  const db = openDatabase(path.join(dir, 'guichet.sqlite'));
  const cache = createBookingCache(db);
  start = performance.now();
  cache.mirror(rows, new Date().toISOString());
  const mirrorMs = performance.now() - start;
  db.$client.close();
  return { mirrorMs, bareMs, dir };
}

function pagedIngest(rows: PlatformBooking[]): number {
  const db = openDatabase(path.join(tempDir(), 'paged.sqlite'));
  const cache = createBookingCache(db);
  const start = performance.now();
  for (let i = 0; i < rows.length; i += PAGE) cache.mirror(rows.slice(i, i + PAGE), new Date().toISOString());
  const elapsed = performance.now() - start;
  db.$client.close();
  return elapsed;
}

function search(dir: string): ReturnType<typeof summary> {
  const db = openDatabase(path.join(dir, 'guichet.sqlite'));
  const stores = createStores(db, () => new Date().toISOString());
  const queries = createMirrorQueries({
    bookings: stores.bookingSearch,
    seances: stores.seances,
    offers: stores.offers,
    standings: createStandings(stores.counterActions),
    clock: () => new Date(),
    posterDir: dir,
  });
  const terms = [
    'lefevre',
    'HÉRAULT',
    'zoe',
    'da silva',
    'garcon',
    'noel ber',
    'goff',
    'maelle lau',
    'xyz',
    'ngo',
    'mart',
    'b',
  ];
  const samples: number[] = [];
  for (let i = 0; i < 300; i++) {
    const start = performance.now();
    queries.search(terms[i % terms.length]!, 'all', 50);
    samples.push(performance.now() - start);
  }
  db.$client.close();
  return summary(samples.slice(20));
}

async function drain(): Promise<void> {
  const COUNT = 500;
  const LIMIT = 200;
  const sandbox = await startSandbox();
  const dataDir = tempDir();
  const tokens: string[] = [];
  for (let i = 0; i < COUNT; i++) {
    tokens.push((await addSandboxBooking(sandbox.url)).token);
  }
  const core = (rateLimitPerMinute: number) =>
    createCore({
      dataDir,
      platform: { baseUrl: sandbox.url, apiKey: sandbox.apiKey },
      mode: 'live',
      counterName: 'Banc',
      logger: pino({ level: 'silent' }),
      syncPeriodMs: 0,
      rateLimitPerMinute,
      // The sandbox's bookings are for the coming séances, which may be tomorrow's at this hour: no séance check.
      seanceWindow: ANY_SEANCE_WINDOW,
    });
  // Preparation (not timed, no limit): the counter sees the 500 countermarks, then validates them offline.
  await setRateLimit(sandbox.url, null);
  const preparing = await core(1_000_000);
  for (const token of tokens) await preparing.dispatch('counter.lookup', { text: token });
  await setFaults(sandbox.url, { outage: 'reset' });
  await preparing.dispatch('counter.lookup', { text: tokens[0]! });
  for (const token of tokens) {
    const validation = await preparing.dispatch('counter.validate', { token });
    if (!validation.ok) throw new Error(`validation refused: ${validation.error.message}`);
  }
  await preparing.close();

  // Timed: the network is back and the platform enforces 200 requests per rolling minute. The preparation's
  // requests must first leave the platform's window, or they would count against the drain.
  await setFaults(sandbox.url, { outage: false });
  await new Promise((r) => setTimeout(r, 61_000));
  await setRateLimit(sandbox.url, LIMIT);
  const before = await sandboxStats(sandbox.url);
  const start = performance.now();
  const counter = await core(LIMIT);
  for (;;) {
    if ((await counter.call('status.get')).pendingUploads === 0) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  const elapsed = performance.now() - start;
  const after = await sandboxStats(sandbox.url);
  // A rolling 60-second window lets at most LIMIT requests through: request k starts no earlier than
  // 60 s × floor((k − 1) / LIMIT).
  const floor = 60_000 * Math.floor((COUNT - 1) / LIMIT);
  console.log(
    `Drain ${COUNT} queued validations at ${LIMIT} requests/min: ${(elapsed / 1000).toFixed(1)} s vs floor ` +
      `${(floor / 1000).toFixed(0)} s: ${(elapsed / floor).toFixed(3)}× (target ≤ 1.1); ` +
      `${after.total - before.total} requests, ${after.rateLimited - before.rateLimited} refused for rate`,
  );
  await counter.close();
  await sandbox.close();
}

const SEASON = { films: 58, seancesPerDay: 5, days: 7, bookings: 100_000 };
const SEASON_LOOKUPS = 200;

/** RSS of the engine process with a season mirrored, and its lookups then (each process on its own, as in use). */
async function season(): Promise<void> {
  const sandbox = await startSandboxProcess({ programme: SEASON });
  const counter = await startCounterProcess({
    platform: { baseUrl: sandbox.url, apiKey: sandbox.apiKey },
    rateLimitPerMinute: 1_000_000,
    backgroundShare: 1,
  });
  try {
    const before = (await counter.memory()).rss / 2 ** 20;
    const started = performance.now();
    // Sampled during the sync: where the peak is (V8's heap, or outside it: SQLite's cache, buffers).
    let peakHeap = { used: 0, total: 0, external: 0 };
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        const m = await counter.memory();
        peakHeap = {
          used: Math.max(peakHeap.used, m.heapUsed),
          total: Math.max(peakHeap.total, m.heapTotal),
          external: Math.max(peakHeap.external, m.external),
        };
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    })();
    const synced = await counter.dispatch('sync.now', {});
    const syncMs = performance.now() - started;
    sampling = false;
    await sampler;
    const status = await counter.dispatch('status.get', {});
    const memorySynced = await counter.memory();
    const afterSync = memorySynced.rss / 2 ** 20;
    // Bookings seen by this counter (mirrored with their token), looked up again: the mirror answers, the
    // platform confirms in the background.
    const tokens: string[] = [];
    for (let i = 0; i < SEASON_LOOKUPS + 10; i++) tokens.push((await addSandboxBooking(sandbox.url)).token);
    for (const token of tokens) await counter.dispatch('counter.lookup', { text: token });
    const times: number[] = [];
    for (const token of tokens.slice(10)) {
      const start = performance.now();
      const verdict = await counter.dispatch('counter.lookup', { text: token });
      times.push(performance.now() - start);
      if (!verdict.ok) throw new Error(`lookup failed: ${verdict.error.message}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const after = (await counter.memory()).rss / 2 ** 20;
    const l = summary(times);
    console.log(`Season mirrored in the engine's process (${loadLine()})`);
    console.log(
      `  full sync of ${SEASON.bookings.toLocaleString('en')} bookings and 2,030 séances: ` +
        `${(syncMs / 1000).toFixed(1)} s (${synced.ok && status.ok ? 'done' : 'failed'})`,
    );
    console.log(
      `  engine RSS: ${before.toFixed(0)} MB at start, ${afterSync.toFixed(0)} MB after the sync ` +
        `(peak during it ${(memorySynced.peakRss / 2 ** 20).toFixed(0)} MB), ` +
        `${after.toFixed(0)} MB after ${SEASON_LOOKUPS} lookups (target ≤ 200 MB)`,
    );
    // Where it went: V8's heap (used of allocated), and memory outside it (SQLite's page cache, buffers).
    const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
    console.log(
      `    after the sync: V8 heap ${mb(memorySynced.heapUsed)} used of ${mb(memorySynced.heapTotal)}, ` +
        `external ${mb(memorySynced.external)} (array buffers ${mb(memorySynced.arrayBuffers)})`,
    );
    console.log(
      `    during the sync (sampled every 250 ms): V8 heap up to ${mb(peakHeap.used)} used of ` +
        `${mb(peakHeap.total)}, external up to ${mb(peakHeap.external)}`,
    );
    console.log(
      `  engine round trip of a lookup, booking in the mirror: median ${ms(l.median)}, p99 ${ms(l.p99)} ` +
        `(target ≤ 2 ms median)`,
    );
  } finally {
    await counter.close();
    await sandbox.close();
  }
}

async function main(): Promise<void> {
  if (process.env.BENCH_ONLY_SEASON) return season();
  const rows = bookings();
  // Three alternated rounds; medians, so one noisy moment on a shared machine does not decide.
  const rounds = [ingest(rows), ingest(rows), ingest(rows)];
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[1]!;
  const mirrorMs = median(rounds.map((r) => r.mirrorMs));
  const bareMs = median(rounds.map((r) => r.bareMs));
  const dir = rounds[0]!.dir;
  console.log(
    `Ingest ${N} bookings (median of 3): mirror ${ms(mirrorMs)}, bare better-sqlite3 bulk insert ${ms(bareMs)}: ` +
      `ratio ${(mirrorMs / bareMs).toFixed(2)}× (target ≤ 1.5)`,
  );
  console.log(`  as sync does it, one transaction per page of ${PAGE}: ${ms(pagedIngest(rows))}`);
  const s = search(dir);
  console.log(`Name search among ${N}: median ${ms(s.median)}, p99 ${ms(s.p99)} (target p99 ≤ 20 ms)`);
  if (!process.env.BENCH_SKIP_DRAIN) await drain();
  if (!process.env.BENCH_SKIP_SEASON) await season();
  if (!process.env.BENCH_SKIP_RATE) await benchSyncRate();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
