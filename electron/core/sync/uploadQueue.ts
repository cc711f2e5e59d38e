/**
 * The upload queue in SQLite: validations and undos waiting for the platform, in the order they happened.
 * Rows are added in the same transaction as their ledger row (see guichet.ts) and then only change state.
 */
import crypto from 'node:crypto';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { withRelaxedDurability } from '../db/durability';
import type { CounterDb } from '../db/open';
import { knownBookings, uploadQueue } from '../db/schema';

export type QueueRow = typeof uploadQueue.$inferSelect;
export type QueueAction = QueueRow['action'];

export function createUploadQueue(db: CounterDb, now: () => string) {
  const nextQuery = db
    .select()
    .from(uploadQueue)
    .where(inArray(uploadQueue.state, ['pending', 'sending']))
    .orderBy(asc(uploadQueue.id))
    .limit(1)
    .prepare();

  const unsentQuery = db
    .select({ id: uploadQueue.id })
    .from(uploadQueue)
    .where(and(eq(uploadQueue.token, sql.placeholder('token')), inArray(uploadQueue.state, ['pending', 'sending'])))
    .limit(1)
    .prepare();

  const pendingCount = db.$client
    .prepare("SELECT COUNT(*) FROM upload_queue WHERE state IN ('pending', 'sending')")
    .pluck();
  const conflictCount = db.$client.prepare("SELECT COUNT(*) FROM upload_queue WHERE state = 'conflict'").pluck();

  function update(id: number, set: Partial<QueueRow>): void {
    db.update(uploadQueue).set(set).where(eq(uploadQueue.id, id)).run();
  }

  return {
    /** Adds a row; call inside the ledger row's transaction. */
    add(entry: {
      ledgerId: number;
      action: QueueAction;
      token: string;
      bookingId: number | null;
      provisional: boolean;
      /**
       * Marked as being sent already (in the same transaction as its ledger row) when it is about to be sent at
       * once: saves the cashier a second wait for the disk, with the same crash semantics as markSending.
       */
      sendingNow?: boolean;
    }) {
      const { sendingNow, ...values } = entry;
      return db
        .insert(uploadQueue)
        .values({
          ...values,
          idempotencyKey: crypto.randomUUID(),
          state: sendingNow ? 'sending' : 'pending',
          attempts: sendingNow ? 1 : 0,
          lastAttemptAt: sendingNow ? now() : null,
          createdAt: now(),
        })
        .returning({ id: uploadQueue.id })
        .get().id;
    },

    /** The oldest unfinished row: the queue is sent strictly in order. */
    next(): QueueRow | undefined {
      return nextQuery.get();
    },

    byLedgerId(ledgerId: number): QueueRow | undefined {
      return db.select().from(uploadQueue).where(eq(uploadQueue.ledgerId, ledgerId)).get();
    },

    get(id: number): QueueRow | undefined {
      return db.select().from(uploadQueue).where(eq(uploadQueue.id, id)).get();
    },

    /** Persisted before the request leaves, so a crash mid-request is known at the next start. */
    markSending(row: QueueRow): void {
      update(row.id, { state: 'sending', attempts: row.attempts + 1, lastAttemptAt: now(), nextAttemptAt: null });
    },

    /** Relaxed durability: a lost "done" only makes the next start check the row again (durability.ts). */
    markDone(id: number, note: string | null = null): void {
      withRelaxedDurability(db.$client, () =>
        update(id, { state: 'done', doneAt: now(), note, reasonCode: null, reason: null }),
      );
    },

    /** Whether nothing older is waiting: a new row may then be sent at once, in order. */
    isIdle(): boolean {
      return nextQuery.get() === undefined;
    },

    markConflict(id: number, reasonCode: string, reason: string): void {
      update(id, { state: 'conflict', reasonCode, reason });
    },

    /** Back to pending after a failed attempt that may be retried. */
    markRetry(id: number, reason: string, nextAttemptAt: string, mayHaveReached: boolean): void {
      const set: Partial<QueueRow> = { state: 'pending', reason, nextAttemptAt };
      if (mayHaveReached) set.mayHaveReached = true;
      update(id, set);
    },

    /** At start-up: a row left `sending` by a crash may have reached the platform. */
    recoverInterrupted(): number {
      return db
        .update(uploadQueue)
        .set({ state: 'pending', mayHaveReached: true })
        .where(eq(uploadQueue.state, 'sending'))
        .run().changes;
    },

    retry(id: number): void {
      db.update(uploadQueue)
        .set({ state: 'pending', nextAttemptAt: null, reasonCode: null, reason: null })
        .where(and(eq(uploadQueue.id, id), eq(uploadQueue.state, 'conflict')))
        .run();
    },

    markHandled(id: number, comment: string): void {
      db.update(uploadQueue)
        .set({ state: 'handled', comment, doneAt: now() })
        .where(and(eq(uploadQueue.id, id), eq(uploadQueue.state, 'conflict')))
        .run();
    },

    /** Index-only counts (upload_queue_state_idx): this runs after every validation. */
    counts(): { pending: number; conflicts: number } {
      return { pending: pendingCount.get() as number, conflicts: conflictCount.get() as number };
    },

    /** Whether this counter has an action on `token` not sent yet (indexed: runs on every scan). */
    hasUnsent(token: string): boolean {
      return unsentQuery.get({ token }) !== undefined;
    },

    list(states: QueueRow['state'][], limit: number, newestFirst = false) {
      return db
        .select({
          row: uploadQueue,
          firstName: knownBookings.firstName,
          lastName: knownBookings.lastName,
          offerName: knownBookings.offerName,
        })
        .from(uploadQueue)
        .leftJoin(knownBookings, eq(knownBookings.bookingId, uploadQueue.bookingId))
        .where(inArray(uploadQueue.state, states))
        .orderBy(newestFirst ? desc(uploadQueue.id) : asc(uploadQueue.id))
        .limit(limit)
        .all();
    },

    /** For tests and the crash check: how many rows are in each state. */
    stateCounts(): Record<string, number> {
      const rows = db
        .select({ state: uploadQueue.state, n: sql<number>`count(*)` })
        .from(uploadQueue)
        .groupBy(uploadQueue.state)
        .all();
      return Object.fromEntries(rows.map((r) => [r.state, r.n]));
    },
  };
}

export type UploadQueue = ReturnType<typeof createUploadQueue>;
