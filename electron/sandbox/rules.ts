/**
 * The platform's rules on countermarks, as in `pcapi/core/bookings/validation.py` and the public bookings routes:
 * which answer a look-up, a validation ("use"), an undo ("keep") or a cancellation gets, and what each changes.
 * Error bodies are copied verbatim from the platform (docs/platform.md).
 */
import type { Booking } from './state';
import { HOUR, formatParisDateTime } from './time';

export interface PlatformError {
  status: number;
  body: Record<string, unknown>;
}

export const CONFIRM_AFTER_CREATION = 48 * HOUR;
export const CONFIRM_BEFORE_EVENT = 48 * HOUR;

export const NOT_FOUND: PlatformError = { status: 404, body: { global: 'This countermark cannot be found' } };
export const UNAUTHORIZED: PlatformError = { status: 401, body: { auth: 'API key required' } };

/** End of the beneficiary's cancellation window: max(min(start − 48 h, booked + 48 h), booked). */
export function confirmationDate(start: number, created: number): number {
  return Math.max(Math.min(start - CONFIRM_BEFORE_EVENT, created + CONFIRM_AFTER_CREATION), created);
}

/** The platform's `isConfirmed`: the cancellation window is over. */
export function isConfirmed(booking: Booking, now: number): boolean {
  return booking.confirmationAt <= now;
}

export function notConfirmedMessage(confirmationAt: number): string {
  return (
    `Vous pourrez valider cette contremarque à partir du ${formatParisDateTime(confirmationAt)}, ` +
    'une fois le délai d’annulation passé.'
  );
}

/** `check_is_usable`: why a look-up or a validation is refused, or null. Reimbursement is checked first. */
export function usabilityError(booking: Booking, now: number): PlatformError | null {
  switch (booking.status) {
    case 'REIMBURSED':
      return { status: 403, body: { payment: 'This booking has already been reimbursed' } };
    case 'USED':
      return { status: 410, body: { booking: 'This booking has already been validated' } };
    case 'CANCELLED':
      return { status: 410, body: { booking: 'This booking has been cancelled' } };
    case 'CONFIRMED':
      if (!isConfirmed(booking, now)) {
        return { status: 403, body: { booking: notConfirmedMessage(booking.confirmationAt) } };
      }
      return null;
  }
}

/** `check_can_be_mark_as_unused` (PATCH keep). */
export function keepError(booking: Booking): PlatformError | null {
  switch (booking.status) {
    case 'CANCELLED':
      return { status: 410, body: { booking: 'This booking has been cancelled' } };
    case 'REIMBURSED':
      return { status: 403, body: { payment: 'This booking has been reimbursed' } };
    case 'CONFIRMED':
      return { status: 403, body: { booking: 'This booking has not been used' } };
    case 'USED':
      return null;
  }
}

/** `check_booking_can_be_cancelled` then, for events, `check_booking_cancellation_limit_date` (PATCH cancel). */
export function cancelError(booking: Booking, now: number): PlatformError | null {
  switch (booking.status) {
    case 'CANCELLED':
      return { status: 410, body: { booking: 'This booking has already been cancelled' } };
    case 'REIMBURSED':
      return { status: 403, body: { payment: 'This booking has been reimbursed' } };
    case 'USED':
      return { status: 410, body: { booking: 'This booking has been validated' } };
    case 'CONFIRMED':
      if (isConfirmed(booking, now)) {
        return { status: 403, body: { booking: 'This booking cannot be cancelled anymore' } };
      }
      return null;
  }
}

/** PATCH use: validates the countermark, or says why not. */
export function useBooking(booking: Booking, now: number): PlatformError | null {
  const error = usabilityError(booking, now);
  if (error) return error;
  booking.status = 'USED';
  booking.dateUsed = now;
  booking.usedCount += 1;
  return null;
}

/** PATCH keep: back from USED to CONFIRMED. */
export function keepBooking(booking: Booking): PlatformError | null {
  const error = keepError(booking);
  if (error) return error;
  booking.status = 'CONFIRMED';
  booking.dateUsed = null;
  return null;
}

/** PATCH cancel: cancels a booking still in its cancellation window; its seats become free again. */
export function cancelBooking(booking: Booking, now: number): PlatformError | null {
  const error = cancelError(booking, now);
  if (error) return error;
  booking.status = 'CANCELLED';
  booking.cancelledAt = now;
  return null;
}

/** What a look-up would answer now, for the control API. */
export type LookupOutcome = 'valid' | 'not_confirmed' | 'used' | 'cancelled' | 'reimbursed';

export function lookupOutcome(booking: Booking, now: number): LookupOutcome {
  switch (booking.status) {
    case 'REIMBURSED':
      return 'reimbursed';
    case 'USED':
      return 'used';
    case 'CANCELLED':
      return 'cancelled';
    case 'CONFIRMED':
      return isConfirmed(booking, now) ? 'valid' : 'not_confirmed';
  }
}
