import type { DemoBooking } from '../../../../shared/contract';

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
