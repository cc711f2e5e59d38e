/**
 * The screens' lists of bookings from the mirror: name search, a séance's bookings, bookings by id. Rows carry the
 * séance's start; whether each was validated here is added by sync/mirrorQueries.ts (validationStanding.ts).
 */
import type { BookingRow } from '../../../shared/contract';
import { normalizeForSearch } from './bookingCache';
import type { CounterDb } from './open';
import { statementCache } from './statement';

export type MirrorBooking = Omit<BookingRow, 'validatedHere' | 'provisional' | 'pendingUpload'>;

const BOOKING_COLUMNS = `kb.booking_id AS bookingId, kb.token, kb.first_name AS firstName, kb.last_name AS lastName,
  kb.offer_name AS offerName, kb.stock_id AS stockId, s.beginning_datetime AS seanceStart, kb.quantity,
  kb.unit_price_cents AS unitPriceCents, kb.price_category_label AS priceCategoryLabel, kb.status,
  kb.confirmation_date AS confirmationDate`;
const FROM = 'FROM known_bookings kb LEFT JOIN seances s ON s.stock_id = kb.stock_id';
const OTHER_WORD = `kb.search_key LIKE ? ESCAPE '\\'`;

/** LIKE pattern of one search word (its wildcards escaped). */
function likePattern(word: string): string {
  return `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The first word and the words after it; `upper` bounds the range of keys starting with the first word. */
function wordsOf(query: string): { first?: string; upper: string; others: string[] } {
  const [first, ...others] = normalizeForSearch(query).split(' ').filter(Boolean);
  const upper = first ? first.slice(0, -1) + String.fromCharCode(first.charCodeAt(first.length - 1) + 1) : '';
  return { first, upper, others };
}

export function createBookingSearch(db: CounterDb) {
  // The text of these queries depends on the number of words: each shape is prepared once, then reused.
  const cached = statementCache(db);
  const byIds = cached<MirrorBooking, [string]>(
    `SELECT ${BOOKING_COLUMNS} ${FROM} WHERE kb.booking_id IN (SELECT value FROM json_each(?)) ORDER BY kb.booking_id`,
  );

  /**
   * Name search. The first word is matched against the start of the last name and of the first name by two
   * index-ordered range scans, each stopping at `limit` rows (no sort of thousands of "Martin"); the two lists
   * are merged here. Other words and the séance window (`startsBetween`) filter the rows as they are scanned.
   */
  function search(query: string, startsBetween: [string, string] | null, limit: number): MirrorBooking[] {
    const { first, upper, others } = wordsOf(query);
    const filters = others.map(() => OTHER_WORD);
    const filterParams = others.map(likePattern);
    if (startsBetween) {
      filters.push('s.beginning_datetime BETWEEN ? AND ?');
      filterParams.push(...startsBetween);
    }
    const where = (range: string) => [range, ...filters].join(' AND ') || '1';
    if (!first) {
      const sql = `SELECT ${BOOKING_COLUMNS} ${FROM} WHERE ${where('1')} ORDER BY kb.search_key LIMIT ?`;
      return cached<MirrorBooking, (string | number)[]>(sql).all(...filterParams, limit);
    }
    type Sorted = MirrorBooking & { sortKey: string };
    const scan = (column: string) =>
      cached<Sorted, (string | number)[]>(
        `SELECT ${BOOKING_COLUMNS}, kb.search_key AS sortKey ${FROM}
         WHERE ${where(`kb.${column} >= ? AND kb.${column} < ?`)} ORDER BY kb.${column} LIMIT ?`,
      ).all(first, upper, ...filterParams, limit);
    const merged = new Map<number, Sorted>();
    for (const row of [...scan('search_key'), ...scan('search_first_key')]) merged.set(row.bookingId, row);
    return [...merged.values()]
      .sort((a, b) => a.sortKey.localeCompare(b.sortKey) || a.bookingId - b.bookingId)
      .slice(0, limit)
      .map(({ sortKey: _sortKey, ...row }) => row);
  }

  /**
   * A séance's bookings, optionally filtered by name: the first word starts the last or the first name (two index
   * range scans), every other word appears somewhere in the name.
   */
  function forSeance(stockId: number, query: string): MirrorBooking[] {
    const { first, upper, others } = wordsOf(query);
    const name = first
      ? [
          '((kb.search_key >= ? AND kb.search_key < ?) OR (kb.search_first_key >= ? AND kb.search_first_key < ?))',
          ...others.map(() => OTHER_WORD),
        ].join(' AND ')
      : '1';
    const params = first ? [first, upper, first, upper, ...others.map(likePattern)] : [];
    return cached<MirrorBooking, (string | number)[]>(
      `SELECT ${BOOKING_COLUMNS} ${FROM} WHERE kb.stock_id = ? AND ${name} ORDER BY kb.search_key, kb.booking_id`,
    ).all(stockId, ...params);
  }

  return {
    search,
    forSeance,
    byIds: (ids: number[]): MirrorBooking[] => (ids.length === 0 ? [] : byIds.all(JSON.stringify(ids))),
  };
}

export type BookingSearch = ReturnType<typeof createBookingSearch>;
