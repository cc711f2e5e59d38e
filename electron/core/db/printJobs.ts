/** The print queue's rows in SQLite: jobs survive a restart, and a failed job keeps its reason until handled. */
import { and, asc, desc, eq, gte, inArray, lt, or } from 'drizzle-orm';
import { withRelaxedDurability } from './durability';
import type { CounterDb } from './open';
import { printJobs } from './schema';
import { column, inTransaction, statement } from './statement';
import type { FailureCode } from '../printing/transport';
import { attribution } from '../staff/actor';

export type PrintJobRow = typeof printJobs.$inferSelect;
export type PrintJobStatus = PrintJobRow['status'];

export interface NewPrintJob {
  kind: PrintJobRow['kind'];
  ledgerId: number | null;
  duplicate: boolean;
  payload: unknown;
}

export function createJobStore(db: CounterDb, counterName: string | null = null) {
  // The statements a slip runs through (queued, taken, printed, its old failures settled), prepared once: while the
  // queue prints, building and compiling each query again cost more than running it, on the thread scans need.
  const insert = statement<{ id: number }, [Record<string, unknown>]>(
    db,
    `INSERT INTO print_jobs (kind, ledger_id, duplicate, status, payload, created_at, updated_at, counter_name,
       person_id, person_name)
     VALUES (@kind, @ledgerId, @duplicate, 'pending', @payload, @at, @at, @counterName, @personId, @personName)
     RETURNING id`,
  );
  const oldestPending = db
    .select()
    .from(printJobs)
    .where(eq(printJobs.status, 'pending'))
    .orderBy(asc(printJobs.id))
    .limit(1)
    .prepare();
  const markTaken = statement<never, [{ id: number; printer: string; at: string }]>(
    db,
    `UPDATE print_jobs SET status = 'printing', attempts = attempts + 1, printer = @printer, updated_at = @at
     WHERE id = @id`,
  );
  const markPrinted = statement<never, [{ id: number; at: string }]>(
    db,
    `UPDATE print_jobs SET status = 'printed', failure_code = NULL, failure_message = NULL, printed_at = @at,
       updated_at = @at
     WHERE id = @id`,
  );
  const settleFailures = statement<never, [{ ledgerId: number; at: string }]>(
    db,
    `UPDATE print_jobs SET status = 'cancelled', updated_at = @at WHERE ledger_id = @ledgerId AND status = 'failed'`,
  );
  const anyPrinted = column<number, [number]>(
    db,
    `SELECT EXISTS (SELECT 1 FROM print_jobs WHERE ledger_id = ? AND status = 'printed')`,
  );
  const countsByStatus = statement<{ status: PrintJobStatus; count: number }>(
    db,
    `SELECT status, COUNT(*) AS count FROM print_jobs WHERE status IN ('pending', 'printing', 'failed') GROUP BY status`,
  );

  return {
    /**
     * Queued with a relaxed commit flushed at once in the background (durability.ts): durable a moment later, off
     * the thread the next scan needs. A power cut in that moment loses the slip's request, as one just before it
     * would have; the validation it prints for was committed durably before.
     */
    add(job: NewPrintJob, at: string): number {
      const params = {
        kind: job.kind,
        ledgerId: job.ledgerId,
        duplicate: job.duplicate ? 1 : 0,
        payload: JSON.stringify(job.payload),
        at,
        // Who asked for it: the validation's cashier, or whoever reprinted it (staff/actor.ts).
        counterName,
        ...attribution(),
      };
      const row = withRelaxedDurability(db.$client, () => insert.get(params), { thenFlush: true });
      if (!row) throw new Error('print job not inserted');
      return row.id;
    },

    get(id: number): PrintJobRow | undefined {
      return db.select().from(printJobs).where(eq(printJobs.id, id)).get();
    },

    /** The oldest pending job, now marked as printing (one attempt more). */
    takeNext(at: string, printer: string): PrintJobRow | undefined {
      // Relaxed (durability.ts), like `printed` below: two durable commits a slip would sit in front of the scans
      // while the queue prints. A power cut can only lose these marks: the job is then taken again (one more slip).
      return withRelaxedDurability(db.$client, () => this.takeNextNow(at, printer));
    },

    takeNextNow(at: string, printer: string): PrintJobRow | undefined {
      return inTransaction(db, () => {
        const next = oldestPending.get();
        if (!next) return undefined;
        markTaken.run({ id: next.id, printer, at });
        return { ...next, status: 'printing' as const, attempts: next.attempts + 1, printer, updatedAt: at };
      });
    },

    printed(id: number, at: string): void {
      withRelaxedDurability(db.$client, () => markPrinted.run({ id, at }));
    },

    failed(id: number, code: FailureCode, message: string, at: string): void {
      db.update(printJobs)
        .set({ status: 'failed', failureCode: code, failureMessage: message, updatedAt: at })
        .where(eq(printJobs.id, id))
        .run();
    },

    /** A failed (or cancelled) job back in the queue; false if it is not in such a state. */
    retry(id: number, at: string): boolean {
      const result = db
        .update(printJobs)
        .set({ status: 'pending', updatedAt: at })
        .where(and(eq(printJobs.id, id), inArray(printJobs.status, ['failed', 'cancelled'])))
        .run();
      return result.changes > 0;
    },

    cancel(id: number, at: string): boolean {
      const result = db
        .update(printJobs)
        .set({ status: 'cancelled', updatedAt: at })
        .where(and(eq(printJobs.id, id), eq(printJobs.status, 'failed')))
        .run();
      return result.changes > 0;
    },

    /** Whether a slip for this ledger entry has ever come out of a printer (a new one is then a duplicate). */
    hasPrinted(ledgerId: number): boolean {
      return anyPrinted.get(ledgerId) === 1;
    },

    /** Once a slip for an entry has printed, its earlier failed jobs need nobody's attention any more. */
    settleFailuresOf(ledgerId: number, at: string): void {
      withRelaxedDurability(db.$client, () => settleFailures.run({ ledgerId, at }));
    },

    /**
     * After a restart: a job caught printing may or may not be on paper, and one queued long ago is no longer
     * wanted by anyone at the counter; both become failures the cashier can reprint. Recent pending jobs resume.
     */
    recover(at: string, staleBefore: string, messages: { interrupted: string; stale: string }): void {
      inTransaction(db, () => {
        db.update(printJobs)
          .set({ status: 'failed', failureCode: 'interrupted', failureMessage: messages.interrupted, updatedAt: at })
          .where(eq(printJobs.status, 'printing'))
          .run();
        db.update(printJobs)
          .set({ status: 'failed', failureCode: 'stale', failureMessage: messages.stale, updatedAt: at })
          .where(and(eq(printJobs.status, 'pending'), lt(printJobs.createdAt, staleBefore)))
          .run();
      });
    },

    /** Jobs created since `since`, plus every job still waiting or failed, newest first. */
    list(since: string, limit = 200): PrintJobRow[] {
      return db
        .select()
        .from(printJobs)
        .where(or(gte(printJobs.createdAt, since), inArray(printJobs.status, ['pending', 'printing', 'failed'])))
        .orderBy(desc(printJobs.id))
        .limit(limit)
        .all();
    },

    counts(): { pending: number; failed: number } {
      const rows = countsByStatus.all();
      const count = (...statuses: PrintJobStatus[]) =>
        rows.filter((r) => statuses.includes(r.status)).reduce((sum, r) => sum + r.count, 0);
      return { pending: count('pending', 'printing'), failed: count('failed') };
    },
  };
}

export type JobStore = ReturnType<typeof createJobStore>;
