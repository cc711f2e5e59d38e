/**
 * Autonomous mode and the hand-over (issue 14), two counters on one platform in one process: the main counter stops
 * answering (its listener off), the secondary validates alone — from its replica, online directly when pass Culture
 * answers it, queued when it does not — then hands its queue over exactly once when the main counter is back, a
 * double admission made during the cut is a conflict naming both counters and times, and a replayed or interrupted
 * hand-over doubles nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LedgerRow } from '../../../shared/contract';
import {
  clearFaults,
  findBookings,
  setFaults,
  successfulUses,
  type SandboxBooking,
} from '../../support/sandboxControl';
import { freePort, pairTwo, startTwoCounters, until, type TwoCounters } from '../../support/twoCounters';

describe('a secondary whose main counter does not answer', () => {
  let two: TwoCounters;
  let a: SandboxBooking, b: SandboxBooking, c: SandboxBooking, d: SandboxBooking, e: SandboxBooking, f: SandboxBooking;
  let g: SandboxBooking;
  let secondaryId: string;
  let fingerprint: string;

  const mode = async () => (await two.secondLan.call('lan.get')).secondary?.mode;
  async function validationsAtMain(token: string): Promise<LedgerRow[]> {
    return (await two.main.core.call('ledger.today')).rows.filter((r) => r.kind === 'validation' && r.token === token);
  }
  async function cut(): Promise<void> {
    await two.mainLan.call('lan.setRole', { role: 'alone' });
    await until(async () => (await mode()) === 'autonomous');
  }
  async function reconnect(): Promise<void> {
    await two.mainLan.call('lan.setRole', { role: 'main' });
    await until(async () => {
      const view = (await two.secondLan.call('lan.get')).secondary;
      return view?.mode === 'connected' && view.waiting === 0;
    }, 10_000);
  }

  beforeAll(async () => {
    two = await startTwoCounters({ samePlatform: true, mainPort: await freePort() });
    await pairTwo(two);
    await two.main.core.call('sync.now');
    const found = await findBookings(two.main.sandbox.url, { status: 'CONFIRMED', confirmed: true, quantity: 1 });
    expect(found.length).toBeGreaterThanOrEqual(7);
    g = found[6]!;
    [a, b, c, d, e, f] = found as [
      SandboxBooking,
      SandboxBooking,
      SandboxBooking,
      SandboxBooking,
      SandboxBooking,
      SandboxBooking,
    ];
    // As at the till: each countermark was shown once at the main counter (its token is known there, and replicated).
    for (const booking of [a, b, c, d, e, f, g]) await two.main.core.call('counter.lookup', { text: booking.token });
    await two.main.core.call('counter.validate', { token: a.token });
    const view = await two.mainLan.call('lan.get');
    secondaryId = view.main!.secondaries[0]!.id;
    fingerprint = view.main!.fingerprint;
    await until(async () => {
      const rows = (await two.second.core.call('bookings.forSeance', { stockId: a.stockId })).bookings;
      return rows.some((r) => r.bookingId === a.id && r.validatedHere);
    });
  }, 30_000);

  afterAll(async () => {
    await two?.close();
  });

  it('switches to autonomous mode by itself, and refuses what the main counter validated, naming it', async () => {
    await cut();
    const view = (await two.secondLan.call('lan.get')).secondary!;
    expect(view.autonomousSince).toEqual(expect.any(String));
    expect(view.replicaAt).toEqual(expect.any(String));
    const verdict = await two.secondLan.call('counter.lookup', { text: a.token });
    expect(verdict).toMatchObject({ kind: 'refused', reason: 'used' });
    expect(verdict.usedBy).toMatchObject({ counterName: 'Caisse 1' });
    expect(verdict.usedBy?.at).toEqual(expect.any(String));
  });

  it('validates online directly when pass Culture answers it, and queues when it does not', async () => {
    expect(await two.secondLan.call('counter.lookup', { text: b.token })).toMatchObject({ kind: 'valid' });
    expect((await two.secondLan.call('counter.validate', { token: b.token })).upload).toBe('sent');
    expect(await successfulUses(two.main.sandbox.url, b.token)).toBe(1);
    // pass Culture down for everyone: the main counter (cut off) and the secondary both admit d.
    await setFaults(two.main.sandbox.url, { outage: 'reset' });
    await two.main.core.call('counter.validate', { token: d.token });
    expect((await two.secondLan.call('counter.validate', { token: c.token })).upload).toBe('pending');
    expect((await two.secondLan.call('counter.validate', { token: d.token })).upload).toBe('pending');
    await clearFaults(two.main.sandbox.url);
  });

  it('hands its queue over exactly once when the main counter is back', async () => {
    expect((await two.secondLan.call('lan.get')).secondary!.waiting).toBe(3);
    await reconnect();
    // The manager's view at the main counter: connected again, nothing left to hand over.
    await until(async () => {
      const row = (await two.mainLan.call('lan.get')).main!.secondaries[0]!;
      return row.mode === 'connected' && row.waiting === 0;
    });
    for (const booking of [b, c, d]) {
      expect(await validationsAtMain(booking.token)).toEqual(
        booking === d
          ? [expect.objectContaining({ counterName: 'Caisse 2' }), expect.objectContaining({ counterName: 'Caisse 1' })]
          : [expect.objectContaining({ counterName: 'Caisse 2' })],
      );
    }
    // The main counter sends what was still to send; what the secondary sent is never sent again.
    await two.main.core.call('sync.now');
    await until(async () => (await successfulUses(two.main.sandbox.url, c.token)) === 1);
    expect(await successfulUses(two.main.sandbox.url, b.token)).toBe(1);
    expect(await successfulUses(two.main.sandbox.url, d.token)).toBe(1);
    // The secondary's own queue holds nothing more to send.
    expect((await two.second.core.call('status.get')).pendingUploads).toBe(0);
  });

  it('shows a double admission made during the cut as a conflict with both counters and times', async () => {
    const { conflicts } = await two.main.core.call('sync.overview');
    const double = conflicts.find((item) => item.token === d.token);
    expect(double?.reason).toMatch(/^Admise à Caisse [12] à \d\d:\d\d et à Caisse [12] à \d\d:\d\d/);
    expect(double?.reason).toContain('Caisse 1');
    expect(double?.reason).toContain('Caisse 2');
    // Still admitted (it was): a conflict to look at, not a validation undone.
    const verdict = await two.main.core.call('counter.lookup', { text: d.token });
    expect(verdict).toMatchObject({ kind: 'refused', reason: 'used' });
  });

  it('records nothing twice when a hand-over is replayed or interrupted', async () => {
    await cut();
    // Sent at once or queued (pass Culture just came back): either way it is handed over once.
    await two.secondLan.call('counter.validate', { token: e.token });
    const actions = two.second.core.handover!.pending(fingerprint, 100);
    expect(actions.map((x) => x.token)).toEqual([e.token]);
    // The main counter recorded it, but its answer was lost (the link dropped): the secondary will send it again.
    const first = two.main.core.handover!.receive({ id: secondaryId, name: 'Caisse 2' }, actions);
    await reconnect();
    expect(await validationsAtMain(e.token)).toHaveLength(1);
    // A replay of an acknowledged hand-over: the same receipts, no new row.
    const again = two.main.core.handover!.receive({ id: secondaryId, name: 'Caisse 2' }, actions);
    expect(again).toEqual(first);
    expect(await validationsAtMain(e.token)).toHaveLength(1);
    await two.main.core.call('sync.now');
    await until(async () => (await successfulUses(two.main.sandbox.url, e.token)) === 1);
    await two.main.core.call('sync.now');
    expect(await successfulUses(two.main.sandbox.url, e.token)).toBe(1);
  });

  it('tries a hand-over the main counter could not record again, while the link lasts', async () => {
    await cut();
    await two.secondLan.call('counter.validate', { token: f.token });
    const handover = two.main.core.handover!;
    const receive = handover.receive;
    let refusals = 0;
    // The main counter's disk refuses the first batch (the LAN host answers an error); then it works again.
    handover.receive = () => {
      handover.receive = receive;
      refusals += 1;
      throw new Error('disk I/O error');
    };
    await two.mainLan.call('lan.setRole', { role: 'main' });
    await until(async () => (await two.secondLan.call('lan.get')).secondary?.waiting === 0, 12_000);
    expect(refusals).toBe(1);
    expect(await validationsAtMain(f.token)).toHaveLength(1);
  }, 20_000);

  it('hands an undo over after its validation, in order: the booking is free again at the main counter', async () => {
    await cut();
    await two.secondLan.call('counter.validate', { token: g.token });
    await two.secondLan.call('counter.undo', { token: g.token });
    await reconnect();
    const rows = (await two.main.core.call('ledger.today')).rows.filter(
      (r) => r.token === g.token && (r.kind === 'validation' || r.kind === 'undo'),
    );
    // Newest first: the undo after the validation, both under the secondary's name.
    expect(rows.map((r) => [r.kind, r.counterName])).toEqual([
      ['undo', 'Caisse 2'],
      ['validation', 'Caisse 2'],
    ]);
    await two.main.core.call('sync.now');
    expect(await two.main.core.call('counter.lookup', { text: g.token })).toMatchObject({ kind: 'valid' });
  });
});

describe('a lone counter with validations still to send, paired as a secondary', () => {
  let two: TwoCounters;

  beforeAll(async () => {
    two = await startTwoCounters({ samePlatform: true });
  }, 30_000);

  afterAll(async () => {
    await two?.close();
  });

  it('hands them over (its own uploader is held once paired), and its older history stays its own', async () => {
    const [sent, queued] = await findBookings(two.main.sandbox.url, {
      status: 'CONFIRMED',
      confirmed: true,
      quantity: 1,
    });
    // Alone: one validation sent, then pass Culture down and one queued.
    await two.second.core.call('counter.lookup', { text: sent!.token });
    await two.second.core.call('counter.validate', { token: sent!.token });
    await two.second.core.call('counter.lookup', { text: queued!.token });
    await setFaults(two.main.sandbox.url, { outage: 'reset' });
    expect((await two.second.core.call('counter.validate', { token: queued!.token })).upload).toBe('pending');
    await clearFaults(two.main.sandbox.url);
    await pairTwo(two);
    await until(async () => (await two.secondLan.call('lan.get')).secondary?.waiting === 0, 10_000);
    const rows = (await two.main.core.call('ledger.today')).rows.filter((r) => r.kind === 'validation');
    expect(rows.map((r) => [r.token, r.counterName])).toEqual([[queued!.token, 'Caisse 2']]);
    await two.main.core.call('sync.now');
    await until(async () => (await successfulUses(two.main.sandbox.url, queued!.token)) === 1);
    expect(await successfulUses(two.main.sandbox.url, sent!.token)).toBe(1);
  });
});

describe('a handed-over validation pass Culture took, of a countermark the main counter admitted offline', () => {
  let two: TwoCounters;

  beforeAll(async () => {
    two = await startTwoCounters();
    await two.main.core.call('sync.now');
  }, 30_000);

  afterAll(async () => {
    await two?.close();
  });

  it('makes the main counter’s unsent one the conflict, never sent, and keeps the booking admitted', async () => {
    const booking = await findBookings(two.main.sandbox.url, { status: 'CONFIRMED', confirmed: true, quantity: 1 });
    const token = booking[0]!.token;
    await two.main.core.call('counter.lookup', { text: token });
    // pass Culture unreachable from the main counter: its admission waits, never tried.
    await setFaults(two.main.sandbox.url, { outage: 'reset' });
    await two.main.core.call('counter.lookup', { text: 'ZZZZ44' }).catch(() => undefined);
    expect((await two.main.core.call('status.get')).online).toBe(false);
    await two.main.core.call('counter.validate', { token });
    const at = new Date().toISOString();
    // Meanwhile the secondary, alone but online, had it accepted by pass Culture; it hands that over.
    two.main.core.handover!.receive({ id: 'caisse-2', name: 'Caisse 2' }, [
      {
        secondaryLedgerId: 1,
        kind: 'validation',
        token,
        bookingId: booking[0]!.id,
        outcome: 'validated',
        at,
        personName: null,
        upload: 'done',
      },
    ]);
    await clearFaults(two.main.sandbox.url);
    const { conflicts } = await two.main.core.call('sync.overview');
    expect(conflicts).toEqual([
      expect.objectContaining({
        token,
        counterName: 'Caisse 1',
        reason: expect.stringMatching(/^Admise à Caisse 1 à \d\d:\d\d et à Caisse 2 à \d\d:\d\d/),
      }),
    ]);
    await two.main.core.call('sync.now');
    expect(await successfulUses(two.main.sandbox.url, token)).toBe(0);
    expect(await two.main.core.call('counter.lookup', { text: token })).toMatchObject({
      kind: 'refused',
      reason: 'used',
      usedBy: expect.objectContaining({ counterName: 'Caisse 2' }),
    });
  });
});
