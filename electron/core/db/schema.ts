/**
 * Database schema (drizzle). Migrations are generated from this file with `npm run db:generate` and committed.
 * Times are UTC ISO strings; money is integer cents.
 */
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/**
 * The ledger: one row per thing that happened at this counter (lookup outcome, validation, undo).
 * Append-only: triggers in migration 0001 refuse UPDATE and DELETE; corrections are new rows.
 */
export const ledgerEntries = sqliteTable(
  'ledger_entries',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: text('at').notNull(),
    counterName: text('counter_name').notNull(),
    kind: text('kind', { enum: ['lookup', 'validation', 'undo'] }).notNull(),
    token: text('token').notNull(),
    bookingId: integer('booking_id'),
    /** `valid`, `not_yet`, a refusal reason, `validated`, `undone`, or an error code. */
    outcome: text('outcome').notNull(),
    platformStatus: integer('platform_status'),
    /** The platform's answer (error body) as JSON, for the manager; never personal data beyond the booking id. */
    platformAnswer: text('platform_answer'),
  },
  (t) => [index('ledger_at_idx').on(t.at), index('ledger_token_idx').on(t.token, t.id)],
);

/**
 * Bookings this counter has seen, keyed by booking id, with the token when someone scanned it
 * (the platform's listing carries no token). Only what the guichet shows: no e-mail, phone or birth date.
 */
export const knownBookings = sqliteTable(
  'known_bookings',
  {
    bookingId: integer('booking_id').primaryKey(),
    token: text('token'),
    status: text('status', { enum: ['CONFIRMED', 'USED', 'CANCELLED', 'REIMBURSED'] }).notNull(),
    quantity: integer('quantity').notNull(),
    unitPriceCents: integer('unit_price_cents').notNull(),
    priceCategoryLabel: text('price_category_label'),
    offerId: integer('offer_id').notNull(),
    offerName: text('offer_name').notNull(),
    stockId: integer('stock_id').notNull(),
    venueId: integer('venue_id').notNull(),
    venueName: text('venue_name').notNull(),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    confirmationDate: text('confirmation_date'),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [uniqueIndex('known_bookings_token_idx').on(t.token)],
);

/** Séances (the platform's "dates" / stocks) of the offers seen, for the séance time on the verdict. */
export const seances = sqliteTable(
  'seances',
  {
    stockId: integer('stock_id').primaryKey(),
    offerId: integer('offer_id').notNull(),
    beginningDatetime: text('beginning_datetime').notNull(),
    priceCategoryLabel: text('price_category_label').notNull(),
    priceCents: integer('price_cents').notNull(),
    /** Total seats including booked ones; null when unlimited. */
    quantity: integer('quantity'),
    bookedQuantity: integer('booked_quantity').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('seances_offer_idx').on(t.offerId)],
);

/** Small key → JSON value settings cached by the core (e.g. the venue resolved from the platform). */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});
