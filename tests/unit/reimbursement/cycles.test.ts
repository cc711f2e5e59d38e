/** Fortnightly payment cycles (an estimate of the platform's schedule: cut-offs on the 16th and the 1st, Paris). */
import { describe, expect, it } from 'vitest';
import { cycleOfDay, cycleOfUsage } from '../../../electron/core/reimbursement/cycles';

describe('fortnight cycles', () => {
  it('1st–15th: cycle A, cut-off the 16th, paid in the second half of the month', () => {
    expect(cycleOfDay('2025-03-01')).toEqual({
      key: '2025-03-A',
      firstDay: '2025-03-01',
      lastDay: '2025-03-15',
      cutoffDay: '2025-03-16',
      paymentFrom: '2025-03-16',
      paymentTo: '2025-03-31',
    });
    expect(cycleOfDay('2025-03-15').key).toBe('2025-03-A');
  });

  it('16th–end: cycle B, cut-off the 1st of next month, paid in its first half', () => {
    expect(cycleOfDay('2025-03-16')).toEqual({
      key: '2025-03-B',
      firstDay: '2025-03-16',
      lastDay: '2025-03-31',
      cutoffDay: '2025-04-01',
      paymentFrom: '2025-04-01',
      paymentTo: '2025-04-15',
    });
  });

  it('knows month lengths and the turn of the year', () => {
    expect(cycleOfDay('2024-02-29').lastDay).toBe('2024-02-29');
    expect(cycleOfDay('2025-02-10').paymentTo).toBe('2025-02-28');
    const december = cycleOfDay('2025-12-20');
    expect(december.key).toBe('2025-12-B');
    expect(december.cutoffDay).toBe('2026-01-01');
    expect(december.paymentTo).toBe('2026-01-15');
  });

  it('uses the Paris day of the usage: 15 March 23:30 UTC is the 16th in Paris', () => {
    expect(cycleOfUsage('2025-03-15T22:30:00.000Z', null).key).toBe('2025-03-A'); // 23:30 Paris
    expect(cycleOfUsage('2025-03-15T23:30:00.000Z', null).key).toBe('2025-03-B'); // 00:30 Paris
  });

  it('waits for the séance: validated early, paid with the séance’s fortnight', () => {
    expect(cycleOfUsage('2025-03-14T10:00:00.000Z', '2025-03-17T19:00:00.000Z').key).toBe('2025-03-B');
    expect(cycleOfUsage('2025-03-17T10:00:00.000Z', '2025-03-14T19:00:00.000Z').key).toBe('2025-03-B');
  });
});
