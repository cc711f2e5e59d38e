/**
 * What the verdict area shows, and the small rules read off it: its kind (colour and words), the countermark it is
 * about, whether Enter may admit it, its sound, whether pass Culture has it yet. Pure: no React, tested under Node.
 */
import type {
  BookingRow,
  BookingView,
  CallOutput,
  ContractError,
  DemoBooking,
  Undo,
  Validation,
  Verdict,
} from '../../../shared/contract';
import type { ForeignCode } from '../../../shared/foreignCode';
import { seanceTiming, type SeanceWindow } from '../../../shared/seanceWindow';
import { truncateText } from '../../format/truncate';
import type { VerdictSound } from '../../sounds/verdictNotes';

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

/** `sent` / `pending` for an action's outcome (a provisional validation always waits for the network). */
export function uploadState(panel: CounterPanel): 'sent' | 'pending' | undefined {
  if (panel.kind === 'validated') return panel.validation.upload;
  if (panel.kind === 'undone') return panel.undo.upload;
  if (panel.kind === 'provisional') return 'pending';
  return undefined;
}

/** "Camille D.": enough to recognise a person in a note, without spelling their name out to the queue. */
export function shortName(booking: BookingView | null): string | null {
  if (!booking) return null;
  const initial = Array.from(booking.lastName.trim())[0] ?? '';
  const first = truncateText(booking.firstName.trim(), 30).text;
  return initial ? `${first} ${initial.toUpperCase()}.` : first;
}

/** The sound of what the panel says (null: silence, e.g. an undo). */
export function soundOf(panel: CounterPanel): VerdictSound | null {
  switch (panel.kind) {
    case 'verdict':
      switch (panel.verdict.kind) {
        case 'valid':
          return 'valid';
        case 'refused':
          return 'refused';
        case 'other_seance':
        case 'not_yet':
        case 'unverifiable':
          return 'warning';
      }
      return null;
    case 'validated':
    case 'provisional':
      return 'validated';
    case 'foreign':
      return 'not_countermark';
    case 'error':
      return 'warning';
    case 'undone':
      return null;
  }
}

const identities = new WeakMap<object, number>();
let nextIdentity = 1;

/**
 * What makes a panel a new answer, heard once: not the same answer updated (e.g. "sera envoyée" turned "envoyée",
 * or pass Culture confirming a local verdict of the same kind).
 */
export function answerKey(panel: CounterPanel): string {
  const ledgerId =
    panel.kind === 'verdict'
      ? panel.verdict.ledgerId
      : panel.kind === 'validated' || panel.kind === 'provisional'
        ? panel.validation.ledgerId
        : panel.kind === 'undone'
          ? panel.undo.ledgerId
          : null;
  if (ledgerId !== null) return `${panel.kind}:${ledgerId}:${panel.kind === 'verdict' ? panel.verdict.kind : ''}`;
  let identity = identities.get(panel);
  if (identity === undefined) {
    identity = nextIdentity++;
    identities.set(panel, identity);
  }
  return `${panel.kind}#${identity}`;
}

/** The séance is known and not one of the moment (the engine's rule, shared/seanceWindow.ts). */
export function isOutsideWindow(startUtc: string | null, window: SeanceWindow, timeZone: string, now: Date): boolean {
  const timing = seanceTiming(startUtc, now, window, timeZone);
  return timing !== null && timing !== 'in_window';
}

/** The confirmation asked before admitting another séance's booking words its title after its timing. */
export function otherSeanceTiming(verdict: Verdict): 'past' | 'later_today' | 'other_day' {
  return verdict.seanceTiming === 'in_window' || !verdict.seanceTiming ? 'other_day' : verdict.seanceTiming;
}

/** A mirror row shown with the verdict's components (name, film, séance, places). */
export function bookingViewOfRow(row: BookingRow, venueName: string): BookingView {
  return {
    bookingId: row.bookingId,
    firstName: row.firstName,
    lastName: row.lastName,
    offerName: row.offerName,
    seanceStart: row.seanceStart,
    quantity: row.quantity,
    isDuo: row.quantity === 2,
    unitPriceCents: row.unitPriceCents,
    totalPriceCents: row.unitPriceCents * row.quantity,
    priceCategoryLabel: row.priceCategoryLabel,
    venueName,
  };
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

/** The slip reprint asked from the validated panel, and what became of it (shown next to the button). */
export type ReprintState =
  { ledgerId: number; state: 'busy' | 'sent' } | { ledgerId: number; state: 'error'; message: string };

export type DemoStatus = 'to_validate' | 'not_confirmed' | 'used' | 'cancelled' | 'reimbursed';

/** What a cashier would get for this sandbox booking, in the words of the demo list. */
export function demoStatusOf(booking: DemoBooking): DemoStatus {
  switch (booking.status) {
    case 'CONFIRMED':
      return booking.confirmed ? 'to_validate' : 'not_confirmed';
    case 'USED':
      return 'used';
    case 'CANCELLED':
      return 'cancelled';
    case 'REIMBURSED':
      return 'reimbursed';
  }
}
