/**
 * The upload queue in SQLite: validations and undos waiting for the platform, in the order they happened.
 * Rows are added in the same transaction as their ledger row (see guichet.ts) and then only change state.
 *
 * A row being sent is claimed by this engine run (`claimed_by`, a fresh id per start): the queue never hands a
 * `sending` row to another worker, and a claim is taken with a conditional UPDATE, so two workers can never both
 * send one row. The folder lock (folderLock.ts) already keeps a second engine away; this holds even without it.
 */
import crypto from 'node:crypto';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { withRelaxedDurability } from './durability';
import type { CounterDb } from './open';
import { knownBookings, uploadQueue } from './schema';
import { column, statement } from './statement';
import { attribution } from '../staff/actor';

export type QueueRow = typeof uploadQueue.$inferSelect;
export type QueueAction = QueueRow['action'];

export function createUploadQueue(db: CounterDb, now: () => string, runId: string = crypto.randomUUID()) {
  const client = db.$client;
  // Every statement below runs on the guichet's path (each validation, each scan) and is prepared once. The queue
  // keeps every row it ever held, so each one reads through an index: `state IN (…) ORDER BY id` would scan them all.
  const oldestUnsent = db
    .select()
    .from(uploadQueue)
    .where(
      sql`${uploadQueue.id} = (SELECT MIN(first) FROM (
        SELECT MIN(id) AS first FROM upload_queue WHERE state = 'pending'
        UNION ALL SELECT MIN(id) FROM upload_queue WHERE state = 'sending'))`,
    )
    .prepare();
  const anyUnsent = column<number>(
    db,
    "SELECT EXISTS (SELECT 1 FROM upload_queue WHERE state IN ('pending', 'sending'))",
  );
  const byId = db
    .select()
    .from(uploadQueue)
    .where(eq(uploadQueue.id, sql.placeholder('id')))
    .prepare();
  const insert = statement<never, [Record<string, unknown>]>(
    db,
    `INSERT INTO upload_queue (ledger_id, action, token, booking_id, provisional, state, attempts, may_have_reached,
       created_at, last_attempt_at, claimed_by, counter_name, person_id, person_name)
     VALUES (@ledgerId, @action, @token, @bookingId, @provisional, @state, @attempts, 0, @createdAt, @lastAttemptAt,
       @claimedBy, (SELECT counter_name FROM ledger_entries WHERE id = @ledgerId), @personId, @personName)`,
  );
  const claim = statement<never, [Record<string, unknown>]>(
    db,
    `UPDATE upload_queue SET state = 'sending', claimed_by = @runId, attempts = @attempts, last_attempt_at = @at,
       next_attempt_at = NULL
     WHERE id = @id AND (state = 'pending' OR (state = 'sending' AND claimed_by = @runId))`,
  );
  const done = statement<never, [string, string | null, number]>(
    db,
    `UPDATE upload_queue SET state = 'done', done_at = ?, note = ?, reason_code = NULL, reason = NULL WHERE id = ?`,
  );
  const toConflict = statement<never, [string, string, number]>(
    db,
    `UPDATE upload_queue SET state = 'conflict', reason_code = ?, reason = ? WHERE id = ?`,
  );
  const toRetry = statement<never, [string, string, number, number]>(
    db,
    `UPDATE upload_queue SET state = 'pending', reason = ?, next_attempt_at = ?, claimed_by = NULL,
       may_have_reached = may_have_reached OR ? WHERE id = ?`,
  );

  const unsentQuery = db
    .select({ id: uploadQueue.id })
    .from(uploadQueue)
    .where(and(eq(uploadQueue.token, sql.placeholder('token')), inArray(uploadQueue.state, ['pending', 'sending'])))
    .limit(1)
    .prepare();

  const pendingCount = column<number>(db, "SELECT COUNT(*) FROM upload_queue WHERE state IN ('pending', 'sending')");
  const conflictCount = column<number>(db, "SELECT COUNT(*) FROM upload_queue WHERE state = 'conflict'");

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
      const at = now();
      const inserted = insert.run({
        ...values,
        provisional: values.provisional ? 1 : 0,
        state: sendingNow ? 'sending' : 'pending',
        attempts: sendingNow ? 1 : 0,
        lastAttemptAt: sendingNow ? at : null,
        claimedBy: sendingNow ? runId : null,
        createdAt: at,
        // The person whose action it is, as on its ledger row (same call, same transaction).
        ...attribution(),
      });
      return Number(inserted.lastInsertRowid);
    },

    /**
     * The oldest unfinished row, when this run may send it: the queue is sent strictly in order, so a row another
     * worker is sending blocks it (undefined) rather than being skipped or sent twice.
     */
    next(): QueueRow | undefined {
      const row = oldestUnsent.get();
      if (row?.state === 'sending' && row.claimedBy !== runId) return undefined;
      return row;
    },

    /** Whether any row waits to be sent (by whichever worker): downloads wait for uploads. */
    hasUnsentRows(): boolean {
      return anyUnsent.get() === 1;
    },

    byLedgerId(ledgerId: number): QueueRow | undefined {
      return db.select().from(uploadQueue).where(eq(uploadQueue.ledgerId, ledgerId)).get();
    },

    get(id: number): QueueRow | undefined {
      return byId.get({ id });
    },

    /**
     * Claims the row for this run and persists that before the request leaves, so a crash mid-request is known at
     * the next start. False when another worker holds it: the caller must not send it.
     */
    markSending(row: QueueRow): boolean {
      return claim.run({ id: row.id, runId, attempts: row.attempts + 1, at: now() }).changes === 1;
    },

    /** Relaxed durability: a lost "done" only makes the next start check the row again (durability.ts). */
    markDone(id: number, note: string | null = null): void {
      withRelaxedDurability(client, () => done.run(now(), note, id), { thenFlush: true });
    },

    /** Whether nothing older is waiting: a new row may then be sent at once, in order. */
    isIdle(): boolean {
      return anyUnsent.get() === 0;
    },

    markConflict(id: number, reasonCode: string, reason: string): void {
      toConflict.run(reasonCode, reason, id);
    },

    /** Back to pending after a failed attempt that may be retried. */
    markRetry(id: number, reason: string, nextAttemptAt: string, mayHaveReached: boolean): void {
      toRetry.run(reason, nextAttemptAt, mayHaveReached ? 1 : 0, id);
    },

    /** At start-up: a row left `sending` by a crash may have reached the platform. */
    recoverInterrupted(): number {
      return db
        .update(uploadQueue)
        .set({ state: 'pending', mayHaveReached: true, claimedBy: null })
        .where(eq(uploadQueue.state, 'sending'))
        .run().changes;
    },

    /** "Synchroniser maintenant": every waiting row may be tried at once (stored retry times forgotten). */
    clearRetryTimes(): void {
      db.update(uploadQueue).set({ nextAttemptAt: null }).where(eq(uploadQueue.state, 'pending')).run();
    },

    retry(id: number): void {
      db.update(uploadQueue)
        .set({ state: 'pending', nextAttemptAt: null, reasonCode: null, reason: null, claimedBy: null })
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
      return { pending: pendingCount.get() ?? 0, conflicts: conflictCount.get() ?? 0 };
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
