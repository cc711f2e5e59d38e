/**
 * This counter's actions on bookings (ledger validations and undos, each with its upload-queue row), read for the
 * rule in counter/validationStanding.ts. Every validation has a queue row (same transaction), so the tokens in the
 * queue are the ones with actions; their ledger rows are found through the ledger's token index, never a scan of
 * the whole ledger (lookups included).
 */
import type { CounterAction } from '../counter/validationStanding';
import type { CounterDb } from './open';
import { statement } from './statement';

type UploadState = NonNullable<CounterAction['upload']>['state'];

interface ActionRow {
  ledgerId: number;
  kind: 'validation' | 'undo';
  outcome: string;
  at: string;
  counterName: string;
  bookingId: number | null;
  personId: number | null;
  personName: string | null;
}
interface UploadRow {
  ledgerId: number;
  token: string;
  bookingId: number | null;
  state: UploadState;
  doneAt: string | null;
  reason: string | null;
}

const ACTION_COLUMNS = `id AS ledgerId, kind, outcome, at, counter_name AS counterName, booking_id AS bookingId,
  person_id AS personId, person_name AS personName`;
const UPLOAD_COLUMNS = `ledger_id AS ledgerId, token, booking_id AS bookingId, state, done_at AS doneAt, reason`;

function toActions(rows: ActionRow[], uploads: Map<number, UploadRow>): CounterAction[] {
  return rows.map((row) => {
    const upload = uploads.get(row.ledgerId);
    return {
      ledgerId: row.ledgerId,
      kind: row.kind,
      at: row.at,
      counterName: row.counterName,
      bookingId: row.bookingId,
      personId: row.personId,
      personName: row.personName,
      provisional: row.outcome === 'provisional',
      upload: upload ? { state: upload.state, doneAt: upload.doneAt, reason: upload.reason } : null,
    };
  });
}

export function createCounterActions(db: CounterDb) {
  const actionsOfToken = statement<ActionRow, [string]>(
    db,
    `SELECT ${ACTION_COLUMNS} FROM ledger_entries WHERE token = ? AND kind IN ('validation', 'undo') ORDER BY id`,
  );
  const uploadsOfToken = statement<UploadRow, [string]>(
    db,
    `SELECT ${UPLOAD_COLUMNS} FROM upload_queue WHERE token = ?`,
  );
  const actionsOfTokens = statement<ActionRow, [string]>(
    db,
    `SELECT ${ACTION_COLUMNS} FROM ledger_entries
     WHERE token IN (SELECT value FROM json_each(?)) AND kind IN ('validation', 'undo') AND booking_id IS NOT NULL
     ORDER BY id`,
  );
  // Prepared once too: Réservations and Fin de journée ask on every refresh.
  const uploadsOfBookings = statement<UploadRow, [string]>(
    db,
    `SELECT ${UPLOAD_COLUMNS} FROM upload_queue WHERE booking_id IN (SELECT value FROM json_each(?))`,
  );
  const uploadsOfAllBookings = statement<UploadRow>(
    db,
    `SELECT ${UPLOAD_COLUMNS} FROM upload_queue WHERE booking_id IS NOT NULL`,
  );

  function byBooking(uploadRows: UploadRow[]): Map<number, CounterAction[]> {
    const uploads = new Map(uploadRows.map((u) => [u.ledgerId, u]));
    const tokens = [...new Set(uploadRows.map((u) => u.token))];
    const rows = actionsOfTokens.all(JSON.stringify(tokens));
    const grouped = new Map<number, ActionRow[]>();
    for (const row of rows) {
      if (row.bookingId === null) continue;
      const list = grouped.get(row.bookingId) ?? [];
      list.push(row);
      grouped.set(row.bookingId, list);
    }
    return new Map([...grouped].map(([id, list]) => [id, toActions(list, uploads)]));
  }

  return {
    /** The actions on a scanned token, in order (none for a token never validated here: one indexed query). */
    ofToken(token: string): CounterAction[] {
      const uploads = uploadsOfToken.all(token);
      if (uploads.length === 0) return [];
      const rows = actionsOfToken.all(token);
      return toActions(rows, new Map(uploads.map((u) => [u.ledgerId, u])));
    },

    /** Per booking, in order: every booking this counter ever acted on, or only `bookingIds` (a screen's rows). */
    ofBookings(bookingIds?: readonly number[]): Map<number, CounterAction[]> {
      if (bookingIds?.length === 0) return new Map();
      const uploads = bookingIds ? uploadsOfBookings.all(JSON.stringify(bookingIds)) : uploadsOfAllBookings.all();
      return uploads.length === 0 ? new Map() : byBooking(uploads);
    },
  };
}

export type CounterActions = ReturnType<typeof createCounterActions>;
