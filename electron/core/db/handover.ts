/**
 * The hand-over's SQL (issue 14), both sides:
 * - a secondary lists the validations and undos it made in autonomous mode (its own ledger rows after the mark taken
 *   when it paired: while connected, its guichet's actions are the main counter's), and any older one still waiting
 *   to be sent (made while it stood alone: its uploader is held while it is paired), that its main counter has not
 *   acknowledged yet, and records each acknowledgement with what it means for its own upload queue, in one
 *   transaction;
 * - a main counter keeps one receipt per (secondary, secondary's ledger id), unique, written in the transaction of
 *   the ledger row it produced: a replayed or interrupted hand-over finds it and records nothing twice.
 */
import type { CounterDb } from './open';
import { column, statement } from './statement';

type UploadState = 'pending' | 'sending' | 'done' | 'conflict' | 'handled';

/** One autonomous action of this secondary, as handed over. */
export interface OwnAction {
  ledgerId: number;
  kind: 'validation' | 'undo';
  token: string;
  bookingId: number | null;
  outcome: string;
  at: string;
  personName: string | null;
  queueId: number | null;
  uploadState: UploadState | null;
}

/** Rows after the pairing mark, and any still to send: two indexed reads (the ledger's key, the queue's state). */
const CANDIDATES = `SELECT id FROM ledger_entries WHERE id > ? AND kind IN ('validation', 'undo')
  UNION SELECT ledger_id FROM upload_queue WHERE state IN ('pending', 'sending')`;

export function createHandoverStore(db: CounterDb) {
  const client = db.$client;
  const unhanded = statement<OwnAction, [number, number]>(
    db,
    `SELECT l.id AS ledgerId, l.kind, l.token, l.booking_id AS bookingId, l.outcome, l.at, l.person_name AS personName,
       q.id AS queueId, q.state AS uploadState
     FROM ledger_entries l LEFT JOIN upload_queue q ON q.ledger_id = l.id
     WHERE l.id IN (${CANDIDATES}) AND l.kind IN ('validation', 'undo')
       AND NOT EXISTS (SELECT 1 FROM handed_over h WHERE h.ledger_id = l.id)
     ORDER BY l.id LIMIT ?`,
  );
  const waiting = column<number, [number]>(
    db,
    `SELECT COUNT(*) FROM ledger_entries l
     WHERE l.id IN (${CANDIDATES}) AND l.kind IN ('validation', 'undo')
       AND NOT EXISTS (SELECT 1 FROM handed_over h WHERE h.ledger_id = l.id)`,
  );
  const lastLedgerId = column<number | null>(db, 'SELECT MAX(id) FROM ledger_entries');
  const insertHanded = statement<never, [number, number, string]>(
    db,
    'INSERT OR IGNORE INTO handed_over (ledger_id, main_ledger_id, at) VALUES (?, ?, ?)',
  );
  // The main counter sends it from now on: this counter's uploader never will (a row being sent is not handed over).
  const queueHandedOver = statement<never, [string, string, number]>(
    db,
    `UPDATE upload_queue SET state = 'done', note = ?, done_at = ? WHERE id = ? AND state = 'pending'`,
  );
  const receipt = column<number, [string, number]>(
    db,
    'SELECT ledger_id FROM handover_receipts WHERE secondary_id = ? AND secondary_ledger_id = ?',
  );
  const insertReceipt = statement<never, [string, number, number, string]>(
    db,
    'INSERT INTO handover_receipts (secondary_id, secondary_ledger_id, ledger_id, at) VALUES (?, ?, ?, ?)',
  );

  return {
    // ----- a secondary
    lastLedgerId: (): number => lastLedgerId.get() ?? 0,
    unhanded: (after: number, limit: number): OwnAction[] => unhanded.all(after, limit),
    waiting: (after: number): number => waiting.get(after) ?? 0,
    acknowledge: client.transaction(
      (ledgerId: number, mainLedgerId: number, queueId: number | null, note: string, at: string) => {
        insertHanded.run(ledgerId, mainLedgerId, at);
        if (queueId !== null) queueHandedOver.run(note, at, queueId);
      },
    ),
    // ----- a main counter
    receiptOf: (secondaryId: string, secondaryLedgerId: number): number | undefined =>
      receipt.get(secondaryId, secondaryLedgerId),
    addReceipt: (secondaryId: string, secondaryLedgerId: number, ledgerId: number, at: string): void =>
      void insertReceipt.run(secondaryId, secondaryLedgerId, ledgerId, at),
    inTransaction: <T>(work: () => T): T => client.transaction(work)(),
  };
}

export type HandoverStore = ReturnType<typeof createHandoverStore>;
