/**
 * This counter's actions on bookings (ledger validations and undos, each with its upload-queue row), and on a
 * secondary counter its main counter's (the replica, `replica_actions`, issue 14), read for the rule in
 * counter/validationStanding.ts. Every validation has a queue row (same transaction), so the tokens in the
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

interface ReplicaRow extends Omit<ActionRow, 'personId'> {
  state: UploadState | null;
  doneAt: string | null;
  reason: string | null;
}

const REPLICA_COLUMNS = `main_ledger_id AS ledgerId, kind, outcome, at, counter_name AS counterName,
  booking_id AS bookingId, person_name AS personName, upload_state AS state, upload_done_at AS doneAt,
  upload_reason AS reason`;

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
      fromMain: false,
    };
  });
}

/** The main counter's actions as this secondary's replica has them: never undone from here. */
function fromReplica(rows: ReplicaRow[]): CounterAction[] {
  return rows.map((row) => ({
    ledgerId: row.ledgerId,
    kind: row.kind,
    at: row.at,
    counterName: row.counterName,
    bookingId: row.bookingId,
    personId: null,
    personName: row.personName,
    provisional: row.outcome === 'provisional',
    upload: row.state ? { state: row.state, doneAt: row.doneAt, reason: row.reason } : null,
    fromMain: true,
  }));
}

/** Both counters' actions in the order they were taken (the main counter's first on a tie). */
function merged(own: CounterAction[], main: CounterAction[]): CounterAction[] {
  if (main.length === 0) return own;
  if (own.length === 0) return main;
  return [...main, ...own].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
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

  const replicaOfToken = statement<ReplicaRow, [string]>(
    db,
    `SELECT ${REPLICA_COLUMNS} FROM replica_actions WHERE token = ? ORDER BY main_ledger_id`,
  );
  const replicaOfBookings = statement<ReplicaRow, [string]>(
    db,
    `SELECT ${REPLICA_COLUMNS} FROM replica_actions WHERE booking_id IN (SELECT value FROM json_each(?))
     ORDER BY main_ledger_id`,
  );
  const replicaOfAllBookings = statement<ReplicaRow>(
    db,
    `SELECT ${REPLICA_COLUMNS} FROM replica_actions WHERE booking_id IS NOT NULL ORDER BY main_ledger_id`,
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

  function own(token: string): CounterAction[] {
    const uploads = uploadsOfToken.all(token);
    if (uploads.length === 0) return [];
    return toActions(actionsOfToken.all(token), new Map(uploads.map((u) => [u.ledgerId, u])));
  }

  function ownOfBookings(bookingIds?: readonly number[]): Map<number, CounterAction[]> {
    if (bookingIds?.length === 0) return new Map();
    const uploads = bookingIds ? uploadsOfBookings.all(JSON.stringify(bookingIds)) : uploadsOfAllBookings.all();
    return uploads.length === 0 ? new Map() : byBooking(uploads);
  }

  return {
    /** The actions on a scanned token, in order (none for a token never validated here: one indexed query each). */
    ofToken(token: string): CounterAction[] {
      return merged(own(token), fromReplica(replicaOfToken.all(token)));
    },

    /** Per booking, in order: every booking this counter ever acted on, or only `bookingIds` (a screen's rows). */
    ofBookings(bookingIds?: readonly number[]): Map<number, CounterAction[]> {
      const result = ownOfBookings(bookingIds);
      if (bookingIds?.length === 0) return result;
      const replicaRows = bookingIds ? replicaOfBookings.all(JSON.stringify(bookingIds)) : replicaOfAllBookings.all();
      for (const action of fromReplica(replicaRows)) {
        if (action.bookingId === null) continue;
        const list = result.get(action.bookingId);
        result.set(action.bookingId, list ? merged(list, [action]) : [action]);
      }
      return result;
    },
  };
}

export type CounterActions = ReturnType<typeof createCounterActions>;
