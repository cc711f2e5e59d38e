import type { BookingView, CallOutput, ContractError, Undo, Validation, Verdict } from '../../../shared/contract';

/** Offline: a validation recorded here for a booking chosen by name, checked by the platform later. */
export type ProvisionalValidation = CallOutput<'counter.validateProvisional'>;

/** What the verdict area shows: a lookup's verdict, or the outcome of the last action. */
export type CounterPanel =
  | { kind: 'verdict'; verdict: Verdict }
  | { kind: 'validated'; validation: Validation; booking: BookingView | null }
  | { kind: 'undone'; undo: Undo; booking: BookingView | null }
  | { kind: 'provisional'; validation: ProvisionalValidation; booking: BookingView }
  | { kind: 'error'; token: string | null; error: ContractError };

/** The `data-kind` of the panel: green/amber/red verdicts, then action outcomes. */
export type PanelKind = Verdict['kind'] | 'validated' | 'undone' | 'provisional' | 'error';

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
  }
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

/** An offline lookup's token, and the booking the cashier found by name for it (asks for a confirmation). */
export interface ProvisionalRequest {
  token: string;
  booking: BookingView;
}
