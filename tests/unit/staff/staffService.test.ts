/**
 * The team at the counter (issue 15): PINs kept as slow salted hashes, sign-in by PIN alone, five wrong PINs lock
 * the pad for a minute (audited), the idle lock on a fake clock, and a counter with no team asks nothing.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase, type CounterDb } from '../../../electron/core/db/open';
import { createStaffStore } from '../../../electron/core/db/staffStore';
import { hashPin, verifyPin } from '../../../electron/core/staff/pin';
import { createStaff, PAD_LOCK_MS, type Staff } from '../../../electron/core/staff/staffService';
import type { Actor } from '../../../electron/core/staff/actor';

let dir: string;
let db: CounterDb;
let staff: Staff;
let wallMs: number;
let monoMs: number;
let changes: number;

const IMPLICIT: Actor = { terminal: 'caisse', personId: null, personName: null, role: 'manager' };

function advance(ms: number): void {
  wallMs += ms;
  monoMs += ms;
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'guichet-staff-'));
  db = openDatabase(path.join(dir, 'guichet.sqlite'));
  wallMs = Date.parse('2026-11-27T19:41:00.000Z');
  monoMs = 1_000;
  changes = 0;
  staff = createStaff({
    store: createStaffStore(db),
    mode: 'live',
    counterName: 'Caisse 1',
    clock: () => new Date(wallMs),
    monotonicMs: () => monoMs,
    timeZone: () => 'Europe/Paris',
    onChanged: () => (changes += 1),
  });
});
afterEach(() => {
  closeDatabase(db);
  fs.rmSync(dir, { recursive: true, force: true });
});

async function team(): Promise<{ managerId: number; cashierId: number }> {
  const manager = await staff.addPerson(IMPLICIT, { firstName: 'Sam', role: 'manager', pin: '1357' });
  const cashier = await staff.addPerson(IMPLICIT, { firstName: 'Léa', role: 'cashier', pin: '2468' });
  staff.signOut('caisse', false);
  return { managerId: manager.id, cashierId: cashier.id };
}

describe('PIN hashing', () => {
  it('keeps a salted scrypt hash, never the PIN, and checks it', async () => {
    const one = await hashPin('2468');
    const two = await hashPin('2468');
    expect(one).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(one).not.toContain('2468');
    expect(one).not.toBe(two); // salted
    expect(await verifyPin('2468', one)).toBe(true);
    expect(await verifyPin('2469', one)).toBe(false);
    expect(await verifyPin('2468', 'plain')).toBe(false);
  });

  it('stores only hashes in the database', async () => {
    await team();
    const rows = db.$client.prepare('SELECT pin_hash FROM staff_people').pluck().all() as string[];
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(row).not.toMatch(/1357|2468/);
  });
});

describe('a counter with no team', () => {
  it('is the implicit manager everywhere, with no PIN asked', () => {
    expect(staff.session('caisse')).toMatchObject({ teamConfigured: false, person: { id: null, role: 'manager' } });
    expect(staff.authorize('counter.settings.set', { terminal: 'caisse' })).toMatchObject({ role: 'manager' });
  });
});

describe('sign-in', () => {
  it('one PIN signs its owner in, the first person must be a manager, PINs are unique', async () => {
    await expect(staff.addPerson(IMPLICIT, { firstName: 'Léa', role: 'cashier', pin: '2468' })).rejects.toMatchObject({
      code: 'team_invalid',
    });
    const { cashierId } = await team();
    await expect(staff.addPerson(IMPLICIT, { firstName: 'Zoé', role: 'cashier', pin: '2468' })).rejects.toMatchObject({
      code: 'pin_taken',
    });
    expect(staff.session('caisse').person).toBeNull();
    const session = await staff.signIn('caisse', '2468');
    expect(session.person).toEqual({ id: cashierId, firstName: 'Léa', role: 'cashier' });
    // Another screen is not signed in by it.
    expect(staff.session('other').person).toBeNull();
    // One gesture switches the person.
    expect((await staff.signIn('caisse', '1357')).person?.firstName).toBe('Sam');
  });

  it('five wrong PINs lock the pad for a minute, audited; the right PIN waits too', async () => {
    await team();
    for (let i = 1; i <= 4; i += 1) {
      await expect(staff.signIn('caisse', '0000')).rejects.toMatchObject({ code: 'pin_wrong' });
    }
    await expect(staff.signIn('caisse', '0000')).rejects.toMatchObject({ code: 'pin_pad_locked' });
    expect(staff.session('caisse').padLockedUntil).toBe(new Date(wallMs + PAD_LOCK_MS).toISOString());
    await expect(staff.signIn('caisse', '2468')).rejects.toMatchObject({ code: 'pin_pad_locked' });
    advance(PAD_LOCK_MS - 1);
    await expect(staff.signIn('caisse', '2468')).rejects.toMatchObject({ code: 'pin_pad_locked' });
    advance(1);
    expect((await staff.signIn('caisse', '2468')).person?.firstName).toBe('Léa');
    const actions = staff.auditRows(50).map((r) => r.action);
    expect(actions.filter((a) => a === 'pin_failed')).toHaveLength(5);
    expect(actions).toContain('pad_locked');
    expect(actions[0]).toBe('sign_in');
    // The audit never holds a PIN.
    expect(JSON.stringify(staff.auditRows(50))).not.toMatch(/0000|2468/);
  });

  it('the pad counts failures in a row: a success starts again from five', async () => {
    await team();
    for (let i = 0; i < 4; i += 1) await expect(staff.signIn('caisse', '9999')).rejects.toThrow();
    await staff.signIn('caisse', '2468');
    for (let i = 0; i < 4; i += 1) {
      await expect(staff.signIn('caisse', '9999')).rejects.toMatchObject({ code: 'pin_wrong' });
    }
  });
});

describe('the idle lock', () => {
  it('locks after the idle time (15 min by default); activity calls keep it open', async () => {
    await team();
    await staff.signIn('caisse', '2468');
    expect(staff.session('caisse').idleMinutes).toBe(15);
    advance(14 * 60_000);
    staff.authorize('counter.lookup', { terminal: 'caisse' }); // a scan is activity
    advance(14 * 60_000);
    // A background read is not someone at the screen.
    staff.authorize('ledger.today', { terminal: 'caisse' });
    advance(60_000 - 1);
    expect(staff.session('caisse').person?.firstName).toBe('Léa');
    advance(1);
    expect(staff.session('caisse').person).toBeNull();
    expect(() => staff.authorize('counter.lookup', { terminal: 'caisse' })).toThrow(
      expect.objectContaining({ code: 'signed_out' }),
    );
    // A locked screen may still say what it is.
    expect(staff.authorize('status.get', { terminal: 'caisse' })).toMatchObject({ personId: null, role: null });
    expect(staff.auditRows(5)[0]).toMatchObject({ action: 'idle_lock', personName: 'Léa' });
  });

  it('follows the configured idle time', async () => {
    const { managerId } = await team();
    await staff.signIn('caisse', '1357');
    staff.setIdleMinutes({ terminal: 'caisse', personId: managerId, personName: 'Sam', role: 'manager' }, 2);
    advance(2 * 60_000);
    expect(staff.session('caisse').person).toBeNull();
  });
});

describe('the team', () => {
  it('keeps an active manager, signs out a demoted or deactivated person, audits role changes', async () => {
    const { managerId, cashierId } = await team();
    const sam: Actor = { terminal: 'bureau', personId: managerId, personName: 'Sam', role: 'manager' };
    await expect(staff.updatePerson(sam, { id: managerId, role: 'cashier' })).rejects.toMatchObject({
      code: 'team_invalid',
    });
    await staff.signIn('caisse', '2468');
    await staff.updatePerson(sam, { id: cashierId, role: 'manager' });
    expect(staff.session('caisse').person).toBeNull();
    await staff.updatePerson(sam, { id: cashierId, active: false });
    await expect(staff.signIn('caisse', '2468')).rejects.toMatchObject({ code: 'pin_wrong' });
    const rows = staff.auditRows(10);
    expect(rows.find((r) => r.action === 'role_changed')).toMatchObject({
      personName: 'Sam',
      detail: expect.stringContaining('Léa'),
    });
    expect(rows.find((r) => r.action === 'person_deactivated')).toMatchObject({ personName: 'Sam', detail: 'Léa' });
  });

  it('the audit is append-only', async () => {
    await team();
    expect(() => db.$client.prepare('DELETE FROM staff_audit').run()).toThrow(/append-only/);
    expect(() => db.$client.prepare("UPDATE staff_audit SET person_name = 'X'").run()).toThrow(/append-only/);
  });
});
