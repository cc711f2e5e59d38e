export type ScreenName =
  'counter' | 'programme' | 'bookings' | 'journal' | 'sync' | 'settings' | 'printing' | 'reimbursements' | 'reports';
