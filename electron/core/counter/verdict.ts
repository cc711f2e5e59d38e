/**
 * The guichet's verdict rules: what a lookup answer means for the cashier. Pure functions, unit-tested.
 * green `valid`: the platform returned the booking (it only does for a validatable one), séance of the moment;
 * amber `other_seance`: validatable, but for a séance outside the counter's window (another day, or passed);
 * amber `not_yet`: an event booking still in its cancellation window (403 with the date);
 * red `refused`: unknown, already used, cancelled, reimbursed, offerer closed.
 */
import type { BookingView, ErrorCode, RefusalReason, Verdict } from '../../../shared/contract';
import { t } from '../../../shared/i18n';
import { seanceTiming, type SeanceWindow } from '../../../shared/seanceWindow';
import type { KnownBooking } from '../db/bookingCache';

export function bookingView(booking: KnownBooking, seanceStart: string | null): BookingView {
  return {
    bookingId: booking.bookingId,
    firstName: booking.firstName,
    lastName: booking.lastName,
    offerName: booking.offerName,
    seanceStart,
    quantity: booking.quantity,
    isDuo: booking.quantity === 2,
    unitPriceCents: booking.unitPriceCents,
    totalPriceCents: booking.unitPriceCents * booking.quantity,
    priceCategoryLabel: booking.priceCategoryLabel,
    venueName: booking.venueName,
  };
}

const REFUSALS: Partial<Record<ErrorCode, RefusalReason>> = {
  countermark_unknown: 'unknown',
  already_used: 'used',
  cancelled: 'cancelled',
  reimbursed: 'reimbursed',
  offerer_closed: 'offerer_closed',
};

/** The refusal a platform error stands for, or null when the error says nothing about the booking. */
export function refusalFor(code: ErrorCode): RefusalReason | null {
  return REFUSALS[code] ?? null;
}

type VerdictBase = Pick<Verdict, 'token' | 'ledgerId' | 'booking' | 'source'>;
/** Fields only some verdicts carry; `placeInTime` and the refusal paths fill them in. */
const NO_DETAILS = { seanceTiming: null, usedBy: null } as const;

export function validVerdict(base: VerdictBase, message = t('verdict.valid')): Verdict {
  return { ...base, ...NO_DETAILS, kind: 'valid', reason: null, message, validatableFrom: null, undo: null };
}

export interface TimeContext {
  now: Date;
  window: SeanceWindow;
  timeZone: string;
}

/**
 * Where the booking's séance stands against the counter's window; a green verdict for another day's séance, or
 * one whose window has closed, turns amber (`other_seance`): it stays validatable, with the cashier's confirmation.
 */
export function placeInTime<V extends Pick<Verdict, 'kind' | 'booking' | 'seanceTiming' | 'message'>>(
  verdict: V,
  time: TimeContext,
): V {
  const timing = seanceTiming(verdict.booking?.seanceStart ?? null, time.now, time.window, time.timeZone);
  if (verdict.kind !== 'valid' || timing === null || timing === 'in_window')
    return { ...verdict, seanceTiming: timing };
  return { ...verdict, kind: 'other_seance', seanceTiming: timing, message: t(`verdict.other_seance.${timing}`) };
}

/** The ledger outcome of a lookup's verdict (`valid`, `other_seance`, `not_yet`, a refusal reason…). */
export function lookupOutcome(verdict: Pick<Verdict, 'kind' | 'reason'>): string {
  return verdict.kind === 'refused' ? (verdict.reason ?? 'refused') : verdict.kind;
}

/** Offline, and the token was never seen here: it cannot be checked; the cashier finds the person by name. */
export function unverifiableVerdict(base: Omit<VerdictBase, 'booking' | 'source'>): Verdict {
  return {
    ...base,
    booking: null,
    source: 'local',
    ...NO_DETAILS,
    kind: 'unverifiable',
    reason: null,
    message: t('sync.offline_unknown'),
    validatableFrom: null,
    undo: null,
  };
}

export function notYetVerdict(base: VerdictBase, message: string, validatableFrom: string | null): Verdict {
  return { ...base, ...NO_DETAILS, kind: 'not_yet', reason: null, message, validatableFrom, undo: null };
}

export function refusedVerdict(
  base: VerdictBase,
  reason: RefusalReason,
  message: string,
  undo: Verdict['undo'] = null,
  usedBy: Verdict['usedBy'] = null,
): Verdict {
  return { ...base, ...NO_DETAILS, kind: 'refused', reason, message, validatableFrom: null, undo, usedBy };
}

/** "2 places (DUO)" / "1 place", for confirmations. */
export function placesText(quantity: number): string {
  const places = t('places', { count: quantity });
  return quantity === 2 ? `${places} (DUO)` : places;
}
