/** The typed statement helpers of electron/core/db/statement.ts: prepared once, reused, bounded. */
import { afterEach, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase, type CounterDb } from '../../../electron/core/db/open';
import { column, inTransaction, statement, statementCache } from '../../../electron/core/db/statement';

let db: CounterDb | null = null;
afterEach(() => {
  if (db) closeDatabase(db);
  db = null;
});

function counted(): { db: CounterDb; prepared: () => number } {
  db = openDatabase(':memory:');
  const client = db.$client;
  const prepare = client.prepare.bind(client);
  let count = 0;
  client.prepare = ((source: string) => {
    count += 1;
    return prepare(source);
  }) as typeof client.prepare;
  return { db, prepared: () => count };
}

describe('typed statements', () => {
  it('reads rows and single values with their declared types', () => {
    const { db } = counted();
    statement<never, [string, string]>(db, 'INSERT INTO settings (key, value) VALUES (?, ?)').run('a', '"1"');
    const row = statement<{ key: string; value: string }, [string]>(
      db,
      'SELECT key, value FROM settings WHERE key = ?',
    );
    expect(row.get('a')).toEqual({ key: 'a', value: '"1"' });
    expect(row.get('b')).toBeUndefined();
    expect(column<number>(db, 'SELECT COUNT(*) FROM settings').get()).toBe(1);
  });

  it('prepares each text of a varying query once, however often it runs', () => {
    const { db, prepared } = counted();
    const cached = statementCache(db);
    const before = prepared();
    for (let i = 0; i < 50; i++) {
      cached<number, [number]>('SELECT ? + 1').get(i);
      cached<number, [number]>('SELECT ? + 2').get(i);
    }
    expect(prepared() - before).toBe(2);
  });

  it('keeps at most its bound of texts, and prepares again what it let go', () => {
    const { db, prepared } = counted();
    const cached = statementCache(db, 3);
    const before = prepared();
    for (const n of [1, 2, 3, 4, 1]) cached(`SELECT ${n}`).get();
    // The fourth text clears the three before it: `SELECT 1` is prepared a second time.
    expect(prepared() - before).toBe(5);
  });

  it('commits a transaction whole or not at all', () => {
    const { db } = counted();
    const insert = statement<never, [string]>(db, "INSERT INTO settings (key, value) VALUES (?, 'x')");
    expect(() =>
      inTransaction(db, () => {
        insert.run('kept?');
        insert.run('kept?'); // the primary key refuses the second one
      }),
    ).toThrow();
    expect(column<number>(db, 'SELECT COUNT(*) FROM settings').get()).toBe(0);
  });
});
