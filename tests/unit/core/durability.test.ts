/**
 * Relaxed writes (db/durability.ts): `synchronous = NORMAL` for the write, FULL again after it, from the very first
 * relaxed write of a connection (SQLite applies a prepared PRAGMA when it is prepared; its first run did nothing, so
 * that first write used to be a FULL one).
 */
import { describe, expect, it } from 'vitest';
import { withRelaxedDurability } from '../../../electron/core/db/durability';
import { closeDatabase, openDatabase, type CounterDb } from '../../../electron/core/db/open';

/** PRAGMA synchronous's values. */
const LEVEL = { normal: 1, full: 2 };

/** A fresh connection for one test, closed after it. */
function onFreshDatabase(test: (db: CounterDb, level: () => unknown) => void): void {
  const db = openDatabase(':memory:');
  try {
    test(db, () => db.$client.pragma('synchronous', { simple: true }));
  } finally {
    closeDatabase(db);
  }
}

describe('relaxed durability', () => {
  it('relaxes the first write of a connection and every one after, and is FULL between them', () => {
    onFreshDatabase((db, level) => {
      expect(level()).toBe(LEVEL.full);
      for (let write = 0; write < 3; write++) {
        expect(withRelaxedDurability(db.$client, level)).toBe(LEVEL.normal);
        expect(level()).toBe(LEVEL.full);
      }
    });
  });

  it('is FULL again after a write that throws', () => {
    onFreshDatabase((db, level) => {
      expect(() =>
        withRelaxedDurability(db.$client, () => {
          throw new Error('disk full');
        }),
      ).toThrow('disk full');
      expect(level()).toBe(LEVEL.full);
    });
  });
});
