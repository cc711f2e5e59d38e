/**
 * Relaxed writes (db/durability.ts): `synchronous = NORMAL` for the write, FULL again after it, from the very first
 * relaxed write of a connection (SQLite applies a prepared PRAGMA when it is prepared; its first run did nothing, so
 * that first write used to be a FULL one).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { withRelaxedDurability } from '../../../electron/core/db/durability';
import { closeDatabase, openDatabase, type CounterDb } from '../../../electron/core/db/open';

const NORMAL = 1;
const FULL = 2;

let opened: CounterDb | null = null;
afterEach(() => {
  if (opened) closeDatabase(opened);
  opened = null;
});

describe('relaxed durability', () => {
  it('relaxes the first write of a connection and every one after, and is FULL between them', () => {
    const db = openDatabase(':memory:');
    opened = db;
    const level = () => db.$client.pragma('synchronous', { simple: true });
    expect(level()).toBe(FULL);
    for (let write = 0; write < 3; write++) {
      expect(withRelaxedDurability(db.$client, level)).toBe(NORMAL);
      expect(level()).toBe(FULL);
    }
  });

  it('is FULL again after a write that throws', () => {
    const db = openDatabase(':memory:');
    opened = db;
    expect(() =>
      withRelaxedDurability(db.$client, () => {
        throw new Error('disk full');
      }),
    ).toThrow('disk full');
    expect(db.$client.pragma('synchronous', { simple: true })).toBe(FULL);
  });
});
