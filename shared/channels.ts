/**
 * Names of every renderer→core call and core→renderer event. Kept apart from `contract.ts` (which holds
 * their schemas) so the Electron preload can check a name without bundling zod.
 */
export const CALL_NAMES = [
  'app.info',
  'counter.lookup',
  'counter.scanUnderway',
  'counter.validate',
  'counter.undo',
  'ledger.today',
  'demo.bookings',
  // sync and offline (shared/contract-sync.ts)
  'status.get',
  'counter.validateProvisional',
  'bookings.search',
  'bookings.forSeance',
  'programme.list',
  'programme.poster',
  'sync.overview',
  'sync.now',
  'sync.retry',
  'sync.markHandled',
  'account.get',
  'account.test',
  'account.save',
  'account.useDemo',
  'database.recovery',
  'database.recover',
  'privacy.settings.get',
  'privacy.settings.set',
  // printing (shared/contract-printing.ts)
  'printer.status',
  'printer.testPage',
  'printer.jobs',
  'printer.reprint',
  'printer.retry',
  'printer.cancel',
  'printer.settings.get',
  'printer.settings.set',
  'printer.discover',
  'printer.preview',
  // scanners (shared/contract-scanner.ts)
  'counter.resolveCandidates',
  'scanner.devices',
  'scanner.layout.get',
  'scanner.layout.set',
  // reimbursements and end-of-day report (shared/contract-reports.ts)
  'reimbursements.overview',
  'reports.endOfDay',
  'reports.endOfDayCsv',
  'reports.printEndOfDay',
  // programme publishing and notifications (shared/contract-programme.ts)
  'programme.offer',
  'programme.unscheduled',
  'programme.offer.create',
  'programme.offer.update',
  'programme.offer.setActive',
  'programme.priceCategory.add',
  'programme.priceCategory.update',
  'programme.seance.add',
  'programme.seance.update',
  'programme.seance.delete',
  'programme.seats.set',
  'programme.sales.close',
  'programme.sales.reopen',
  'notifications.settings.get',
  'notifications.settings.set',
  // guichet settings (shared/contract-counter.ts)
  'counter.settings.get',
  'counter.settings.set',
  // counters on the LAN (shared/contract-lan.ts)
  'lan.get',
  'lan.setRole',
  'lan.pairingCode',
  'lan.revoke',
  'lan.pair',
  'lan.unpair',
  // printing a slip for a validation made at the main counter (secondary counters)
  'printer.printValidation',
  // staff: sign-in, roles, team, audit (shared/contract-staff.ts)
  'staff.session',
  'staff.signIn',
  'staff.signOut',
  'staff.activity',
  'staff.people.list',
  'staff.people.add',
  'staff.people.update',
  'staff.settings.set',
  'staff.demoTeam',
  'staff.audit',
] as const;
export type CallName = (typeof CALL_NAMES)[number];

export const EVENT_NAMES = [
  'ledger.changed',
  'verdict.updated',
  'status.changed',
  'bookings.changed',
  'programme.changed',
  'account.changed',
  'printer.changed',
  'scanner.scan',
  'scanner.devices.changed',
  'bookings.alert',
  'upload.settled',
  'counter.settings.changed',
  'lan.changed',
  'staff.changed',
] as const;
export type EventName = (typeof EVENT_NAMES)[number];

/** IPC channel of one call / of all events (Electron host). */
export const callChannel = (name: CallName): string => `guichet:call:${name}`;
export const EVENT_CHANNEL = 'guichet:event';

/**
 * The cashier's own calls at the guichet: what a person at the counter waits for right now. The engine serves them
 * before its background work (electron/core/foreground.ts); a secondary counter may make them at its main counter
 * (shared/lanWire.ts).
 */
export const GUICHET_CALLS = [
  'counter.lookup',
  'counter.validate',
  'counter.undo',
  'counter.validateProvisional',
  'counter.resolveCandidates',
  'bookings.search',
] as const satisfies readonly CallName[];

export function isCallName(value: unknown): value is CallName {
  return typeof value === 'string' && (CALL_NAMES as readonly string[]).includes(value);
}
