import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase, type CounterDb } from '../../../electron/core/db/open';
import { createSettingsStore } from '../../../electron/core/db/settings';
import { availableSeats, createClosedSales, quantityToSend } from '../../../electron/core/programme/seats';
import { venueDateTime, venueDayAndTime } from '../../../shared/venueTime';

let db: CounterDb | null = null;
let dir: string | null = null;
afterEach(() => {
  if (db) closeDatabase(db);
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  db = null;
  dir = null;
});

describe('pass Culture seats of a séance', () => {
  it('available = quantity − booked; unlimited stays unlimited', () => {
    expect(availableSeats({ quantity: 30, bookedQuantity: 12 })).toBe(18);
    expect(availableSeats({ quantity: 12, bookedQuantity: 12 })).toBe(0);
    expect(availableSeats({ quantity: 'unlimited', bookedQuantity: 5 })).toBeNull();
  });

  it('sends the seats still available (the platform adds the booked ones)', () => {
    expect(quantityToSend(0)).toBe(0);
    expect(quantityToSend(18)).toBe(18);
    expect(quantityToSend(null)).toBe('unlimited');
  });

  it('closing remembers the availability it replaced, once, until reopened', () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'guichet-seats-'));
    db = openDatabase(path.join(dir, 'test.sqlite'));
    const closed = createClosedSales(createSettingsStore(db));
    closed.remember(501, 18, '2026-03-26T10:00:00.000Z');
    // Closing again (already at 0) must not overwrite what "Rouvrir" restores.
    closed.remember(501, 0, '2026-03-26T10:05:00.000Z');
    expect(closed.get(501)).toEqual({ previousAvailable: 18, closedAt: '2026-03-26T10:00:00.000Z' });
    expect(createClosedSales(createSettingsStore(db)).get(501)?.previousAvailable).toBe(18);
    closed.forget(501);
    expect(closed.get(501)).toBeNull();
  });
});

describe('séance times typed in the venue zone', () => {
  it('are sent with the offset of that day (winter, then summer time in Paris)', () => {
    expect(venueDateTime('2026-03-28', '20:30', 'Europe/Paris')).toBe('2026-03-28T20:30:00+01:00');
    expect(venueDateTime('2026-03-29', '20:30', 'Europe/Paris')).toBe('2026-03-29T20:30:00+02:00');
    expect(venueDateTime('2026-03-29', '20:30', 'America/Cayenne')).toBe('2026-03-29T20:30:00-03:00');
  });

  it('read back from UTC for a form', () => {
    expect(venueDayAndTime('2026-03-29T18:30:00Z', 'Europe/Paris')).toEqual({ day: '2026-03-29', time: '20:30' });
  });
});
