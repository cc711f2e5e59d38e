/**
 * Whether a booking can be validated now, from what this counter knows of it: the platform's rule, written once
 * for the engine (local verdicts, refusals before sending) and the interface (provisional search, demo codes).
 * pass Culture validates a booking only while it is CONFIRMED and past its confirmation date: before that date an
 * event booking may still be cancelled by the beneficiary (docs/platform.md, "not confirmed yet").
 */
import type { BookingStatus } from './platform/schemas';

export type Validatability =
  | { ok: true }
  | { ok: false; reason: 'used' | 'cancelled' | 'reimbursed' }
  | { ok: false; reason: 'not_yet'; validatableFrom: string };

/** Still in its cancellation window at `now` (no confirmation date: never). */
export function isNotConfirmedYet(booking: { confirmationDate: string | null }, now: Date): boolean {
  return booking.confirmationDate !== null && new Date(booking.confirmationDate).getTime() > now.getTime();
}

export function validatability(
  booking: { status: BookingStatus; confirmationDate: string | null },
  now: Date,
): Validatability {
  switch (booking.status) {
    case 'USED':
      return { ok: false, reason: 'used' };
    case 'CANCELLED':
      return { ok: false, reason: 'cancelled' };
    case 'REIMBURSED':
      return { ok: false, reason: 'reimbursed' };
    case 'CONFIRMED':
      if (booking.confirmationDate !== null && isNotConfirmedYet(booking, now)) {
        return { ok: false, reason: 'not_yet', validatableFrom: booking.confirmationDate };
      }
      return { ok: true };
  }
}
