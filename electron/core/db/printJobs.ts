/** The print queue's rows in SQLite: jobs survive a restart, and a failed job keeps its reason until handled. */
import { and, asc, desc, eq, gte, inArray, lt, or, sql } from 'drizzle-orm';
import { withRelaxedDurability } from './durability';
import type { CounterDb } from './open';
import { printJobs } from './schema';
import { inTransaction } from './statement';
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
  return {
    add(job: NewPrintJob, at: string): number {
      const row = db
        .insert(printJobs)
        .values({
          kind: job.kind,
          ledgerId: job.ledgerId,
          duplicate: job.duplicate,
          status: 'pending',
          payload: JSON.stringify(job.payload),
          createdAt: at,
          updatedAt: at,
          // Who asked for it: the validation's cashier, or whoever reprinted it (staff/actor.ts).
          counterName,
          ...attribution(),
        })
        .returning({ id: printJobs.id })
        .get();
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
        const next = db
          .select()
          .from(printJobs)
          .where(eq(printJobs.status, 'pending'))
          .orderBy(asc(printJobs.id))
          .limit(1)
          .get();
        if (!next) return undefined;
        db.update(printJobs)
          .set({ status: 'printing', attempts: sql`${printJobs.attempts} + 1`, printer, updatedAt: at })
          .where(eq(printJobs.id, next.id))
          .run();
        return { ...next, status: 'printing' as const, attempts: next.attempts + 1, printer };
      });
    },

    printed(id: number, at: string): void {
      withRelaxedDurability(db.$client, () =>
        db
          .update(printJobs)
          .set({ status: 'printed', failureCode: null, failureMessage: null, printedAt: at, updatedAt: at })
          .where(eq(printJobs.id, id))
          .run(),
      );
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
      const row = db
        .select({ id: printJobs.id })
        .from(printJobs)
        .where(and(eq(printJobs.ledgerId, ledgerId), eq(printJobs.status, 'printed')))
        .limit(1)
        .get();
      return row !== undefined;
    },

    /** Once a slip for an entry has printed, its earlier failed jobs need nobody's attention any more. */
    settleFailuresOf(ledgerId: number, at: string): void {
      withRelaxedDurability(db.$client, () =>
        db
          .update(printJobs)
          .set({ status: 'cancelled', updatedAt: at })
          .where(and(eq(printJobs.ledgerId, ledgerId), eq(printJobs.status, 'failed')))
          .run(),
      );
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
      const rows = db
        .select({ status: printJobs.status, count: sql<number>`count(*)` })
        .from(printJobs)
        .where(inArray(printJobs.status, ['pending', 'printing', 'failed']))
        .groupBy(printJobs.status)
        .all();
      const count = (...statuses: PrintJobStatus[]) =>
        rows.filter((r) => statuses.includes(r.status)).reduce((sum, r) => sum + Number(r.count), 0);
      return { pending: count('pending', 'printing'), failed: count('failed') };
    },
  };
}

export type JobStore = ReturnType<typeof createJobStore>;
