/**
 * What happens to a booking outside the counter's API calls, for tests of the counter's status refresh: the
 * beneficiary cancels in the app, the venue validates on the pro web site (or cancels by deleting the séance),
 * the platform reimburses. Each follows the platform's rules and says why it refuses, like the public routes.
 */
import { cancelBooking, usabilityError, type PlatformError } from './rules';
import type { Booking } from './state';

export type CancelledBy = 'beneficiary' | 'offerer';

/**
 * The beneficiary may cancel only within the cancellation window (the same check as PATCH cancel). The offerer
 * (pro web site, or a deleted séance) cancels any unused booking, whatever the window.
 */
export function cancelOutside(booking: Booking, now: number, by: CancelledBy): PlatformError | null {
  if (by === 'offerer' && booking.status === 'CONFIRMED') {
    booking.status = 'CANCELLED';
    booking.cancelledAt = now;
    return null;
  }
  return cancelBooking(booking, now);
}

/** Validated on the pro web site: the platform's usual checks, but not counted in `usedCount` (API uses only). */
export function useOutside(booking: Booking, now: number): PlatformError | null {
  const error = usabilityError(booking, now);
  if (error) return error;
  booking.status = 'USED';
  booking.dateUsed = now;
  return null;
}

/** A payment run: only used bookings are reimbursed; the date of use stays. */
export function reimburse(booking: Booking): PlatformError | null {
  switch (booking.status) {
    case 'USED':
      booking.status = 'REIMBURSED';
      return null;
    case 'REIMBURSED':
      return { status: 403, body: { payment: 'This booking has already been reimbursed' } };
    case 'CANCELLED':
      return { status: 410, body: { booking: 'This booking has been cancelled' } };
    case 'CONFIRMED':
      return { status: 403, body: { booking: 'This booking has not been used' } };
  }
}
