/**
 * The name search the 100,000-booking target depends on (sync/mirrorQueries.ts): SQLite's plan for the statements
 * it really runs walks the two name indexes in order and stops at the limit — never a scan of every booking, never
 * a sort of thousands of "Martin". The statements are captured as the search prepares them, then explained.
 */
import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../../electron/core/db/open';
import { createMirrorQueries } from '../../../electron/core/sync/mirrorQueries';

function plansOf(scope: 'moment' | 'all', query: string): string[] {
  const db = openDatabase(':memory:');
  try {
    const prepare = db.$client.prepare.bind(db.$client);
    const statements: string[] = [];
    db.$client.prepare = ((source: string) => {
      if (source.includes('FROM known_bookings kb')) statements.push(source);
      return prepare(source);
    }) as typeof db.$client.prepare;
    createMirrorQueries(db, () => new Date('2026-11-27T19:00:00Z'), os.tmpdir()).search(query, scope);
    db.$client.prepare = prepare;
    expect(statements.length).toBeGreaterThan(0);
    return statements.map((sql) => {
      const params = (sql.match(/\?/g) ?? []).map(() => 'x');
      const rows = db.$client.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[];
      return rows.map((r) => r.detail).join('\n');
    });
  } finally {
    closeDatabase(db);
  }
}

describe('the name search plan', () => {
  it.each([
    ['all', 'martin'],
    ['all', 'martin lea'],
    ['moment', 'dupont'],
  ] as const)('searching %s for "%s" walks the name indexes, with no full scan and no sort', (scope, query) => {
    const plans = plansOf(scope, query);
    expect(plans).toHaveLength(2);
    const [byLastName, byFirstName] = plans as [string, string];
    expect(byLastName).toMatch(/SEARCH kb USING INDEX known_bookings_search_idx \(search_key>\? AND search_key<\?\)/);
    expect(byFirstName).toMatch(/SEARCH kb USING INDEX known_bookings_search_first_idx/);
    for (const plan of plans) {
      expect(plan).not.toMatch(/SCAN kb\b/);
      expect(plan).not.toMatch(/TEMP B-TREE/);
    }
  });
});
