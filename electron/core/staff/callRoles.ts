/**
 * The role each contract call needs, checked by the one dispatcher before any handler runs (dispatch.ts). A
 * `Record` over every call name: a new call without a line here does not compile, and a test checks the table
 * against the contract's list.
 *
 * - `anyone`: a locked screen may still make it (the lock screen, the status line, the engine's health).
 * - `cashier`: the work at the guichet: look up, validate, undo (their own, within 10 minutes: counter/handlers),
 *   provisional validation, reprint, the day's journal, the bookings and programme read-only.
 * - `manager`: everything else: undo anyone's validation, programme and seats, conflicts, Réglages, exports and
 *   reports, the account and data erasure, the team.
 */
import type { CallName, StaffRole } from '../../../shared/contract';

export type CallAccess = 'anyone' | StaffRole;

export const CALL_ROLES: Readonly<Record<CallName, CallAccess>> = {
  // What a locked screen needs to show itself and say why scans are impossible.
  'app.info': 'anyone',
  'status.get': 'anyone',
  'staff.session': 'anyone',
  'staff.signIn': 'anyone',
  'staff.signOut': 'anyone',
  'staff.activity': 'anyone',
  'printer.status': 'anyone',
  'scanner.devices': 'anyone',
  'counter.settings.get': 'anyone', // the verdict sounds' volume: nothing to hide
  'notifications.settings.get': 'anyone',
  'scanner.layout.get': 'anyone', // the scanner reader needs it before the first scan after sign-in
  'database.recovery': 'anyone', // the engine could not start: there is no team to ask
  'counter.scanUnderway': 'anyone', // says nothing, returns nothing: a locked screen's scan is refused at its lookup
  // The guichet.
  'counter.lookup': 'cashier',
  'counter.validate': 'cashier',
  'counter.undo': 'cashier',
  'counter.validateProvisional': 'cashier',
  'counter.resolveCandidates': 'cashier',
  'ledger.today': 'cashier',
  'demo.bookings': 'cashier',
  'bookings.search': 'cashier',
  'bookings.forSeance': 'cashier',
  'programme.list': 'cashier',
  'programme.poster': 'cashier',
  'programme.unscheduled': 'cashier', // the Programme's "Sans séance" tab, read-only
  'printer.jobs': 'cashier',
  'printer.reprint': 'cashier',
  'printer.retry': 'cashier',
  'printer.cancel': 'cashier',
  'printer.preview': 'cashier',
  'printer.settings.get': 'cashier', // the Impression screen shows the printer in use
  'printer.testPage': 'cashier', // after changing the paper roll
  'sync.overview': 'cashier', // the queue and its state, read-only: conflicts are handled by the manager
  'sync.now': 'cashier',
  // The scanner reader learns the scanner's layout from the QR codes the cashier scans (Réglages can forget it).
  'scanner.layout.set': 'cashier',
  // The manager's.
  'sync.retry': 'manager',
  'sync.markHandled': 'manager',
  'account.get': 'manager',
  'account.test': 'manager',
  'account.save': 'manager',
  'account.useDemo': 'manager',
  'database.recover': 'manager',
  'privacy.settings.get': 'manager',
  'privacy.settings.set': 'manager',
  'printer.settings.set': 'manager',
  'printer.discover': 'manager',
  'reimbursements.overview': 'manager',
  'reports.endOfDay': 'manager',
  'reports.endOfDayCsv': 'manager',
  'reports.printEndOfDay': 'manager',
  'programme.offer': 'manager',
  'programme.offer.create': 'manager',
  'programme.offer.update': 'manager',
  'programme.offer.setActive': 'manager',
  'programme.priceCategory.add': 'manager',
  'programme.priceCategory.update': 'manager',
  'programme.seance.add': 'manager',
  'programme.seance.update': 'manager',
  'programme.seance.delete': 'manager',
  'programme.seats.set': 'manager',
  'programme.sales.close': 'manager',
  'programme.sales.reopen': 'manager',
  'notifications.settings.set': 'manager',
  'counter.settings.set': 'manager',
  'staff.people.list': 'manager',
  'staff.people.add': 'manager',
  'staff.people.update': 'manager',
  'staff.settings.set': 'manager',
  'staff.demoTeam': 'manager',
  'staff.audit': 'manager',
  // Counters on the LAN: the banner of every screen reads the link's state (the pairing code only reaches a
  // manager: lanHost.ts); Réglages → Postes is the manager's. A secondary prints the slip of its own validations.
  'lan.get': 'anyone',
  'lan.setRole': 'manager',
  'lan.pairingCode': 'manager',
  'lan.revoke': 'manager',
  'lan.pair': 'manager',
  'lan.unpair': 'manager',
  'printer.printValidation': 'cashier',
};

/** Whether `role` may make a call that needs `access` (a manager may do everything a cashier may). */
export function allows(access: CallAccess, role: StaffRole | null): boolean {
  if (access === 'anyone') return true;
  if (role === null) return false;
  return access === 'cashier' || role === 'manager';
}
