/**
 * The guichet's verdict rules: what a lookup answer means for the cashier. Pure functions, unit-tested.
 * green `valid`: the platform returned the booking (it only does for a validatable one);
 * amber `not_yet`: an event booking still in its cancellation window (403 with the date);
 * red `refused`: unknown, already used, cancelled, reimbursed, offerer closed.
 */
import type { BookingView, ErrorCode, RefusalReason, Verdict } from '../../../shared/contract';
import { t } from '../../../shared/i18n';
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

export function validVerdict(base: VerdictBase, message = t('verdict.valid')): Verdict {
  return { ...base, kind: 'valid', reason: null, message, validatableFrom: null, undo: null };
}

/** Offline, and the token was never seen here: it cannot be checked; the cashier finds the person by name. */
export function unverifiableVerdict(base: Omit<VerdictBase, 'booking' | 'source'>): Verdict {
  return {
    ...base,
    booking: null,
    source: 'local',
    kind: 'unverifiable',
    reason: null,
    message: t('sync.offline_unknown'),
    validatableFrom: null,
    undo: null,
  };
}

export function notYetVerdict(base: VerdictBase, message: string, validatableFrom: string | null): Verdict {
  return { ...base, kind: 'not_yet', reason: null, message, validatableFrom, undo: null };
}

export function refusedVerdict(
  base: VerdictBase,
  reason: RefusalReason,
  message: string,
  undo: Verdict['undo'] = null,
): Verdict {
  return { ...base, kind: 'refused', reason, message, validatableFrom: null, undo };
}

/** "2 places (DUO)" / "1 place", for confirmations. */
export function placesText(quantity: number): string {
  const places = t('places', { count: quantity });
  return quantity === 2 ? `${places} (DUO)` : places;
}
