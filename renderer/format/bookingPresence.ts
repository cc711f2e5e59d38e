/** Where a booking stands for the evening, as the screens say it (Réservations, the offline search by name). */
import type { BookingRow } from '../../shared/contract';
import { isNotConfirmedYet } from '../../shared/validatable';

/** Expected, came (validated, here or elsewhere), or not coming. */
export type BookingPresence = 'expected' | 'came' | 'cancelled' | 'reimbursed';

export function bookingPresence(row: BookingRow): BookingPresence {
  if (row.status === 'REIMBURSED') return 'reimbursed';
  if (row.status === 'CANCELLED') return 'cancelled';
  // A validation made here while offline stands before the mirror hears of it.
  if (row.status === 'USED' || row.validatedHere) return 'came';
  return 'expected';
}

/**
 * Offline, a booking found by name: it can be validated provisionally when it is expected and past its cancellation
 * window; one still in that window says when it can be; any other (came, cancelled…) only shows its status.
 */
export function provisionalStanding(row: BookingRow, now: Date): 'validatable' | 'not_confirmed' | 'not_expected' {
  if (bookingPresence(row) !== 'expected') return 'not_expected';
  return isNotConfirmedYet(row, now) ? 'not_confirmed' : 'validatable';
}

/** The séance list's filters: everyone, still expected, came (reimbursed ones came too), cancelled. */
export const PRESENCE_FILTERS = ['all', 'expected', 'came', 'cancelled'] as const;
export type PresenceFilter = (typeof PRESENCE_FILTERS)[number];

export function matchesPresence(row: BookingRow, filter: PresenceFilter): boolean {
  if (filter === 'all') return true;
  const presence = bookingPresence(row);
  return filter === 'came' ? presence === 'came' || presence === 'reimbursed' : presence === filter;
}
