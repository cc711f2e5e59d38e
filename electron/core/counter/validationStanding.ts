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
import type { CounterActions } from '../db/counterActions';

type UploadState = 'pending' | 'sending' | 'done' | 'conflict' | 'handled';

/** One action taken at this counter on a booking, with what became of its upload. */
export interface CounterAction {
  ledgerId: number;
  kind: 'validation' | 'undo';
  /** When it was made (ledger time). */
  at: string;
  counterName: string;
  bookingId: number | null;
  /** Who made it (null on a counter with no team configured). */
  personId: number | null;
  personName: string | null;
  /** A provisional validation (offline, bound by name to a token never seen here). */
  provisional: boolean;
  /** Its upload-queue row; null for an undo of a validation never sent. */
  upload: { state: UploadState; doneAt: string | null; reason: string | null } | null;
  /**
   * Taken at this secondary's main counter (its replica, issue 14): it counts here as there, but is never undone
   * from here, and its ledger id is the main counter's.
   */
  fromMain: boolean;
}

export interface ValidationStanding {
  /** The validation that stands (its ledger row), or null. */
  validation: {
    ledgerId: number;
    at: string;
    counterName: string;
    bookingId: number | null;
    personId: number | null;
    personName: string | null;
    /** Made at the main counter (a secondary's replica): not undone here. */
    fromMain: boolean;
  } | null;
  /** When it counts from: when the platform took it, else when it was made; null when none stands. */
  validatedAt: string | null;
  /** It stands provisionally: not confirmed by the platform yet. */
  provisional: boolean;
  /** This counter's latest action on the booking is not sent yet (a validation or an undo). */
  pendingUpload: boolean;
  /** pass Culture refused our latest action and nobody has handled it yet: its reason. */
  conflict: string | null;
  /** Who took this counter's latest action on the booking (null with no team, or no action). */
  lastActionBy: string | null;
  /** At which counter (this one, or a secondary it answers for: issue 14); null with no action. */
  lastActionAt: string | null;
}

export const NOT_VALIDATED: ValidationStanding = Object.freeze({
  validation: null,
  validatedAt: null,
  provisional: false,
  pendingUpload: false,
  conflict: null,
  lastActionBy: null,
  lastActionAt: null,
});

const unsent = (state: UploadState) => state === 'pending' || state === 'sending';

/** Who took the latest action, and where: the fold stamps it after each step (`foldStanding`). */
type Step = Omit<ValidationStanding, 'lastActionBy' | 'lastActionAt'>;

function step(before: ValidationStanding, action: CounterAction): Step {
  const upload = action.upload;
  if (action.kind === 'validation') {
    // A refused validation never counted; once handled it is simply gone. One refused after a validation that
    // stands (a double admission by two counters cut off from each other, issue 14) leaves that one standing.
    if (upload?.state === 'conflict') {
      return { ...(before.validation ? before : NOT_VALIDATED), conflict: upload.reason ?? 'conflict' };
    }
    if (upload?.state === 'handled') return before.validation ? { ...before, conflict: null } : NOT_VALIDATED;
    const state = upload?.state ?? 'done';
    return {
      validation: {
        ledgerId: action.ledgerId,
        at: action.at,
        counterName: action.counterName,
        bookingId: action.bookingId,
        personId: action.personId,
        personName: action.personName,
        fromMain: action.fromMain,
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
  for (const action of actions) {
    standing = { ...step(standing, action), lastActionBy: action.personName, lastActionAt: action.counterName };
  }
  return standing;
}

/** The rule read from the database (db/counterActions.ts). */
export function createStandings(actions: CounterActions) {
  return {
    /** Where this counter stands on a scanned token (the guichet: "validée ici", undo). */
    ofToken(token: string): ValidationStanding {
      return foldStanding(actions.ofToken(token));
    },
    /** Per booking, for every booking this counter ever acted on, or only `bookingIds` (a screen's rows). */
    ofBookings(bookingIds?: readonly number[]): Map<number, ValidationStanding> {
      return new Map([...actions.ofBookings(bookingIds)].map(([id, list]) => [id, foldStanding(list)]));
    },
  };
}

export type Standings = ReturnType<typeof createStandings>;

export function standingOf(standings: Map<number, ValidationStanding>, bookingId: number): ValidationStanding {
  return standings.get(bookingId) ?? NOT_VALIDATED;
}
