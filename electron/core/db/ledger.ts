/**
 * The counter's ledger: append rows and read today's. Whether a validation made here still stands is decided in
 * counter/validationStanding.ts, from the ledger and the upload queue together.
 */
import { desc, eq, gte, sql } from 'drizzle-orm';
import { withRelaxedDurability } from './durability';
import type { CounterDb } from './open';
import { knownBookings, ledgerEntries, seances } from './schema';
import { statement } from './statement';
import { attribution } from '../staff/actor';

export type LedgerKind = 'lookup' | 'validation' | 'undo' | 'upload';

export interface LedgerAppend {
  at: string;
  counterName: string;
  kind: LedgerKind;
  token: string;
  bookingId: number | null;
  outcome: string;
  platformStatus: number | null;
  platformAnswer: unknown;
}

export interface LedgerListRow {
  id: number;
  at: string;
  counterName: string;
  kind: LedgerKind;
  token: string;
  bookingId: number | null;
  outcome: string;
  platformStatus: number | null;
  firstName: string | null;
  lastName: string | null;
  offerName: string | null;
  personId: number | null;
  personName: string | null;
}

/** A ledger row with the booking and séance start it refers to, when known (a slip reprinted from the journal). */
export interface LedgerEntryWithBooking {
  id: number;
  at: string;
  kind: LedgerKind;
  outcome: string;
  token: string;
  counterName: string;
  booking: typeof knownBookings.$inferSelect | null;
  seanceStart: string | null;
}

export function createLedger(db: CounterDb) {
  // Prepared once: compiling this join again cost more than running it, for each slip a busy print queue reprints.
  const entryWithBooking = db
    .select({
      id: ledgerEntries.id,
      at: ledgerEntries.at,
      kind: ledgerEntries.kind,
      outcome: ledgerEntries.outcome,
      token: ledgerEntries.token,
      counterName: ledgerEntries.counterName,
      booking: knownBookings,
      seanceStart: seances.beginningDatetime,
    })
    .from(ledgerEntries)
    .leftJoin(knownBookings, eq(knownBookings.bookingId, ledgerEntries.bookingId))
    .leftJoin(seances, eq(seances.stockId, knownBookings.stockId))
    .where(eq(ledgerEntries.id, sql.placeholder('id')))
    .prepare();
  const insert = statement<never, [Record<string, unknown>]>(
    db,
    `INSERT INTO ledger_entries (at, counter_name, kind, token, booking_id, outcome, platform_status, platform_answer,
       person_id, person_name)
     VALUES (@at, @counterName, @kind, @token, @bookingId, @outcome, @platformStatus, @platformAnswer, @personId,
       @personName)`,
  );

  return {
    /**
     * Appends one row and returns its id; `alongWith` runs in the same transaction (one commit, one fsync,
     * and the cache never disagrees with the ledger).
     */
    append(row: LedgerAppend, alongWith?: (ledgerId: number) => void): number {
      // A lookup is a record of a consultation, not a promise: it need not wait for the disk (durability.ts).
      if (row.kind === 'lookup' && !db.$client.inTransaction) {
        return withRelaxedDurability(db.$client, () => this.appendNow(row, alongWith), { thenFlush: true });
      }
      return this.appendNow(row, alongWith);
    },

    appendNow(row: LedgerAppend, alongWith?: (ledgerId: number) => void): number {
      if (alongWith) {
        return db.$client.transaction(() => {
          const id = this.appendNow(row);
          alongWith(id);
          return id;
        })();
      }
      const answer =
        row.platformAnswer === undefined || row.platformAnswer === null ? null : JSON.stringify(row.platformAnswer);
      // Who was signed in at the screen making the call (staff/actor.ts); nobody for the uploader's own rows.
      return Number(insert.run({ ...row, platformAnswer: answer, ...attribution() }).lastInsertRowid);
    },

    /** Rows at or after `sinceUtc`, newest first, with the booking's name and film when known. */
    since(sinceUtc: string, limit = 2000): LedgerListRow[] {
      return db
        .select({
          id: ledgerEntries.id,
          at: ledgerEntries.at,
          counterName: ledgerEntries.counterName,
          kind: ledgerEntries.kind,
          token: ledgerEntries.token,
          bookingId: ledgerEntries.bookingId,
          outcome: ledgerEntries.outcome,
          platformStatus: ledgerEntries.platformStatus,
          personId: ledgerEntries.personId,
          personName: ledgerEntries.personName,
          firstName: knownBookings.firstName,
          lastName: knownBookings.lastName,
          offerName: knownBookings.offerName,
        })
        .from(ledgerEntries)
        .leftJoin(knownBookings, eq(knownBookings.bookingId, ledgerEntries.bookingId))
        .where(gte(ledgerEntries.at, sinceUtc))
        .orderBy(desc(ledgerEntries.id))
        .limit(limit)
        .all();
    },

    /** One row with its booking and séance, for a reprint (never on the scan path, but once per reprinted slip). */
    withBooking(ledgerId: number): LedgerEntryWithBooking | undefined {
      return entryWithBooking.get({ id: ledgerId });
    },
  };
}

export type Ledger = ReturnType<typeof createLedger>;
