import type { BookingRow } from '../../shared/contract';

/** Where a booking stands for the evening: expected, came (validated, here or elsewhere), or not coming. */
export type BookingPresence = 'expected' | 'came' | 'cancelled' | 'reimbursed';

export function bookingPresence(row: BookingRow): BookingPresence {
  if (row.status === 'REIMBURSED') return 'reimbursed';
  if (row.status === 'CANCELLED') return 'cancelled';
  // A validation made here while offline stands before the mirror hears of it.
  if (row.status === 'USED' || row.validatedHere) return 'came';
  return 'expected';
}
