import type { BookingRow } from '../../../shared/contract';
import { bookingPresence } from '../../format/bookingPresence';

/** The séance list's filters: everyone, still expected, came (reimbursed ones came too), cancelled. */
export const PRESENCE_FILTERS = ['all', 'expected', 'came', 'cancelled'] as const;
export type PresenceFilter = (typeof PRESENCE_FILTERS)[number];

export function matchesPresence(row: BookingRow, filter: PresenceFilter): boolean {
  if (filter === 'all') return true;
  const presence = bookingPresence(row);
  return filter === 'came' ? presence === 'came' || presence === 'reimbursed' : presence === filter;
}
