/**
 * Whether a validation made here still stands (electron/core/counter/validationStanding.ts): the fold itself, then
 * the one case two screens used to disagree on, read from every screen's data on a real counter and sandbox.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foldStanding, NOT_VALIDATED, type CounterAction } from '../../../electron/core/counter/validationStanding';
import { dayInZone } from '../../../shared/dates';
import { startCounter, type CounterUnderTest } from '../../support/counterUnderTest';
import {
  clearFaults,
  findBooking,
  reimburseSandboxBooking,
  setFaults,
  type SandboxBooking,
} from '../../support/sandboxControl';
import type { CallFunction } from '../../../electron/core/client';

let nextId = 1;
function action(kind: CounterAction['kind'], upload: CounterAction['upload'], provisional = false): CounterAction {
  const ledgerId = nextId++;
  return {
    ledgerId,
    kind,
    at: `2026-11-27T19:00:0${ledgerId % 10}.000Z`,
    counterName: 'Caisse 1',
    bookingId: 7,
    personId: null,
    personName: null,
    provisional,
    upload,
    fromMain: false,
  };
}
const sent = { state: 'done' as const, doneAt: '2026-11-27T19:00:30.000Z', reason: null };
const waiting = { state: 'pending' as const, doneAt: null, reason: null };
const refused = { state: 'conflict' as const, doneAt: null, reason: 'Cette réservation a déjà été remboursée' };
const handled = { state: 'handled' as const, doneAt: '2026-11-27T19:05:00.000Z', reason: 'refusée' };

describe('whether a validation made here still stands', () => {
  it('a validation pass Culture took stands from when it took it', () => {
    const validation = action('validation', sent);
    expect(foldStanding([validation])).toMatchObject({
      validation: { ledgerId: validation.ledgerId },
      validatedAt: sent.doneAt,
      provisional: false,
      pendingUpload: false,
      conflict: null,
    });
  });

  it('a validation waiting for upload stands from when it was made; a provisional one stays provisional until sent', () => {
    const validation = action('validation', waiting, true);
    expect(foldStanding([validation])).toMatchObject({
      validatedAt: validation.at,
      provisional: true,
      pendingUpload: true,
    });
    expect(foldStanding([action('validation', sent, true)]).provisional).toBe(false);
  });

  /** Nothing stands, and the latest action was taken at Caisse 1 (the end-of-day report's counter filter). */
  const ACTED_HERE = { ...NOT_VALIDATED, lastActionAt: 'Caisse 1' };

  it('a validation pass Culture refused never stands: a conflict until handled, then nothing', () => {
    expect(foldStanding([action('validation', refused)])).toEqual({ ...ACTED_HERE, conflict: refused.reason });
    expect(foldStanding([action('validation', handled)])).toEqual(ACTED_HERE);
  });

  it('an undo ends the validation, sent or not, and one made before the validation was ever sent too', () => {
    expect(foldStanding([action('validation', sent), action('undo', sent)])).toEqual(ACTED_HERE);
    expect(foldStanding([action('validation', sent), action('undo', waiting)])).toEqual({
      ...ACTED_HERE,
      pendingUpload: true,
    });
    // The validation's queue row was closed without sending ("annulée avant l'envoi"); the undo has no row.
    expect(foldStanding([action('validation', sent), action('undo', null)])).toEqual(ACTED_HERE);
  });

  it('an undo pass Culture refused leaves the validation standing, as a conflict (the fold)', () => {
    const validation = action('validation', sent);
    const standing = foldStanding([validation, action('undo', refused)]);
    expect(standing).toMatchObject({ validation: { ledgerId: validation.ledgerId }, validatedAt: sent.doneAt });
    expect(standing.conflict).toBe(refused.reason);
    // Once the manager has handled it, the validation simply stands.
    expect(foldStanding([validation, action('undo', handled)])).toMatchObject({
      validation: { ledgerId: validation.ledgerId },
      conflict: null,
    });
    // Validated again after an undo that went through: the new validation stands.
    const again = action('validation', sent);
    expect(foldStanding([validation, action('undo', sent), again]).validation?.ledgerId).toBe(again.ledgerId);
  });
});

describe('one answer on every screen', () => {
  let counter: CounterUnderTest;
  let booking: SandboxBooking;
  let day: string;
  const call: CallFunction = (name, input) => counter.core.call(name, input);

  beforeAll(async () => {
    counter = await startCounter();
    await call('sync.now');
    const timeZone = (await call('app.info')).venue?.timeZone ?? 'Europe/Paris';
    booking = await findBooking(counter.sandbox.url, { status: 'CONFIRMED', confirmed: true });
    day = dayInZone(new Date(booking.seanceStart).toISOString(), timeZone);
    await call('counter.lookup', { text: booking.token });
    await call('counter.validate', { token: booking.token });
    // Paid meanwhile: pass Culture will refuse the undo (403 "payment").
    await reimburseSandboxBooking(counter.sandbox.url, booking.id);
    // The undo is queued while the platform is down, so nobody sees the refusal at the counter: a conflict.
    await setFaults(counter.sandbox.url, { outage: 'http503' });
    const undo = await call('counter.undo', { token: booking.token });
    expect(undo.upload).toBe('pending');
    await clearFaults(counter.sandbox.url);
    for (let i = 0; i < 50; i++) {
      const status = await call('sync.now');
      if (status.conflicts > 0) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect((await call('sync.now')).conflicts).toBe(1);
  });
  afterAll(async () => {
    await counter?.close();
  });

  it('an undo pass Culture refused leaves the validation standing, as a conflict', async () => {
    // Réservations: the booking came, validated here.
    const { bookings } = await call('bookings.forSeance', { stockId: booking.stockId });
    const row = bookings.find((b) => b.bookingId === booking.id);
    expect(row).toMatchObject({ validatedHere: true, pendingUpload: false });
    const found = await call('bookings.search', { query: booking.lastName, scope: 'all' });
    expect(found.bookings.find((b) => b.bookingId === booking.id)?.validatedHere).toBe(true);

    // Fin de journée: counted once, among the conflicts the manager must handle.
    const report = await call('reports.endOfDay', { day });
    const seance = report.seances.find((s) => s.stockId === booking.stockId)!;
    expect(seance.counts.conflicts.bookings).toBe(1);
    expect(seance.counts.conflicts.places).toBe(booking.quantity);

    // Remboursements: validated here, and counted in the revenue.
    const overview = await call('reimbursements.overview', {});
    expect(overview.bookings.find((b) => b.bookingId === booking.id)).toMatchObject({ origin: 'here' });

    // The guichet: offline, the verdict says it was validated here and can be undone again.
    await setFaults(counter.sandbox.url, { outage: 'http503' });
    try {
      const verdict = await call('counter.lookup', { text: booking.token });
      expect(verdict).toMatchObject({ kind: 'refused', reason: 'used', usedBy: { where: 'here' } });
      expect(verdict.undo).not.toBeNull();
    } finally {
      await clearFaults(counter.sandbox.url);
    }
  });
});
