/**
 * Database schema (drizzle). Migrations are generated from this file with `npm run db:generate` and committed.
 * Times are UTC ISO strings; money is integer cents.
 */
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/**
 * The ledger: one row per thing that happened at this counter (lookup outcome, validation, undo).
 * Append-only: triggers refuse DELETE and every UPDATE but one — the retention purge, once per row, which masks the
 * countermark and drops the platform's answer and keeps everything else (times, counter, kind, booking id, outcome,
 * status); see migration 0006 and retention.ts. Corrections are new rows.
 */
export const ledgerEntries = sqliteTable(
  'ledger_entries',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: text('at').notNull(),
    counterName: text('counter_name').notNull(),
    kind: text('kind', { enum: ['lookup', 'validation', 'undo', 'upload'] }).notNull(),
    token: text('token').notNull(),
    bookingId: integer('booking_id'),
    /** `valid`, `not_yet`, a refusal reason, `validated`, `undone`, or an error code. */
    outcome: text('outcome').notNull(),
    platformStatus: integer('platform_status'),
    /** The platform's answer (error body) as JSON, for the manager; never personal data beyond the booking id. */
    platformAnswer: text('platform_answer'),
    /** Set once by the retention purge (personal data erased); null before. */
    purgedAt: text('purged_at'),
    /** Who was signed in (staff_people.id) and their first name then; null on a counter with no team configured. */
    personId: integer('person_id'),
    personName: text('person_name'),
  },
  (t) => [index('ledger_at_idx').on(t.at), index('ledger_token_idx').on(t.token, t.id)],
);

/**
 * Bookings this counter has seen, keyed by booking id, with the token when someone scanned it
 * (the platform's listing carries no token). Only what the guichet shows: no e-mail, phone, birth date or postal code (dropped at ingest);
 * names become initials after the retention period (retention.ts).
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
    /** "lastname firstname", lower case without accents: what name search compares against. */
    searchKey: text('search_key').notNull().default(''),
    /** "firstname lastname", normalised the same way: a name search matches the start of either name. */
    searchFirstKey: text('search_first_key').notNull().default(''),
    updatedAt: text('updated_at').notNull(),
    /** Set by the retention purge: the names are initials since, and the listing never brings them back. */
    purgedAt: text('purged_at'),
  },
  (t) => [
    uniqueIndex('known_bookings_token_idx').on(t.token),
    index('known_bookings_stock_idx').on(t.stockId),
    index('known_bookings_venue_id_idx').on(t.venueId, t.bookingId),
    index('known_bookings_search_idx').on(t.searchKey),
    index('known_bookings_search_first_idx').on(t.searchFirstKey),
  ],
);

/** Films (event offers) of the counter's venues, mirrored from the platform. */
export const offers = sqliteTable(
  'offers',
  {
    offerId: integer('offer_id').primaryKey(),
    venueId: integer('venue_id').notNull(),
    name: text('name').notNull(),
    description: text('description'),
    durationMinutes: integer('duration_minutes'),
    isDuo: integer('is_duo', { mode: 'boolean' }).notNull(),
    status: text('status').notNull(),
    posterUrl: text('poster_url'),
    /** File name of the poster cached on disk (so the programme shows offline). */
    posterFile: text('poster_file'),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('offers_venue_idx').on(t.venueId)],
);

/**
 * Validations and undos to send to the platform, in order. Written in the same transaction as their ledger
 * row. Unlike the ledger, a queue row changes state as it is sent; it is never deleted.
 */
export const uploadQueue = sqliteTable(
  'upload_queue',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    ledgerId: integer('ledger_id')
      .notNull()
      .references(() => ledgerEntries.id),
    action: text('action', { enum: ['use', 'keep'] }).notNull(),
    token: text('token').notNull(),
    /** The booking the cashier meant (for a provisional validation: the one chosen by name). */
    bookingId: integer('booking_id'),
    provisional: integer('provisional', { mode: 'boolean' }).notNull(),
    state: text('state', { enum: ['pending', 'sending', 'done', 'conflict', 'handled'] }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    /** An earlier attempt may have reached the platform (timeout, reset, 5xx, or a crash while sending). */
    mayHaveReached: integer('may_have_reached', { mode: 'boolean' }).notNull().default(false),
    reasonCode: text('reason_code'),
    reason: text('reason'),
    note: text('note'),
    comment: text('comment'),
    createdAt: text('created_at').notNull(),
    lastAttemptAt: text('last_attempt_at'),
    /**
     * When to try again (UTC, informative across restarts). Never trusted beyond the back-off cap: a clock set back
     * must not freeze the queue (the uploader times its delays on the monotonic clock).
     */
    nextAttemptAt: text('next_attempt_at'),
    doneAt: text('done_at'),
    /** The engine run sending this row (a fresh id per start): a `sending` row belongs to that run only. */
    claimedBy: text('claimed_by'),
    /** Who made the validation or undo, and at which counter (as on its ledger row). */
    counterName: text('counter_name'),
    personId: integer('person_id'),
    personName: text('person_name'),
  },
  (t) => [
    index('upload_queue_state_idx').on(t.state, t.id),
    index('upload_queue_token_idx').on(t.token),
    // The replica and the hand-over read actions with their queue row (issue 14).
    index('upload_queue_ledger_idx').on(t.ledgerId),
  ],
);

/** Progress of each sync stream (cursor, last run), so sync resumes where it stopped. */
export const syncStreams = sqliteTable('sync_streams', {
  name: text('name').primaryKey(),
  cursor: integer('cursor'),
  lastRunAt: text('last_run_at'),
  lastSuccessAt: text('last_success_at'),
  lastError: text('last_error'),
});

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

/**
 * Print jobs (entry slips, reprints, test pages): the print queue, persisted so jobs survive a restart and a
 * failed one keeps its reason until someone reprints it. Unlike the ledger, rows change as a job runs.
 */
export const printJobs = sqliteTable(
  'print_jobs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind', { enum: ['entry', 'test'] }).notNull(),
    /** The validation the slip is for (no foreign key: printing must never get in the ledger's way). */
    ledgerId: integer('ledger_id'),
    /** A reprint asked for from the journal: printed "DUPLICATA". */
    duplicate: integer('duplicate', { mode: 'boolean' }).notNull(),
    /** `cancelled`: a failed job the cashier chose not to print after all. */
    status: text('status', { enum: ['pending', 'printing', 'printed', 'failed', 'cancelled'] }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    failureCode: text('failure_code'),
    failureMessage: text('failure_message'),
    /** What is printed, as JSON, snapshotted when the job is queued (a reprint after a restart prints the same). */
    payload: text('payload').notNull(),
    /** The printer of the last attempt, as the cashier knows it. */
    printer: text('printer'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    printedAt: text('printed_at'),
    /** Who asked for the slip (the validation's cashier, or whoever reprinted it), and at which counter. */
    counterName: text('counter_name'),
    personId: integer('person_id'),
    personName: text('person_name'),
  },
  (t) => [
    index('print_jobs_status_idx').on(t.status, t.id),
    index('print_jobs_ledger_status_idx').on(t.ledgerId, t.status),
  ],
);

/**
 * The counter's team (issue 15): people who sign in with a PIN. Never deleted (ledger rows name them): a person who
 * leaves is deactivated. The PIN is kept only as a salted scrypt hash (staff/pin.ts).
 */
export const staffPeople = sqliteTable('staff_people', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  firstName: text('first_name').notNull(),
  role: text('role', { enum: ['cashier', 'manager'] }).notNull(),
  pinHash: text('pin_hash').notNull(),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
});

/**
 * The staff audit: sign-ins, failed PINs, locks, team changes, undos, exports and erasures. Append-only (triggers
 * refuse UPDATE and DELETE, migration 0007), shown to the manager in Réglages → Équipe.
 */
export const staffAudit = sqliteTable(
  'staff_audit',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: text('at').notNull(),
    counterName: text('counter_name').notNull(),
    /** Who did it (null: nobody signed in, e.g. a wrong PIN, or a counter with no team). */
    personId: integer('person_id'),
    personName: text('person_name'),
    action: text('action').notNull(),
    /** What it was about, in a few words (a person's name, a masked countermark, a day): never a PIN. */
    detail: text('detail'),
  },
  (t) => [index('staff_audit_at_idx').on(t.at)],
);

/**
 * A secondary counter's copy of its main counter's validations and undos (issue 14), keyed by the main counter's
 * ledger id. Derived, never merged: the main counter's ledger is the one writer; this table is only ever refilled
 * from it (electron/lan/replicaFollower.ts), and read for verdicts ("déjà validée à 20:41 à Caisse 1").
 */
export const replicaActions = sqliteTable(
  'replica_actions',
  {
    mainLedgerId: integer('main_ledger_id').primaryKey(),
    kind: text('kind', { enum: ['validation', 'undo'] }).notNull(),
    token: text('token').notNull(),
    bookingId: integer('booking_id'),
    outcome: text('outcome').notNull(),
    at: text('at').notNull(),
    counterName: text('counter_name').notNull(),
    personName: text('person_name'),
    /** The state of the main counter's upload of it (null: an undo of a validation never sent). */
    uploadState: text('upload_state', { enum: ['pending', 'sending', 'done', 'conflict', 'handled'] }),
    uploadDoneAt: text('upload_done_at'),
    uploadReason: text('upload_reason'),
  },
  (t) => [index('replica_actions_token_idx').on(t.token), index('replica_actions_booking_idx').on(t.bookingId)],
);

/**
 * The main counter's receipts of secondaries' autonomous actions (issue 14, hand-over): one row per (secondary,
 * secondary's ledger id), written in the same transaction as the ledger row it produced, so a replayed or
 * interrupted hand-over never records anything twice.
 */
export const handoverReceipts = sqliteTable(
  'handover_receipts',
  {
    secondaryId: text('secondary_id').notNull(),
    secondaryLedgerId: integer('secondary_ledger_id').notNull(),
    ledgerId: integer('ledger_id')
      .notNull()
      .references(() => ledgerEntries.id),
    at: text('at').notNull(),
  },
  (t) => [uniqueIndex('handover_receipts_key_idx').on(t.secondaryId, t.secondaryLedgerId)],
);

/** A secondary's side of the hand-over: which of its autonomous actions its main counter acknowledged. */
export const handedOver = sqliteTable('handed_over', {
  ledgerId: integer('ledger_id')
    .primaryKey()
    .references(() => ledgerEntries.id),
  mainLedgerId: integer('main_ledger_id').notNull(),
  at: text('at').notNull(),
});
