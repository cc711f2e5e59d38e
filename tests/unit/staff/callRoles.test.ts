/**
 * Roles are enforced by the engine on every contract call (issue 15): each call × each role (nobody signed in,
 * cashier, manager) through the one dispatcher with the real staff service; the table covers the contract's list;
 * and the real core refuses a cashier's manager calls even when the screen's calls are made directly.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CALL_NAMES, type CallName } from '../../../shared/channels';
import { ContractFailure } from '../../../electron/core/contractFailure';
import { createDispatcher, type Handlers } from '../../../electron/core/dispatch';
import { closeDatabase, openDatabase, type CounterDb } from '../../../electron/core/db/open';
import { createStaffStore } from '../../../electron/core/db/staffStore';
import { CALL_ROLES } from '../../../electron/core/staff/callRoles';
import { createStaff, type Staff } from '../../../electron/core/staff/staffService';
import { startCounter, type CounterUnderTest } from '../../support/counterUnderTest';

/** The policy, written out independently of callRoles.ts: what a locked screen and a cashier may call. */
const ANYONE: readonly CallName[] = [
  'app.info',
  'status.get',
  'staff.session',
  'staff.signIn',
  'staff.signOut',
  'staff.activity',
  'printer.status',
  'scanner.devices',
  'scanner.layout.get',
  'counter.settings.get',
  'notifications.settings.get',
  'database.recovery',
  'counter.scanUnderway', // says nothing and returns nothing; the scan's lookup is checked as usual
  'lan.get', // every screen's banner: the main counter unreachable (the pairing code is stripped: lan tests)
];
const CASHIER: readonly CallName[] = [
  'counter.lookup',
  'counter.validate',
  'counter.undo',
  'counter.validateProvisional',
  'counter.resolveCandidates',
  'ledger.today',
  'demo.bookings',
  'bookings.search',
  'bookings.forSeance',
  'programme.list',
  'programme.poster',
  'programme.unscheduled',
  'printer.jobs',
  'printer.reprint',
  'printer.retry',
  'printer.cancel',
  'printer.preview',
  'printer.settings.get',
  'printer.testPage',
  'sync.overview',
  'sync.now',
  'scanner.layout.set',
  'printer.printValidation', // a secondary counter prints the slip of its cashier's validation
];
/** Everything else is the manager's: Réglages, account, programme writes, conflicts, reports, the team... */
const MANAGER_SAMPLE: readonly CallName[] = [
  'counter.settings.set',
  'account.save',
  'account.useDemo',
  'programme.offer.create',
  'programme.seats.set',
  'sync.retry',
  'sync.markHandled',
  'reports.endOfDay',
  'reports.endOfDayCsv',
  'reimbursements.overview',
  'privacy.settings.set',
  'staff.people.add',
  'staff.audit',
  'lan.setRole',
  'lan.pairingCode',
  'lan.revoke',
  'lan.pair',
  'lan.unpair',
];

type Who = 'nobody' | 'cashier' | 'manager';
const MAY: Record<Who, (name: CallName) => boolean> = {
  nobody: (name) => ANYONE.includes(name),
  cashier: (name) => ANYONE.includes(name) || CASHIER.includes(name),
  manager: () => true,
};

describe('the role table', () => {
  it('names every call of the contract, and nothing else', () => {
    expect(Object.keys(CALL_ROLES).sort()).toEqual([...CALL_NAMES].sort());
  });

  it('says what the policy says', () => {
    for (const name of CALL_NAMES) {
      const expected = ANYONE.includes(name) ? 'anyone' : CASHIER.includes(name) ? 'cashier' : 'manager';
      expect({ name, access: CALL_ROLES[name] }).toEqual({ name, access: expected });
    }
    for (const name of MANAGER_SAMPLE) expect(CALL_ROLES[name]).toBe('manager');
  });
});

describe('each call × each role, through the one dispatcher', () => {
  let dir: string;
  let db: CounterDb;
  let staff: Staff;
  /** Every handler answers with a marker: reaching it means the dispatcher let the call through. */
  const REACHED = 'demo_only';
  const handlers = Object.fromEntries(
    CALL_NAMES.map((name) => [
      name,
      () => {
        throw new ContractFailure(REACHED);
      },
    ]),
  ) as unknown as Handlers;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'guichet-roles-'));
    db = openDatabase(path.join(dir, 'guichet.sqlite'));
    staff = createStaff({
      store: createStaffStore(db),
      mode: 'live',
      counterName: 'Caisse 1',
      clock: () => new Date(),
      monotonicMs: () => performance.now(),
      timeZone: () => 'Europe/Paris',
      onChanged: () => {},
    });
    const first = { terminal: 'setup', personId: null, personName: null, role: 'manager' as const };
    await staff.addPerson(first, { firstName: 'Sam', role: 'manager', pin: '1357' });
    await staff.addPerson(first, { firstName: 'Léa', role: 'cashier', pin: '2468' });
    await staff.signIn('manager', '1357');
    await staff.signIn('cashier', '2468');
  });
  afterAll(() => {
    closeDatabase(db);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  for (const who of ['nobody', 'cashier', 'manager'] as const) {
    it(`${who}: every call is let through or refused as the policy says`, async () => {
      const dispatch = createDispatcher(handlers, pino({ level: 'silent' }), staff.authorize);
      const outcomes: string[] = [];
      for (const name of CALL_NAMES) {
        const envelope = await dispatch(name, {}, { terminal: who });
        const code = envelope.ok ? 'ok' : envelope.error.code;
        const refused = code === 'forbidden' || code === 'signed_out';
        if (refused === MAY[who](name)) outcomes.push(`${name}: ${code}`);
        if (refused) expect(code).toBe(who === 'nobody' ? 'signed_out' : 'forbidden');
      }
      expect(outcomes).toEqual([]);
    });
  }

  it('a person a paired secondary counter vouches for gets their role there, nothing more', async () => {
    const dispatch = createDispatcher(handlers, pino({ level: 'silent' }), staff.authorize);
    const vouched = { terminal: 'lan:caisse-2', vouched: { personName: 'Zoé', role: 'cashier' as const } };
    expect(await dispatch('ledger.today', {}, vouched)).toMatchObject({ ok: false, error: { code: REACHED } });
    expect(await dispatch('reports.endOfDay', {}, vouched)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    // A cashier vouched for undoes only a validation made under the same name at that counter.
    const actor = staff.authorize('counter.undo', vouched);
    expect(actor).toMatchObject({ personId: null, personName: 'Zoé', role: 'cashier' });
    const at = new Date().toISOString();
    expect(staff.undoRefusal(actor, { personId: null, personName: 'Zoé', at })).toBeNull();
    expect(staff.undoRefusal(actor, { personId: null, personName: 'Léa', at })).not.toBeNull();
    expect(staff.undoRefusal(actor, { personId: 2, personName: 'Zoé', at })).not.toBeNull();
  });
});

describe('the real engine', () => {
  let counter: CounterUnderTest;
  const cashier = { terminal: 'screen-cashier' };
  const manager = { terminal: 'screen-manager' };
  beforeAll(async () => {
    counter = await startCounter();
  });
  afterAll(async () => {
    await counter?.close();
  });

  it('with no team, asks nothing: every screen is the manager', async () => {
    const envelope = await counter.core.dispatch('counter.settings.get', {}, { terminal: 'anywhere' });
    expect(envelope.ok).toBe(true);
    expect(await counter.core.call('staff.session')).toMatchObject({ teamConfigured: false });
  });

  it('with a team, a cashier cannot make a manager call by calling the engine directly', async () => {
    await counter.core.call('staff.people.add', { firstName: 'Sam', role: 'manager', pin: '1357' });
    await counter.core.call('staff.people.add', { firstName: 'Léa', role: 'cashier', pin: '2468' });
    expect((await counter.core.dispatch('staff.signIn', { pin: '2468' }, cashier)).ok).toBe(true);
    expect((await counter.core.dispatch('staff.signIn', { pin: '1357' }, manager)).ok).toBe(true);
    const refused = await counter.core.dispatch(
      'counter.settings.set',
      { sound: { enabled: false, volume: 0 } },
      cashier,
    );
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect((await counter.core.dispatch('ledger.today', {}, cashier)).ok).toBe(true);
    expect((await counter.core.dispatch('counter.settings.get', {}, manager)).ok).toBe(true);
    const nobody = await counter.core.dispatch('counter.lookup', { text: 'ABCDEF' }, { terminal: 'new-screen' });
    expect(nobody).toMatchObject({ ok: false, error: { code: 'signed_out' } });
  });
});
