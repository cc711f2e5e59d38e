/**
 * Aggregate reads of the bookings mirror (`known_bookings`, with the séance's start where needed) for the status
 * refresh, the programme's deletion warning, the end-of-day report and the reimbursement overview.
 */
import type { BookingStatus } from '../../../shared/platform/schemas';
import type { CounterDb } from './open';
import { statement } from './statement';

/** A booking of a séance, as the end-of-day report counts it. */
export interface SeanceBookingRow {
  bookingId: number;
  stockId: number;
  status: BookingStatus;
  quantity: number;
  unitPriceCents: number;
}

/** A booking that may bring revenue (not cancelled), as the reimbursement overview reads it. */
export interface RevenueBookingRow {
  bookingId: number;
  status: BookingStatus;
  quantity: number;
  unitPriceCents: number;
  venueId: number;
  venueName: string;
  offerName: string;
  firstName: string;
  lastName: string;
  seanceStart: string | null;
  updatedAt: string;
}

export function createBookingFacts(db: CounterDb) {
  const confirmedInRange = statement<{ bookingId: number; stockId: number }, [number, number, number]>(
    db,
    `SELECT booking_id AS bookingId, stock_id AS stockId FROM known_bookings
     WHERE venue_id = ? AND status = 'CONFIRMED' AND booking_id >= ? AND booking_id <= ?`,
  );
  const unusedByStock = statement<{ stockId: number; bookings: number; places: number | null }, [number]>(
    db,
    `SELECT stock_id AS stockId, COUNT(*) AS bookings, SUM(quantity) AS places FROM known_bookings
     WHERE offer_id = ? AND status = 'CONFIRMED' GROUP BY stock_id`,
  );
  const ofStocks = statement<SeanceBookingRow, [string]>(
    db,
    `SELECT booking_id AS bookingId, stock_id AS stockId, status, quantity, unit_price_cents AS unitPriceCents
     FROM known_bookings WHERE stock_id IN (SELECT value FROM json_each(?))`,
  );
  const revenue = statement<RevenueBookingRow>(
    db,
    `SELECT kb.booking_id AS bookingId, kb.status, kb.quantity, kb.unit_price_cents AS unitPriceCents,
       kb.venue_id AS venueId, kb.venue_name AS venueName, kb.offer_name AS offerName,
       kb.first_name AS firstName, kb.last_name AS lastName, s.beginning_datetime AS seanceStart,
       kb.updated_at AS updatedAt
     FROM known_bookings kb LEFT JOIN seances s ON s.stock_id = kb.stock_id
     WHERE kb.status != 'CANCELLED'`,
  );

  return {
    /** The venue's bookings the mirror holds as CONFIRMED with ids in [fromId, toId] (the status sweep). */
    confirmedInRange(venueId: number, fromId: number, toId: number): { bookingId: number; stockId: number }[] {
      return confirmedInRange.all(venueId, fromId, toId);
    },
    /** Confirmed, not used bookings per séance of a film: what deleting the séance would cancel. */
    unusedByStock(offerId: number): Map<number, { bookings: number; places: number }> {
      const rows = unusedByStock.all(offerId);
      return new Map(rows.map((r) => [r.stockId, { bookings: r.bookings, places: r.places ?? 0 }]));
    },
    /** Every booking of these séances. */
    ofStocks(stockIds: number[]): SeanceBookingRow[] {
      return ofStocks.all(JSON.stringify(stockIds));
    },
    /** Every booking not cancelled, with its séance's start. */
    revenue(): RevenueBookingRow[] {
      return revenue.all();
    },
  };
}

export type BookingFacts = ReturnType<typeof createBookingFacts>;
