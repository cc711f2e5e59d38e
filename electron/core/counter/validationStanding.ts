/**
 * Whether a validation made at this counter still stands: the one rule behind the guichet ("validée ici", undo),
 * Réservations, Fin de journée and Remboursements.
 *
 * The ledger says which actions the cashier took (a validation, provisional or not, and its undos, in order); each
 * action's upload-queue row (same transaction, README "Upload queue") says what pass Culture made of it — and is the
 * current word, since a manager may retry a conflict. An undo made before its validation was ever sent has no queue
 * row of its own (the validation was simply dropped): the ledger is what remembers it.
 *
 * Decided once: **an undo pass Culture refused leaves the validation standing, as a conflict** — the platform still
 * counts the booking as used, so the counter does too, and the manager sees why until it is handled.
 */
import type { CounterDb } from '../db/open';

type UploadState = 'pending' | 'sending' | 'done' | 'conflict' | 'handled';

/** One action taken at this counter on a booking, with what became of its upload. */
export interface CounterAction {
  ledgerId: number;
  kind: 'validation' | 'undo';
  /** When it was made (ledger time). */
  at: string;
  counterName: string;
  bookingId: number | null;
  /** A provisional validation (offline, bound by name to a token never seen here). */
  provisional: boolean;
  /** Its upload-queue row; null for an undo of a validation never sent. */
  upload: { state: UploadState; doneAt: string | null; reason: string | null } | null;
}

export interface ValidationStanding {
  /** The validation that stands (its ledger row), or null. */
  validation: { ledgerId: number; at: string; counterName: string; bookingId: number | null } | null;
  /** When it counts from: when the platform took it, else when it was made; null when none stands. */
  validatedAt: string | null;
  /** It stands provisionally: not confirmed by the platform yet. */
  provisional: boolean;
  /** This counter's latest action on the booking is not sent yet (a validation or an undo). */
  pendingUpload: boolean;
  /** pass Culture refused our latest action and nobody has handled it yet: its reason. */
  conflict: string | null;
}

export const NOT_VALIDATED: ValidationStanding = Object.freeze({
  validation: null,
  validatedAt: null,
  provisional: false,
  pendingUpload: false,
  conflict: null,
});

const unsent = (state: UploadState) => state === 'pending' || state === 'sending';

function step(before: ValidationStanding, action: CounterAction): ValidationStanding {
  const upload = action.upload;
  if (action.kind === 'validation') {
    // A refused validation never counted; once handled it is simply gone.
    if (upload?.state === 'conflict') return { ...NOT_VALIDATED, conflict: upload.reason ?? 'conflict' };
    if (upload?.state === 'handled') return NOT_VALIDATED;
    const state = upload?.state ?? 'done';
    return {
      validation: {
        ledgerId: action.ledgerId,
        at: action.at,
        counterName: action.counterName,
        bookingId: action.bookingId,
      },
      validatedAt: upload?.doneAt ?? action.at,
      provisional: action.provisional && state !== 'done',
      pendingUpload: unsent(state),
      conflict: null,
    };
  }
  // An undo refused by pass Culture leaves the validation standing: as a conflict until handled.
  if (upload?.state === 'conflict') return { ...before, pendingUpload: false, conflict: upload.reason ?? 'conflict' };
  if (upload?.state === 'handled') return { ...before, pendingUpload: false, conflict: null };
  return { ...NOT_VALIDATED, pendingUpload: upload !== null && unsent(upload.state) };
}

/** The fold itself: actions in the order they were taken (ledger id). */
export function foldStanding(actions: Iterable<CounterAction>): ValidationStanding {
  let standing = NOT_VALIDATED;
  for (const action of actions) standing = step(standing, action);
  return standing;
}

interface ActionRow {
  ledgerId: number;
  kind: 'validation' | 'undo';
  outcome: string;
  at: string;
  counterName: string;
  bookingId: number | null;
}
interface UploadRow {
  ledgerId: number;
  token: string;
  bookingId: number | null;
  state: UploadState;
  doneAt: string | null;
  reason: string | null;
}

const ACTION_COLUMNS = `id AS ledgerId, kind, outcome, at, counter_name AS counterName, booking_id AS bookingId`;
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
      provisional: row.outcome === 'provisional',
      upload: upload ? { state: upload.state, doneAt: upload.doneAt, reason: upload.reason } : null,
    };
  });
}

/**
 * The rule read from the database. Every validation has a queue row (same transaction), so the tokens in the queue
 * are the ones with actions; their ledger rows are found through the ledger's token index.
 */
export function createStandings(db: CounterDb) {
  const client = db.$client;
  const actionsOfToken = client.prepare(
    `SELECT ${ACTION_COLUMNS} FROM ledger_entries WHERE token = ? AND kind IN ('validation', 'undo') ORDER BY id`,
  );
  const uploadsOfToken = client.prepare(`SELECT ${UPLOAD_COLUMNS} FROM upload_queue WHERE token = ?`);
  // Through the ledger's token index: never a scan of the whole ledger (lookups included).
  const actionsOfTokens = client.prepare(
    `SELECT ${ACTION_COLUMNS} FROM ledger_entries
     WHERE token IN (SELECT value FROM json_each(?)) AND kind IN ('validation', 'undo') AND booking_id IS NOT NULL
     ORDER BY id`,
  );

  function byBooking(uploadRows: UploadRow[]): Map<number, ValidationStanding> {
    const uploads = new Map(uploadRows.map((u) => [u.ledgerId, u]));
    const tokens = [...new Set(uploadRows.map((u) => u.token))];
    const rows = actionsOfTokens.all(JSON.stringify(tokens)) as ActionRow[];
    const grouped = new Map<number, ActionRow[]>();
    for (const row of rows) {
      if (row.bookingId === null) continue;
      const list = grouped.get(row.bookingId) ?? [];
      list.push(row);
      grouped.set(row.bookingId, list);
    }
    return new Map([...grouped].map(([id, list]) => [id, foldStanding(toActions(list, uploads))]));
  }

  return {
    /** Where this counter stands on a scanned token (the guichet: "validée ici", undo). */
    ofToken(token: string): ValidationStanding {
      const uploads = uploadsOfToken.all(token) as UploadRow[];
      if (uploads.length === 0) return NOT_VALIDATED;
      const rows = actionsOfToken.all(token) as ActionRow[];
      return foldStanding(toActions(rows, new Map(uploads.map((u) => [u.ledgerId, u]))));
    },

    /** Per booking, for every booking this counter ever acted on, or only `bookingIds` (a screen's rows). */
    ofBookings(bookingIds?: readonly number[]): Map<number, ValidationStanding> {
      if (bookingIds?.length === 0) return new Map();
      const uploads = (
        bookingIds
          ? client
              .prepare(
                `SELECT ${UPLOAD_COLUMNS} FROM upload_queue WHERE booking_id IN (SELECT value FROM json_each(?))`,
              )
              .all(JSON.stringify(bookingIds))
          : client.prepare(`SELECT ${UPLOAD_COLUMNS} FROM upload_queue WHERE booking_id IS NOT NULL`).all()
      ) as UploadRow[];
      return uploads.length === 0 ? new Map() : byBooking(uploads);
    },
  };
}

export type Standings = ReturnType<typeof createStandings>;

export function standingOf(standings: Map<number, ValidationStanding>, bookingId: number): ValidationStanding {
  return standings.get(bookingId) ?? NOT_VALIDATED;
}
