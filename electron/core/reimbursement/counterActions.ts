/**
 * Where this counter stands on each booking, from the upload queue (every validation or undo is queued in the
 * same transaction as its ledger row, README "Upload queue"). Unlike the mirror's badges, there is no time limit:
 * reports and reimbursements look back over the whole year.
 */
import type { CounterDb } from '../db/open';

export interface CounterStanding {
  /** A validation of ours stands (not undone, not refused): when the platform took it, else when it was made. */
  validatedAt: string | null;
  /** That validation is provisional and not confirmed by the platform yet. */
  provisional: boolean;
  /** That validation is still waiting to be sent. */
  pendingUpload: boolean;
  /** The platform refused our validation and nobody has handled it yet: its reason. */
  conflict: string | null;
}

interface QueueRow {
  bookingId: number;
  action: 'use' | 'keep';
  provisional: number;
  state: 'pending' | 'sending' | 'done' | 'conflict' | 'handled';
  createdAt: string;
  doneAt: string | null;
  reason: string | null;
}

const NONE: CounterStanding = { validatedAt: null, provisional: false, pendingUpload: false, conflict: null };

export function counterStandings(db: CounterDb): Map<number, CounterStanding> {
  const rows = db.$client
    .prepare(
      `SELECT booking_id AS bookingId, action, provisional, state, created_at AS createdAt, done_at AS doneAt, reason
       FROM upload_queue WHERE booking_id IS NOT NULL ORDER BY id`,
    )
    .all() as QueueRow[];
  const standings = new Map<number, CounterStanding>();
  for (const row of rows) {
    const before = standings.get(row.bookingId) ?? NONE;
    standings.set(row.bookingId, next(before, row));
  }
  return standings;
}

function next(before: CounterStanding, row: QueueRow): CounterStanding {
  if (row.state === 'conflict') {
    // A refused validation never counted; a refused undo leaves the validation standing.
    return row.action === 'use' ? { ...NONE, conflict: row.reason ?? row.state } : { ...before, conflict: row.reason };
  }
  if (row.state === 'handled') return row.action === 'use' ? NONE : { ...before, conflict: null };
  if (row.action === 'keep') return NONE;
  return {
    validatedAt: row.doneAt ?? row.createdAt,
    provisional: row.provisional === 1 && row.state !== 'done',
    pendingUpload: row.state === 'pending' || row.state === 'sending',
    conflict: null,
  };
}

export function standingOf(standings: Map<number, CounterStanding>, bookingId: number): CounterStanding {
  return standings.get(bookingId) ?? NONE;
}
