/** Today's ledger as the journal shows it: which rows, in which order, the day's figures, each outcome's colour. Pure. */
import type { LedgerRow } from '../../../shared/contract';

/** Newest first; consultations (every scan writes one) only when asked for. */
export function journalRows(rows: readonly LedgerRow[], showsLookups: boolean): LedgerRow[] {
  return rows
    .filter((row) => showsLookups || row.kind !== 'lookup')
    .sort((a, b) => b.at.localeCompare(a.at) || b.id - a.id);
}

/** Today's counts at a glance: entries validated (provisional ones included), validations undone, lookups. */
export function journalFigures(rows: readonly LedgerRow[]): { validations: number; undos: number; lookups: number } {
  const count = (kind: LedgerRow['kind'], outcome?: string) =>
    rows.filter((row) => row.kind === kind && (outcome === undefined || row.outcome === outcome)).length;
  return {
    validations: count('validation', 'validated') + count('validation', 'provisional'),
    undos: count('undo', 'undone'),
    lookups: count('lookup'),
  };
}

/** Ledger outcomes of a validation that let someone in: those have an entry slip to reprint. */
const ENTRY_OUTCOMES = ['validated', 'provisional'];

export function hasEntrySlip(row: { kind: string; outcome: string }): boolean {
  return row.kind === 'validation' && ENTRY_OUTCOMES.includes(row.outcome);
}

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
