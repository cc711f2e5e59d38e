/**
 * Read side of the mirror for the screens: name search, a séance's bookings, the programme, posters.
 * Everything here works offline.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { BookingRow, OfferView, SeanceView } from '../../../shared/contract';
import { venueDayRange, venueToday } from '../../../shared/venueTime';
import { normalizeForSearch } from '../db/bookingCache';
import type { CounterDb } from '../db/open';
import { createStandings, standingOf } from '../counter/validationStanding';

/** "Séances of the moment": people come up to a couple of hours early and some time after the start. */
const MOMENT_BEFORE_MS = 3 * 60 * 60_000;
const MOMENT_AFTER_MS = 2 * 60 * 60_000;

interface RawBooking {
  bookingId: number;
  token: string | null;
  firstName: string;
  lastName: string;
  offerName: string;
  stockId: number;
  seanceStart: string | null;
  quantity: number;
  unitPriceCents: number;
  priceCategoryLabel: string | null;
  status: BookingRow['status'];
  confirmationDate: string | null;
}

const BOOKING_COLUMNS = `kb.booking_id AS bookingId, kb.token, kb.first_name AS firstName, kb.last_name AS lastName,
  kb.offer_name AS offerName, kb.stock_id AS stockId, s.beginning_datetime AS seanceStart, kb.quantity,
  kb.unit_price_cents AS unitPriceCents, kb.price_category_label AS priceCategoryLabel, kb.status,
  kb.confirmation_date AS confirmationDate`;

/** Rows read per turn of the event loop by `byIdsInSlices` (about 5 ms each on the reference machine). */
const ROWS_PER_SLICE = 500;

/** LIKE pattern of one search word (its wildcards escaped). */
function likePattern(word: string): string {
  return `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export function createMirrorQueries(db: CounterDb, clock: () => Date, posterDir: string) {
  const client = db.$client;
  const standings = createStandings(db);

  function toRows(raw: RawBooking[]): BookingRow[] {
    const facts = standings.ofBookings(raw.map((b) => b.bookingId));
    return raw.map((b) => {
      const { validatedAt, provisional, pendingUpload } = standingOf(facts, b.bookingId);
      return { ...b, validatedHere: validatedAt !== null, provisional, pendingUpload };
    });
  }

  /**
   * A name query: its first word must start the last name or the first name (two index range scans, fast on
   * 100,000 bookings); every other word must appear somewhere in the name.
   */
  function nameFilter(query: string): { sql: string; params: string[] } {
    const [first, ...others] = normalizeForSearch(query).split(' ').filter(Boolean);
    if (!first) return { sql: '1', params: [] };
    const upper = first.slice(0, -1) + String.fromCharCode(first.charCodeAt(first.length - 1) + 1);
    return {
      sql: [
        '((kb.search_key >= ? AND kb.search_key < ?) OR (kb.search_first_key >= ? AND kb.search_first_key < ?))',
        ...others.map(() => `kb.search_key LIKE ? ESCAPE '\\'`),
      ].join(' AND '),
      params: [first, upper, first, upper, ...others.map(likePattern)],
    };
  }

  /**
   * Name search. The first word is matched against the start of the last name and of the first name by two
   * index-ordered range scans, each stopping at `limit` rows (no sort of thousands of "Martin"); the two
   * lists are merged here. Other words and the séance window filter the rows as they are scanned.
   */
  function search(query: string, scope: 'moment' | 'all', limit = 50): BookingRow[] {
    const [first, ...others] = normalizeForSearch(query).split(' ').filter(Boolean);
    const filters: string[] = others.map(() => `kb.search_key LIKE ? ESCAPE '\\'`);
    const filterParams: string[] = others.map(likePattern);
    if (scope === 'moment') {
      const t = clock().getTime();
      filters.push('s.beginning_datetime BETWEEN ? AND ?');
      filterParams.push(new Date(t - MOMENT_BEFORE_MS).toISOString(), new Date(t + MOMENT_AFTER_MS).toISOString());
    }
    const where = (range: string) => [range, ...filters].join(' AND ') || '1';
    const from = 'FROM known_bookings kb LEFT JOIN seances s ON s.stock_id = kb.stock_id';
    if (!first) {
      const raw = client
        .prepare(`SELECT ${BOOKING_COLUMNS} ${from} WHERE ${where('1')} ORDER BY kb.search_key LIMIT ?`)
        .all(...filterParams, limit) as RawBooking[];
      return toRows(raw);
    }
    const upper = first.slice(0, -1) + String.fromCharCode(first.charCodeAt(first.length - 1) + 1);
    const scan = (column: string) =>
      client
        .prepare(
          `SELECT ${BOOKING_COLUMNS}, kb.search_key AS sortKey ${from}
           WHERE ${where(`kb.${column} >= ? AND kb.${column} < ?`)} ORDER BY kb.${column} LIMIT ?`,
        )
        .all(first, upper, ...filterParams, limit) as (RawBooking & { sortKey: string })[];
    const merged = new Map<number, RawBooking & { sortKey: string }>();
    for (const row of [...scan('search_key'), ...scan('search_first_key')]) merged.set(row.bookingId, row);
    const sorted = [...merged.values()]
      .sort((a, b) => a.sortKey.localeCompare(b.sortKey) || a.bookingId - b.bookingId)
      .slice(0, limit)
      .map(({ sortKey: _sortKey, ...row }) => row);
    return toRows(sorted);
  }

  function forSeance(stockId: number, query?: string): BookingRow[] {
    const name = nameFilter(query ?? '');
    const raw = client
      .prepare(
        `SELECT ${BOOKING_COLUMNS} FROM known_bookings kb LEFT JOIN seances s ON s.stock_id = kb.stock_id
         WHERE kb.stock_id = ? AND ${name.sql} ORDER BY kb.search_key, kb.booking_id`,
      )
      .all(stockId, ...name.params) as RawBooking[];
    return toRows(raw);
  }

  function byIds(ids: number[]): BookingRow[] {
    if (ids.length === 0) return [];
    const raw = client
      .prepare(
        `SELECT ${BOOKING_COLUMNS} FROM known_bookings kb LEFT JOIN seances s ON s.stock_id = kb.stock_id
         WHERE kb.booking_id IN (SELECT value FROM json_each(?)) ORDER BY kb.booking_id`,
      )
      .all(JSON.stringify(ids)) as RawBooking[];
    return toRows(raw);
  }

  /**
   * `byIds` for a list of any length, the same rows in the same order, read a slice at a time with a turn of the
   * event loop between slices: a first sync brings every booking (100,000 in a season), and reading their rows at
   * once held the event loop, and with it every scan, for more than a second. Stops early (with what it has read)
   * once `open()` says the database closed meanwhile.
   */
  async function byIdsInSlices(ids: number[], open: () => boolean): Promise<BookingRow[]> {
    const sorted = [...new Set(ids)].sort((a, b) => a - b);
    const rows: BookingRow[] = [];
    for (let i = 0; i < sorted.length; i += ROWS_PER_SLICE) {
      if (i > 0) await new Promise((resolve) => setImmediate(resolve));
      if (!open()) break;
      for (const row of byIds(sorted.slice(i, i + ROWS_PER_SLICE))) rows.push(row);
    }
    return rows;
  }

  const SEANCE_SQL = `SELECT s.stock_id AS stockId, s.offer_id AS offerId,
      COALESCE(o.name, (SELECT offer_name FROM known_bookings WHERE offer_id = s.offer_id LIMIT 1), '') AS offerName,
      s.beginning_datetime AS start, s.price_category_label AS priceCategoryLabel, s.price_cents AS priceCents,
      s.quantity, s.booked_quantity AS bookedQuantity,
      (SELECT COUNT(*) FROM known_bookings kb WHERE kb.stock_id = s.stock_id AND kb.status = 'CONFIRMED') AS expected,
      (SELECT COUNT(*) FROM known_bookings kb WHERE kb.stock_id = s.stock_id AND kb.status IN ('USED', 'REIMBURSED')) AS came
    FROM seances s LEFT JOIN offers o ON o.offer_id = s.offer_id`;

  function seanceView(row: Omit<SeanceView, 'remaining'>): SeanceView {
    return { ...row, remaining: row.quantity === null ? null : Math.max(0, row.quantity - row.bookedQuantity) };
  }

  function seance(stockId: number): SeanceView | null {
    const row = client.prepare(`${SEANCE_SQL} WHERE s.stock_id = ?`).get(stockId) as
      Omit<SeanceView, 'remaining'> | undefined;
    return row ? seanceView(row) : null;
  }

  function programme(fromDay: string | undefined, days: number, timeZone: string) {
    const { from, to } = venueDayRange(fromDay ?? venueToday(clock(), timeZone), timeZone, days);
    const seances = (
      client
        .prepare(
          `${SEANCE_SQL} WHERE s.beginning_datetime >= ? AND s.beginning_datetime < ? ORDER BY s.beginning_datetime, s.stock_id`,
        )
        .all(from, to) as Omit<SeanceView, 'remaining'>[]
    ).map(seanceView);
    const offerIds = [...new Set(seances.map((s) => s.offerId))];
    const offers = (
      client
        .prepare(
          `SELECT offer_id AS offerId, venue_id AS venueId, name, description, duration_minutes AS durationMinutes,
             is_duo AS isDuo, status, poster_file IS NOT NULL AS hasPoster
           FROM offers WHERE offer_id IN (SELECT value FROM json_each(?)) ORDER BY name`,
        )
        .all(JSON.stringify(offerIds)) as (Omit<OfferView, 'isDuo' | 'hasPoster'> & {
        isDuo: number;
        hasPoster: number;
      })[]
    ).map((o) => ({ ...o, isDuo: o.isDuo === 1, hasPoster: o.hasPoster === 1 }));
    return { offers, seances };
  }

  /** The cached poster as a data URL (the renderer's CSP allows `data:` images, not file access). */
  function poster(offerId: number): string | null {
    const row = client.prepare('SELECT poster_file AS file FROM offers WHERE offer_id = ?').get(offerId) as
      { file: string | null } | undefined;
    if (!row?.file) return null;
    const file = path.join(posterDir, path.basename(row.file));
    if (!fs.existsSync(file)) return null;
    const extension = path.extname(file).slice(1).replace('jpg', 'jpeg');
    return `data:image/${extension};base64,${fs.readFileSync(file).toString('base64')}`;
  }

  return { search, forSeance, byIds, byIdsInSlices, seance, programme, poster };
}

export type MirrorQueries = ReturnType<typeof createMirrorQueries>;
