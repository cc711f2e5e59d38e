/**
 * A secondary's replica of its main counter (issue 14): catch-up at pairing, then live within seconds — a booking
 * added or cancelled at the platform and synced by the main counter, a validation at the main counter — read by the
 * secondary's own screens (its engine, not forwarded), and the LAN-only pull refused to anything but a paired
 * secondary.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BookingRow } from '../../../shared/contract';
import { HANDOVER, LAN_REPORT, REPLICA_PULL } from '../../../shared/lanWire';
import { addSandboxBooking, cancelSandboxBooking, findBooking } from '../../support/sandboxControl';
import { pairTwo, startTwoCounters, until, type TwoCounters } from '../../support/twoCounters';

describe('a secondary’s replica of its main counter', () => {
  let two: TwoCounters;

  /** What the secondary's own engine (its replica) says of a séance's bookings. */
  async function atSecondary(stockId: number): Promise<BookingRow[]> {
    return (await two.second.core.call('bookings.forSeance', { stockId })).bookings;
  }

  beforeAll(async () => {
    two = await startTwoCounters();
    // The main counter's mirror before the secondary pairs: the catch-up must bring it all.
    await two.main.core.call('sync.now');
    await pairTwo(two);
  }, 30_000);

  afterAll(async () => {
    await two?.close();
  });

  it('catches up at pairing: the programme and every booking of the main counter’s mirror', async () => {
    const mainSeances = (await two.main.core.call('programme.list', { days: 8 })).seances;
    expect(mainSeances.length).toBeGreaterThan(0);
    await until(
      async () => (await two.second.core.call('programme.list', { days: 8 })).seances.length === mainSeances.length,
    );
    const secondSeances = (await two.second.core.call('programme.list', { days: 8 })).seances;
    expect(secondSeances.map((s) => [s.stockId, s.offerName, s.start])).toEqual(
      mainSeances.map((s) => [s.stockId, s.offerName, s.start]),
    );
    for (const seance of mainSeances.slice(0, 5)) {
      const there = (await two.main.core.call('bookings.forSeance', { stockId: seance.stockId })).bookings;
      await until(async () => (await atSecondary(seance.stockId)).length === there.length);
      expect((await atSecondary(seance.stockId)).map((b) => [b.bookingId, b.status, b.lastName])).toEqual(
        there.map((b) => [b.bookingId, b.status, b.lastName]),
      );
    }
  });

  it('follows a booking added then cancelled at the platform within seconds of the main counter’s sync', async () => {
    const booking = await addSandboxBooking(two.main.sandbox.url, { status: 'CONFIRMED', confirmed: true });
    await two.main.core.call('sync.now');
    await until(async () => (await atSecondary(booking.stockId)).some((b) => b.bookingId === booking.id), 3_000);
    await cancelSandboxBooking(two.main.sandbox.url, booking.id, 'offerer');
    await two.main.core.call('sync.now');
    await until(async () => {
      const row = (await atSecondary(booking.stockId)).find((b) => b.bookingId === booking.id);
      return row?.status === 'CANCELLED';
    }, 3_000);
  });

  it('follows a validation at the main counter: counted at the secondary, with who and when', async () => {
    const booking = await findBooking(two.main.sandbox.url, { status: 'CONFIRMED', confirmed: true, quantity: 1 });
    // As a cashier does: the lookup (which teaches the main counter the token), then the validation.
    await two.main.core.call('counter.lookup', { text: booking.token });
    await two.main.core.call('counter.validate', { token: booking.token });
    await until(async () => {
      const row = (await atSecondary(booking.stockId)).find((b) => b.bookingId === booking.id);
      return row?.validatedHere === true && row.token === booking.token;
    }, 3_000);
    // The secondary's own guichet (autonomous mode) refuses it, naming the main counter and the time.
    const verdict = await two.second.core.call('counter.lookup', { text: booking.token });
    expect(verdict).toMatchObject({ kind: 'refused', reason: 'used' });
    expect(verdict.usedBy).toMatchObject({ counterName: 'Caisse 1' });
    expect(verdict.usedBy?.at).toEqual(expect.any(String));
    // …and never undoes it: the main counter's ledger is the main counter's.
    expect(verdict.undo?.allowed).toBe(false);
    await expect(two.second.core.call('counter.undo', { token: booking.token })).rejects.toMatchObject({
      code: 'not_undoable',
    });
  });

  it('takes the main counter’s séance window (the venue’s), not its sounds', async () => {
    const soundBefore = (await two.second.core.call('counter.settings.get')).sound;
    await two.main.core.call('counter.settings.set', {
      seanceWindow: { beforeMinutes: 42, afterMinutes: 17 },
      sound: { enabled: false, volume: 5 },
    });
    await until(async () => {
      const window = (await two.second.core.call('counter.settings.get')).seanceWindow;
      return window.beforeMinutes === 42 && window.afterMinutes === 17;
    }, 3_000);
    expect((await two.second.core.call('counter.settings.get')).sound).toEqual(soundBefore);
  });

  it('the pull is LAN-only: no screen can make it', async () => {
    const requests = [
      [REPLICA_PULL, { what: 'actions', after: 0 }],
      [HANDOVER, { actions: [] }],
      [LAN_REPORT, { waiting: 0 }],
    ] as const;
    for (const host of [two.mainLan, two.secondLan, two.main.core]) {
      for (const [name, input] of requests) {
        const answer = await host.dispatch(name, input);
        expect(answer).toMatchObject({ ok: false, error: { code: 'unknown_call' } });
      }
    }
  });
});
