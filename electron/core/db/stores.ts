/**
 * Every store of the counter's database, made once for the engine (index.ts). Capability modules receive the
 * stores they need, never the database handle: each table's SQL lives in one module of this folder, where the
 * schema, the indexes and the queries that depend on them can be read together.
 */
import crypto from 'node:crypto';
import type { Logger } from 'pino';
import { takeDailyBackup } from './backups';
import { createBookingCache } from './bookingCache';
import { createBookingFacts } from './bookingFacts';
import { createBookingSearch } from './bookingSearch';
import { createCounterActions } from './counterActions';
import { flushAfterRelaxedWrites } from './durability';
import { createHandoverStore } from './handover';
import { createLedger } from './ledger';
import { createOfferStore } from './offers';
import { createReplicaSink, createReplicaSource } from './replica';
import { closeDatabase, openDatabase, type CounterDb } from './open';
import { createJobStore } from './printJobs';
import { createRetention } from './retention';
import { createSeanceStore } from './seances';
import { createSettingsStore } from './settings';
import { createStaffStore } from './staffStore';
import { createStreams } from './syncStreams';
import { createUploadQueue } from './uploadQueue';
import { startWalCheckpointer } from './walCheckpointer';
import { startWalFlusher } from './walFlusher';

/** `counterName` names this counter on the rows that carry it (print jobs); null in tools and tests. */
export function createStores(
  db: CounterDb,
  now: () => string,
  runId: string = crypto.randomUUID(),
  counterName: string | null = null,
) {
  return {
    ledger: createLedger(db),
    /** Bookings and séances as the scan path reads and writes them. */
    cache: createBookingCache(db),
    bookingSearch: createBookingSearch(db),
    bookingFacts: createBookingFacts(db),
    counterActions: createCounterActions(db),
    queue: createUploadQueue(db, now, runId),
    streams: createStreams(db, now),
    offers: createOfferStore(db),
    seances: createSeanceStore(db),
    printJobs: createJobStore(db, counterName),
    settings: createSettingsStore(db),
    /** A main counter's mirror and actions read for its secondaries, and a secondary's replica (issue 14). */
    replicaSource: createReplicaSource(db),
    replicaSink: createReplicaSink(db),
    handover: createHandoverStore(db),
    /** The team, their PIN hashes and the staff audit (issue 15). */
    staff: createStaffStore(db),
    /**
     * For a bulk writer between its writes (a sync's pages, a secondary's replica pages): waits for a checkpoint once
     * the WAL has grown large, so it starts over (walCheckpointer.ts). Nothing to wait for without the engine's
     * checkpointer.
     */
    walCatchUp: (): Promise<void> => Promise.resolve(),
    /** False once the database is closed: work spread over several turns of the event loop stops there. */
    isOpen: (): boolean => db.$client.open,
    /** A copy of the database taken in the background (backups.ts). */
    dailyBackup: (dataDir: string, at: Date) => takeDailyBackup(db.$client, dataDir, at),
    /** The retention purge and its settings (retention.ts). */
    retention: (deps: { dataDir: string; clock: () => Date; logger: Logger }) => createRetention({ db, ...deps }),
  };
}

/**
 * Opens the database file (open.ts: pragmas, integrity, migrations) and makes its stores, with WAL checkpoints in a
 * worker thread (walCheckpointer.ts) and the WAL flushed in the background after the relaxed writes that ask for
 * it (walFlusher.ts, durability.ts); `close` stops both, lets SQLite refresh its statistics and closes the file.
 * The engine holds nothing else of the database.
 */
export function openStores(
  file: string,
  clock: () => Date,
  counterName: string,
  logger: Logger,
): Stores & { close(): Promise<void> } {
  const db = openDatabase(file, undefined, { now: clock });
  try {
    const flusher = startWalFlusher(file, logger);
    flushAfterRelaxedWrites(db.$client, flusher.flushSoon);
    const stores = createStores(db, () => clock().toISOString(), undefined, counterName);
    const checkpointer = startWalCheckpointer(db.$client, file, logger);
    return {
      ...stores,
      walCatchUp: () => checkpointer.catchUp(),
      close: async () => {
        await flusher.stop();
        await checkpointer.stop();
        closeDatabase(db);
      },
    };
  } catch (error) {
    // A statement that cannot be prepared (a schema the migrations did not bring): the file is released at once.
    closeDatabase(db);
    throw error;
  }
}

export type Stores = ReturnType<typeof createStores>;
