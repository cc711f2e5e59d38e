/**
 * SQLite's plans for the statements the 100,000-booking target depends on, as the stores really run them: the name
 * search walks the two name indexes in order and stops at the limit (never a scan of every booking, never a sort of
 * thousands of "Martin"); a countermark lookup reads the booking, this counter's actions and the upload queue
 * through their token indexes. Each statement is recorded when it runs, then explained.
 */
import type Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase, type CounterDb } from '../../../electron/core/db/open';
import { createStores, type Stores } from '../../../electron/core/db/stores';

const NOW = '2026-11-27T19:00:00.000Z';
let db: CounterDb | null = null;
afterEach(() => {
  if (db) closeDatabase(db);
  db = null;
});

/** The stores of a fresh database, and the text of every statement run from now on. */
function recorded(): { stores: Stores; ran: () => string[] } {
  db = openDatabase(':memory:');
  const client = db.$client;
  const prepare = client.prepare.bind(client);
  const ran = new Set<string>();
  client.prepare = ((source: string) => {
    const statement = prepare(source);
    for (const method of ['get', 'all', 'run', 'iterate'] as const) {
      const original = statement[method].bind(statement) as (...args: unknown[]) => unknown;
      Object.assign(statement, {
        [method]: (...args: unknown[]) => {
          ran.add(source);
          return original(...args);
        },
      });
    }
    return statement;
  }) as Database.Database['prepare'];
  const stores = createStores(db, () => NOW);
  return {
    stores,
    ran: () => {
      const list = [...ran];
      ran.clear();
      return list;
    },
  };
}

function planOf(source: string): string {
  const params = (source.match(/\?/g) ?? []).map(() => 'x');
  const rows = db!.$client.prepare(`EXPLAIN QUERY PLAN ${source}`).all(...params) as { detail: string }[];
  return rows.map((r) => r.detail).join('\n');
}

const FULL_SCAN = /\bSCAN (kb|known_bookings|ledger_entries|upload_queue|seances|s)\b(?! USING COVERING INDEX)/;

describe('the name search plan', () => {
  it.each([
    ['all', 'martin'],
    ['all', 'martin lea'],
    ['moment', 'dupont'],
  ] as const)('searching %s for "%s" walks the name indexes, with no full scan and no sort', (scope, query) => {
    const { stores, ran } = recorded();
    ran();
    const window: [string, string] | null =
      scope === 'moment' ? ['2026-11-27T16:00:00Z', '2026-11-27T21:00:00Z'] : null;
    stores.bookingSearch.search(query, window, 50);
    const plans = ran().map(planOf);
    expect(plans).toHaveLength(2);
    const [byLastName, byFirstName] = plans as [string, string];
    expect(byLastName).toMatch(/SEARCH kb USING INDEX known_bookings_search_idx \(search_key>\? AND search_key<\?\)/);
    expect(byFirstName).toMatch(/SEARCH kb USING INDEX known_bookings_search_first_idx/);
    for (const plan of plans) {
      expect(plan).not.toMatch(FULL_SCAN);
      expect(plan).not.toMatch(/TEMP B-TREE/);
    }
  });

  it('a séance list filtered by a name reads the séance through its index', () => {
    const { stores, ran } = recorded();
    ran();
    stores.bookingSearch.forSeance(501, 'martin');
    const [plan] = ran().map(planOf);
    expect(plan).toMatch(/known_bookings_(stock|search|search_first)_idx/);
    expect(plan).not.toMatch(FULL_SCAN);
  });
});

describe('the countermark lookup plan', () => {
  it('reads the booking, the actions and the queue of a token through their indexes only', () => {
    const { stores, ran } = recorded();
    // One validation of this token, so the lookup reads its actions too (a token never validated stops earlier).
    stores.ledger.append(
      {
        at: NOW,
        counterName: 'Caisse 1',
        kind: 'validation',
        token: 'ABC123',
        bookingId: 7,
        outcome: 'validated',
        platformStatus: 204,
        platformAnswer: null,
      },
      (ledgerId) => stores.queue.add({ ledgerId, action: 'use', token: 'ABC123', bookingId: 7, provisional: false }),
    );
    ran();
    stores.cache.byToken('ABC123');
    stores.queue.hasUnsent('ABC123');
    stores.counterActions.ofToken('ABC123');
    stores.cache.seance(501);
    stores.queue.isIdle();
    stores.queue.counts();
    const plans = new Map(ran().map((source) => [source, planOf(source)]));
    expect(plans.size).toBeGreaterThanOrEqual(6);
    const all = [...plans.values()].join('\n---\n');
    expect(all).toMatch(/SEARCH known_bookings USING INDEX known_bookings_token_idx \(token=\?\)/);
    expect(all).toMatch(/SEARCH upload_queue USING (COVERING )?INDEX upload_queue_token_idx \(token=\?\)/);
    expect(all).toMatch(/SEARCH ledger_entries USING INDEX ledger_token_idx \(token=\?\)/);
    expect(all).toMatch(/SEARCH seances USING INTEGER PRIMARY KEY \(rowid=\?\)/);
    for (const [source, plan] of plans) {
      expect(plan, source).not.toMatch(FULL_SCAN);
      expect(plan, source).not.toMatch(/TEMP B-TREE/);
    }
  });
});
