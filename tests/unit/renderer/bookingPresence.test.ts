/** Issue 12: where a booking stands for the evening, as Réservations and the offline search by name say it. */
import { describe, expect, it } from 'vitest';
import type { BookingRow } from '../../../shared/contract';
import {
  bookingPresence,
  matchesPresence,
  type PresenceFilter,
  provisionalStanding,
} from '../../../renderer/format/bookingPresence';
import { isNotConfirmedYet } from '../../../shared/validatable';

const NOW = new Date('2026-12-06T18:00:00.000Z');

function row(change: Partial<BookingRow> = {}): BookingRow {
  return {
    bookingId: 1,
    token: 'ABCDEF',
    firstName: 'Léa',
    lastName: 'Martin',
    offerName: 'Le Grand Bleu',
    stockId: 3,
    seanceStart: '2026-12-06T19:00:00.000Z',
    quantity: 1,
    unitPriceCents: 500,
    priceCategoryLabel: null,
    status: 'CONFIRMED',
    confirmationDate: null,
    validatedHere: false,
    provisional: false,
    pendingUpload: false,
    ...change,
  };
}

describe('booking presence', () => {
  it('a confirmed booking is expected; a used one came; cancelled and reimbursed say so', () => {
    expect(bookingPresence(row())).toBe('expected');
    expect(bookingPresence(row({ status: 'USED' }))).toBe('came');
    expect(bookingPresence(row({ status: 'CANCELLED' }))).toBe('cancelled');
    expect(bookingPresence(row({ status: 'REIMBURSED' }))).toBe('reimbursed');
  });

  it('a validation made here offline counts as came before the mirror hears of it', () => {
    expect(bookingPresence(row({ validatedHere: true, pendingUpload: true }))).toBe('came');
    // A cancellation the platform reports wins over a validation made here (it is a conflict, not an entry).
    expect(bookingPresence(row({ status: 'CANCELLED', validatedHere: true }))).toBe('cancelled');
  });

  it('the "came" filter keeps reimbursed bookings (they came too); "all" keeps everyone', () => {
    const rows = [row(), row({ status: 'USED' }), row({ status: 'REIMBURSED' }), row({ status: 'CANCELLED' })];
    const kept = (filter: PresenceFilter) => rows.filter((r) => matchesPresence(r, filter)).map((r) => r.status);
    expect(kept('all')).toHaveLength(4);
    expect(kept('expected')).toEqual(['CONFIRMED']);
    expect(kept('came')).toEqual(['USED', 'REIMBURSED']);
    expect(kept('cancelled')).toEqual(['CANCELLED']);
  });

  it('offline, only an expected booking past its cancellation window can be validated provisionally', () => {
    const inWindow = row({ confirmationDate: '2026-12-06T18:00:01.000Z' });
    expect(isNotConfirmedYet(inWindow, NOW)).toBe(true);
    expect(provisionalStanding(inWindow, NOW)).toBe('not_confirmed');
    // At the very instant of confirmation it can be validated (the platform refuses only before it).
    expect(provisionalStanding(row({ confirmationDate: NOW.toISOString() }), NOW)).toBe('validatable');
    expect(provisionalStanding(row(), NOW)).toBe('validatable');
    expect(provisionalStanding(row({ status: 'USED' }), NOW)).toBe('not_expected');
    expect(provisionalStanding(row({ status: 'CANCELLED', confirmationDate: null }), NOW)).toBe('not_expected');
  });
});
