/** Whether a booking can be validated now (shared/validatable.ts): one rule for the engine and the interface. */
import { describe, expect, it } from 'vitest';
import { isNotConfirmedYet, validatability } from '../../../shared/validatable';

const now = new Date('2026-11-27T19:00:00.000Z');
const confirmed = { status: 'CONFIRMED' as const, confirmationDate: null };

describe('whether a booking can be validated now', () => {
  it('a confirmed booking past its confirmation date (or without one) can be validated', () => {
    expect(validatability(confirmed, now)).toEqual({ ok: true });
    expect(validatability({ ...confirmed, confirmationDate: '2026-11-27T18:59:59.000Z' }, now)).toEqual({ ok: true });
    // The confirmation date itself is the first moment it can be validated.
    expect(validatability({ ...confirmed, confirmationDate: now.toISOString() }, now)).toEqual({ ok: true });
  });

  it('before its confirmation date it cannot, and the answer says from when', () => {
    const confirmationDate = '2026-11-27T19:00:01.000Z';
    expect(validatability({ ...confirmed, confirmationDate }, now)).toEqual({
      ok: false,
      reason: 'not_yet',
      validatableFrom: confirmationDate,
    });
    expect(isNotConfirmedYet({ confirmationDate }, now)).toBe(true);
    expect(isNotConfirmedYet({ confirmationDate: null }, now)).toBe(false);
  });

  it.each([
    ['USED', 'used'],
    ['CANCELLED', 'cancelled'],
    ['REIMBURSED', 'reimbursed'],
  ] as const)('a %s booking cannot, whatever its confirmation date', (status, reason) => {
    expect(validatability({ status, confirmationDate: null }, now)).toEqual({ ok: false, reason });
    expect(validatability({ status, confirmationDate: '2027-01-01T00:00:00.000Z' }, now)).toEqual({
      ok: false,
      reason,
    });
  });
});
