/**
 * Every action at the counter names its person (issue 15): the ledger row, its upload-queue row and the slip's print
 * job carry who was signed in and the counter; a cashier undoes their own validation within 10 minutes only, never a
 * colleague's; a manager undoes any; the refusal of a used countermark says who validated it; undos are audited.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../../electron/core';
import { startCounter, type CounterUnderTest } from '../../support/counterUnderTest';
import { findBookings } from '../../support/sandboxControl';

let counter: CounterUnderTest;
let offsetMs = 0;
const lea = { terminal: 'screen-lea' };
const zoe = { terminal: 'screen-zoe' };
const sam = { terminal: 'screen-sam' };

async function call(caller: { terminal: string }, name: string, input: unknown) {
  return counter.core.dispatch(name, input, caller);
}

beforeAll(async () => {
  counter = await startCounter({ clock: () => new Date(Date.now() + offsetMs) });
  await counter.core.call('staff.people.add', { firstName: 'Sam', role: 'manager', pin: '1357' });
  await counter.core.call('staff.people.add', { firstName: 'Léa', role: 'cashier', pin: '2468' });
  await counter.core.call('staff.people.add', { firstName: 'Zoé', role: 'cashier', pin: '3690' });
  for (const [caller, pin] of [
    [lea, '2468'],
    [zoe, '3690'],
    [sam, '1357'],
  ] as const) {
    expect(await call(caller, 'staff.signIn', { pin })).toMatchObject({ ok: true });
  }
});
afterAll(async () => {
  await counter?.close();
});

describe('attribution', () => {
  it('the ledger, the upload queue and the print job name the person and the counter', async () => {
    const [booking] = await findBookings(counter.sandbox.url, { status: 'CONFIRMED', confirmed: true, quantity: 1 });
    const token = booking!.token;
    expect(await call(lea, 'counter.lookup', { text: token })).toMatchObject({ ok: true });
    const validated = await call(lea, 'counter.validate', { token });
    expect(validated).toMatchObject({ ok: true });
    const ledgerId = (validated as { value: { ledgerId: number } }).value.ledgerId;
    // The slip is queued just after the commit.
    await new Promise((resolve) => setTimeout(resolve, 300));

    const db = new Database(path.join(counter.dataDir, DATABASE_FILE), { readonly: true });
    try {
      expect(db.prepare('SELECT person_name, counter_name FROM ledger_entries WHERE id = ?').get(ledgerId)).toEqual({
        person_name: 'Léa',
        counter_name: 'Caisse test',
      });
      expect(
        db.prepare('SELECT person_name, counter_name FROM upload_queue WHERE ledger_id = ?').get(ledgerId),
      ).toEqual({ person_name: 'Léa', counter_name: 'Caisse test' });
      expect(db.prepare('SELECT person_name, counter_name FROM print_jobs WHERE ledger_id = ?').get(ledgerId)).toEqual({
        person_name: 'Léa',
        counter_name: 'Caisse test',
      });
    } finally {
      db.close();
    }
    const today = await counter.core.call('ledger.today');
    expect(today.rows.find((r) => r.id === ledgerId)).toMatchObject({ personName: 'Léa', counterName: 'Caisse test' });

    // Looked up again: "validée à 20:41 par Léa, Caisse test"; Zoé may not undo it, Léa may.
    const seenByZoe = await call(zoe, 'counter.lookup', { text: token });
    expect(seenByZoe).toMatchObject({
      ok: true,
      value: {
        kind: 'refused',
        usedBy: { where: 'here', personName: 'Léa', counterName: 'Caisse test' },
        undo: { personName: 'Léa', allowed: false },
      },
    });
    const refused = await call(zoe, 'counter.undo', { token });
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect((refused as { error: { message: string } }).error.message).toContain('Léa');
    expect(await call(lea, 'counter.lookup', { text: token })).toMatchObject({
      value: { undo: { allowed: true } },
    });
    expect(await call(lea, 'counter.undo', { token })).toMatchObject({ ok: true });
    const audit = await counter.core.call('staff.audit', {});
    expect(audit.rows[0]).toMatchObject({
      action: 'undo',
      personName: 'Léa',
      detail: expect.stringMatching(new RegExp(`${token.slice(-2)}$`)),
    });
  });

  it('after 10 minutes a cashier’s own validation is the manager’s to undo', async () => {
    const [, booking] = await findBookings(counter.sandbox.url, { status: 'CONFIRMED', confirmed: true, quantity: 1 });
    const token = booking!.token;
    expect(await call(lea, 'counter.validate', { token })).toMatchObject({ ok: true });
    offsetMs = 9 * 60_000;
    expect(await call(lea, 'counter.lookup', { text: token })).toMatchObject({ value: { undo: { allowed: true } } });
    offsetMs = 10 * 60_000 + 1_000;
    const late = await call(lea, 'counter.undo', { token });
    expect(late).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect((late as { error: { message: string } }).error.message).toContain('10 minutes');
    expect(await call(sam, 'counter.undo', { token })).toMatchObject({ ok: true });
    offsetMs = 0;
  });

  it('the end-of-day report can be narrowed to one person’s validations', async () => {
    const [, , booking] = await findBookings(counter.sandbox.url, {
      status: 'CONFIRMED',
      confirmed: true,
      quantity: 1,
    });
    const token = booking!.token;
    await counter.core.call('sync.now'); // the report reads the mirrored séances and bookings
    expect(await call(zoe, 'counter.lookup', { text: token })).toMatchObject({ ok: true });
    expect(await call(zoe, 'counter.validate', { token })).toMatchObject({ ok: true });
    const day = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Paris' }).format(new Date(booking!.seanceStart));
    const all = await counter.core.call('reports.endOfDay', { day });
    const zoes = await counter.core.call('reports.endOfDay', { day, person: 'Zoé' });
    const leas = await counter.core.call('reports.endOfDay', { day, person: 'Léa' });
    expect(zoes.person).toBe('Zoé');
    expect(zoes.totals.validatedHere.bookings).toBe(1);
    expect(all.totals.validatedHere.bookings).toBeGreaterThanOrEqual(1);
    expect(leas.totals.validatedHere.bookings).toBe(0);
    expect(zoes.totals.expected.bookings).toBe(1);
  });
});
