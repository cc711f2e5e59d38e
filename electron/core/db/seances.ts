/**
 * Reads of the `seances` table (with their film's name from `offers`) for the Programme, the end-of-day report and
 * the status refresh, and the deletion of a séance the programme no longer lists. Séances are written with the
 * bookings they belong to (bookingCache.ts: the verdict reads both on every scan).
 */
import type { SeanceView } from '../../../shared/contract';
import type { CounterDb } from './open';
import { column, statement } from './statement';

/** A séance of the day, for the end-of-day report. */
export interface DaySeanceRow {
  stockId: number;
  offerId: number;
  offerName: string;
  start: string;
  priceCategoryLabel: string;
}

/** Séances sharing a start time at a venue: the status refresh reads their bookings in one request. */
export interface StartGroupRow {
  venueId: number;
  start: string;
}

export interface TimedSeanceRow {
  stockId: number;
  offerId: number;
  start: string;
}

// The film's name from the offers table, else from one of its bookings (a film seen through a scan only).
const OFFER_NAME = `COALESCE(o.name, (SELECT offer_name FROM known_bookings WHERE offer_id = s.offer_id LIMIT 1), '')`;

const VIEW_SQL = `SELECT s.stock_id AS stockId, s.offer_id AS offerId, ${OFFER_NAME} AS offerName,
      s.beginning_datetime AS start, s.price_category_label AS priceCategoryLabel, s.price_cents AS priceCents,
      s.quantity, s.booked_quantity AS bookedQuantity,
      (SELECT COUNT(*) FROM known_bookings kb WHERE kb.stock_id = s.stock_id AND kb.status = 'CONFIRMED') AS expected,
      (SELECT COUNT(*) FROM known_bookings kb WHERE kb.stock_id = s.stock_id AND kb.status IN ('USED', 'REIMBURSED')) AS came
    FROM seances s LEFT JOIN offers o ON o.offer_id = s.offer_id`;

type ViewRow = Omit<SeanceView, 'remaining'>;

function withRemaining(row: ViewRow): SeanceView {
  return { ...row, remaining: row.quantity === null ? null : Math.max(0, row.quantity - row.bookedQuantity) };
}

export function createSeanceStore(db: CounterDb) {
  const view = statement<ViewRow, [number]>(db, `${VIEW_SQL} WHERE s.stock_id = ?`);
  const viewsBetween = statement<ViewRow, [string, string]>(
    db,
    `${VIEW_SQL} WHERE s.beginning_datetime >= ? AND s.beginning_datetime < ? ORDER BY s.beginning_datetime, s.stock_id`,
  );
  const ofDay = statement<DaySeanceRow, [string, string]>(
    db,
    `SELECT s.stock_id AS stockId, s.offer_id AS offerId, s.beginning_datetime AS start,
       s.price_category_label AS priceCategoryLabel, ${OFFER_NAME} AS offerName
     FROM seances s LEFT JOIN offers o ON o.offer_id = s.offer_id
     WHERE s.beginning_datetime >= ? AND s.beginning_datetime < ?
     ORDER BY s.beginning_datetime, offerName, s.stock_id`,
  );
  const startGroups = statement<StartGroupRow, [string, string, string]>(
    db,
    `SELECT DISTINCT o.venue_id AS venueId, s.beginning_datetime AS start
     FROM seances s JOIN offers o ON o.offer_id = s.offer_id
     WHERE o.venue_id IN (SELECT value FROM json_each(?)) AND s.beginning_datetime >= ? AND s.beginning_datetime <= ?
     ORDER BY s.beginning_datetime, o.venue_id`,
  );
  const startingBetween = statement<TimedSeanceRow, [string, string]>(
    db,
    `SELECT s.stock_id AS stockId, s.offer_id AS offerId, s.beginning_datetime AS start FROM seances s
     WHERE s.beginning_datetime >= ? AND s.beginning_datetime <= ? ORDER BY s.beginning_datetime, s.stock_id`,
  );
  const stockIdsOfOffer = column<number, [number]>(db, 'SELECT stock_id FROM seances WHERE offer_id = ?');
  const remove = statement<never, [number]>(db, 'DELETE FROM seances WHERE stock_id = ?');

  return {
    /** One séance as the Programme shows it, with its expected and came counts. */
    view(stockId: number): SeanceView | null {
      const row = view.get(stockId);
      return row ? withRemaining(row) : null;
    },
    /** Séances starting in [from, to), in time order. */
    viewsBetween(from: string, to: string): SeanceView[] {
      return viewsBetween.all(from, to).map(withRemaining);
    },
    /** The end-of-day report's séances of [from, to), by time then film. */
    ofDay(from: string, to: string): DaySeanceRow[] {
      return ofDay.all(from, to);
    },
    /** The distinct (venue, start) of séances starting in [from, to] at these venues. */
    startGroups(venueIds: number[], from: string, to: string): StartGroupRow[] {
      return startGroups.all(JSON.stringify(venueIds), from, to);
    },
    /** Séances starting in [from, to], in time order. */
    startingBetween(from: string, to: string): TimedSeanceRow[] {
      return startingBetween.all(from, to);
    },
    stockIdsOfOffer(offerId: number): number[] {
      return stockIdsOfOffer.all(offerId);
    },
    delete(stockId: number): void {
      remove.run(stockId);
    },
  };
}

export type SeanceStore = ReturnType<typeof createSeanceStore>;
