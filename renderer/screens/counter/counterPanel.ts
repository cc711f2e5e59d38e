import type { BookingView, CallOutput, ContractError, Undo, Validation, Verdict } from '../../../shared/contract';
import type { ForeignCode } from '../../../shared/foreignCode';
import { truncateText } from '../../format/truncate';

/** Offline: a validation recorded here for a booking chosen by name, checked by the platform later. */
export type ProvisionalValidation = CallOutput<'counter.validateProvisional'>;

/** What the verdict area shows: a lookup's verdict, or the outcome of the last action. */
export type CounterPanel =
  | { kind: 'verdict'; verdict: Verdict }
  | { kind: 'validated'; validation: Validation; booking: BookingView | null }
  | { kind: 'undone'; undo: Undo; booking: BookingView | null }
  | { kind: 'provisional'; validation: ProvisionalValidation; booking: BookingView }
  | { kind: 'error'; token: string | null; error: ContractError }
  /** A scanned or typed code that is not a countermark: what it likely is; nothing was sent. */
  | { kind: 'foreign'; code: ForeignCode };

/** The `data-kind` of the panel: green/amber/red verdicts, then action outcomes. */
export type PanelKind = Verdict['kind'] | 'validated' | 'undone' | 'provisional' | 'error' | 'foreign';

export function panelKind(panel: CounterPanel): PanelKind {
  return panel.kind === 'verdict' ? panel.verdict.kind : panel.kind;
}

/** The countermark the panel is about (null for an error before any token was known). */
export function panelToken(panel: CounterPanel): string | null {
  switch (panel.kind) {
    case 'verdict':
      return panel.verdict.token;
    case 'validated':
      return panel.validation.token;
    case 'undone':
      return panel.undo.token;
    case 'provisional':
      return panel.validation.token;
    case 'error':
      return panel.token;
    case 'foreign':
      return null;
  }
}

/** A verdict that lets someone in once the cashier confirms it: green, or amber for another séance. */
export function admittable(panel: CounterPanel | null): Verdict | null {
  if (panel?.kind !== 'verdict') return null;
  return panel.verdict.kind === 'valid' || panel.verdict.kind === 'other_seance' ? panel.verdict : null;
}

/** "Camille D.": enough to recognise a person in a note, without spelling their name out to the queue. */
export function shortName(booking: BookingView | null): string | null {
  if (!booking) return null;
  const initial = Array.from(booking.lastName.trim())[0] ?? '';
  const first = truncateText(booking.firstName.trim(), 30).text;
  return initial ? `${first} ${initial.toUpperCase()}.` : first;
}

export type CounterAction = 'lookup' | 'validate' | 'undo' | 'validateProvisional';

export interface PendingAction {
  action: CounterAction;
  token: string;
}

/** A validation the cashier may undo from the current panel. */
export interface UndoRequest {
  token: string;
  booking: BookingView | null;
}

/** A booking of another séance (another day, or past) the cashier asked to validate: asks for a confirmation. */
export interface OtherSeanceRequest {
  verdict: Verdict;
}

/** An offline lookup's token, and the booking the cashier found by name for it (asks for a confirmation). */
export interface ProvisionalRequest {
  token: string;
  booking: BookingView;
}
