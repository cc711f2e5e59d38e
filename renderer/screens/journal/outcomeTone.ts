import type { LedgerRow } from '../../../shared/contract';

export type OutcomeTone = 'good' | 'waiting' | 'refused' | 'undone' | 'error';

const TONES: Record<string, OutcomeTone> = {
  valid: 'good',
  validated: 'good',
  not_yet: 'waiting',
  other_seance: 'waiting',
  not_confirmed: 'waiting',
  undone: 'undone',
  unknown: 'refused',
  used: 'refused',
  cancelled: 'refused',
  reimbursed: 'refused',
  offerer_closed: 'refused',
  countermark_unknown: 'refused',
  already_used: 'refused',
  // Offline and sync (ledger kind `upload`: what pass Culture said of a queued validation or undo).
  unverifiable: 'waiting',
  provisional: 'waiting',
  use_sent: 'good',
  keep_sent: 'undone',
  use_noted: 'good',
  keep_noted: 'undone',
  use_conflict: 'refused',
  keep_conflict: 'refused',
  use_handled: 'undone',
  keep_handled: 'undone',
};

/** Colour family of a ledger outcome (always shown with its words too); anything else is an error code. */
export function outcomeTone(row: LedgerRow): OutcomeTone {
  return TONES[row.outcome] ?? 'error';
}
