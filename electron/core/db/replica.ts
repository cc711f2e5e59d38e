/**
 * The replica's SQL (issue 14), both sides:
 * - a main counter reads its mirror and its ledger's validations and undos in pages for its secondaries: bookings
 *   by change cursor (`known_bookings.change_seq`, moved by triggers only when a row really changes, migration 0008),
 *   actions by ledger id (monotonic), séances and films by id;
 * - a secondary writes what it pulled into its own mirror tables (the same rows the sync writes on a main counter:
 *   its own sync is off while it is paired) and the actions into `replica_actions`, never into its ledger.
 *
 * A secondary's first catch-up of a season is hundreds of pages of bookings written back to back, as a main counter's
 * first sync is: they are committed the same way (relaxed, the WAL flushed in the background after each page,
 * walFlusher.ts), so a scan at the secondary never waits for their fsync.
 */
import type { ReplicaAction, ReplicaBooking, ReplicaOffer, ReplicaSeance } from '../../../shared/lanWire';
import { withRelaxedDurability } from './durability';
import type { CounterDb } from './open';
import { UPSERT_OFFER_SQL } from './offers';
import { writeSetting } from './settings';
import { column, statement } from './statement';

const BOOKING_COLUMNS = `booking_id AS bookingId, token, status, quantity, unit_price_cents AS unitPriceCents,
  price_category_label AS priceCategoryLabel, offer_id AS offerId, offer_name AS offerName, stock_id AS stockId,
  venue_id AS venueId, venue_name AS venueName, first_name AS firstName, last_name AS lastName,
  confirmation_date AS confirmationDate, search_key AS searchKey, search_first_key AS searchFirstKey,
  updated_at AS updatedAt, purged_at AS purgedAt, change_seq AS changeSeq`;

const ACTION_SELECT = `SELECT l.id AS mainLedgerId, l.kind, l.token, l.booking_id AS bookingId, l.outcome, l.at,
    l.counter_name AS counterName, l.person_name AS personName, q.state AS uploadState, q.done_at AS uploadDoneAt,
    q.reason AS uploadReason
  FROM ledger_entries l LEFT JOIN upload_queue q ON q.ledger_id = l.id`;

const SEANCE_COLUMNS = `stock_id AS stockId, offer_id AS offerId, beginning_datetime AS beginningDatetime,
  price_category_label AS priceCategoryLabel, price_cents AS priceCents, quantity, booked_quantity AS bookedQuantity,
  updated_at AS updatedAt`;

type OfferRow = Omit<ReplicaOffer, 'isDuo'> & { isDuo: number };

/** The main counter's side: what its secondaries pull. */
export function createReplicaSource(db: CounterDb) {
  const bookingsAfter = statement<ReplicaBooking, [number, number, number]>(
    db,
    `SELECT ${BOOKING_COLUMNS} FROM known_bookings WHERE (change_seq, booking_id) > (?, ?)
     ORDER BY change_seq, booking_id LIMIT ?`,
  );
  const actionsAfter = statement<ReplicaAction, [number, number]>(
    db,
    `${ACTION_SELECT} WHERE l.id > ? AND l.kind IN ('validation', 'undo') ORDER BY l.id LIMIT ?`,
  );
  const actionsByIds = statement<ReplicaAction, [string]>(
    db,
    `${ACTION_SELECT} WHERE l.id IN (SELECT value FROM json_each(?)) AND l.kind IN ('validation', 'undo')`,
  );
  const seancesAfter = statement<ReplicaSeance, [number, number]>(
    db,
    `SELECT ${SEANCE_COLUMNS} FROM seances WHERE stock_id > ? ORDER BY stock_id LIMIT ?`,
  );
  const offersAfter = statement<OfferRow, [number, number]>(
    db,
    `SELECT offer_id AS offerId, venue_id AS venueId, name, description, duration_minutes AS durationMinutes,
       is_duo AS isDuo, status, poster_url AS posterUrl, updated_at AS updatedAt
     FROM offers WHERE offer_id > ? ORDER BY offer_id LIMIT ?`,
  );
  return {
    bookingsAfter: (seq: number, bookingId: number, limit: number) => bookingsAfter.all(seq, bookingId, limit),
    actionsAfter: (ledgerId: number, limit: number) => actionsAfter.all(ledgerId, limit),
    actionsByIds: (ids: readonly number[]) => actionsByIds.all(JSON.stringify(ids)),
    seancesAfter: (stockId: number, limit: number) => seancesAfter.all(stockId, limit),
    offersAfter: (offerId: number, limit: number): ReplicaOffer[] =>
      offersAfter.all(offerId, limit).map((o) => ({ ...o, isDuo: o.isDuo === 1 })),
  };
}

/** Where a secondary's bookings catch-up stands: a settings row, written with the page it follows. */
export interface ReplicaCursorRow {
  key: string;
  value: unknown;
}

/** The secondary's side: its replica written, and where its catch-up stands. */
export function createReplicaSink(db: CounterDb) {
  const client = db.$client;
  const clearToken = statement<never, [string, number]>(
    db,
    'UPDATE known_bookings SET token = NULL WHERE token = ? AND booking_id <> ?',
  );
  const upsertBooking = statement<never, [Omit<ReplicaBooking, 'changeSeq'>]>(
    db,
    `INSERT INTO known_bookings (booking_id, token, status, quantity, unit_price_cents, price_category_label, offer_id,
       offer_name, stock_id, venue_id, venue_name, first_name, last_name, confirmation_date, search_key,
       search_first_key, updated_at, purged_at)
     VALUES (@bookingId, @token, @status, @quantity, @unitPriceCents, @priceCategoryLabel, @offerId, @offerName,
       @stockId, @venueId, @venueName, @firstName, @lastName, @confirmationDate, @searchKey, @searchFirstKey,
       @updatedAt, @purgedAt)
     ON CONFLICT(booking_id) DO UPDATE SET token = excluded.token, status = excluded.status,
       quantity = excluded.quantity, unit_price_cents = excluded.unit_price_cents,
       price_category_label = excluded.price_category_label, offer_id = excluded.offer_id,
       offer_name = excluded.offer_name, stock_id = excluded.stock_id, venue_id = excluded.venue_id,
       venue_name = excluded.venue_name, first_name = excluded.first_name, last_name = excluded.last_name,
       confirmation_date = excluded.confirmation_date, search_key = excluded.search_key,
       search_first_key = excluded.search_first_key, updated_at = excluded.updated_at, purged_at = excluded.purged_at`,
  );
  const upsertAction = statement<never, [ReplicaAction]>(
    db,
    `INSERT INTO replica_actions (main_ledger_id, kind, token, booking_id, outcome, at, counter_name, person_name,
       upload_state, upload_done_at, upload_reason)
     VALUES (@mainLedgerId, @kind, @token, @bookingId, @outcome, @at, @counterName, @personName, @uploadState,
       @uploadDoneAt, @uploadReason)
     ON CONFLICT(main_ledger_id) DO UPDATE SET token = excluded.token, upload_state = excluded.upload_state,
       upload_done_at = excluded.upload_done_at, upload_reason = excluded.upload_reason`,
  );
  const upsertSeance = statement<never, [ReplicaSeance]>(
    db,
    `INSERT INTO seances (stock_id, offer_id, beginning_datetime, price_category_label, price_cents, quantity,
       booked_quantity, updated_at)
     VALUES (@stockId, @offerId, @beginningDatetime, @priceCategoryLabel, @priceCents, @quantity, @bookedQuantity,
       @updatedAt)
     ON CONFLICT(stock_id) DO UPDATE SET offer_id = excluded.offer_id, beginning_datetime = excluded.beginning_datetime,
       price_category_label = excluded.price_category_label, price_cents = excluded.price_cents,
       quantity = excluded.quantity, booked_quantity = excluded.booked_quantity, updated_at = excluded.updated_at`,
  );
  const removeOtherSeances = statement<never, [string]>(
    db,
    'DELETE FROM seances WHERE stock_id NOT IN (SELECT value FROM json_each(?))',
  );
  // The poster file stays the secondary's own (posters are not copied over the LAN).
  const upsertOffer = statement<never, [Omit<OfferRow, 'isDuo'> & { isDuo: number }]>(db, UPSERT_OFFER_SQL);
  const lastAction = column<number | null>(db, 'SELECT MAX(main_ledger_id) FROM replica_actions');
  const unsettled = column<number>(
    db,
    `SELECT main_ledger_id FROM replica_actions WHERE upload_state IN ('pending', 'sending', 'conflict')
     ORDER BY main_ledger_id LIMIT 500`,
  );
  const forget = statement(db, 'DELETE FROM replica_actions');

  const bookingsPage = client.transaction((rows: ReplicaBooking[], cursor: ReplicaCursorRow) => {
    for (const { changeSeq: _seq, ...row } of rows) {
      if (row.token !== null) clearToken.run(row.token, row.bookingId);
      upsertBooking.run(row);
    }
    writeSetting(db, cursor.key, cursor.value);
  });
  const programmeWhole = client.transaction((seances: ReplicaSeance[], offers: ReplicaOffer[]) => {
    for (const offer of offers) upsertOffer.run({ ...offer, isDuo: offer.isDuo ? 1 : 0 });
    for (const seance of seances) upsertSeance.run(seance);
    removeOtherSeances.run(JSON.stringify(seances.map((s) => s.stockId)));
  });

  return {
    /**
     * One page of bookings and the cursor after it, in one transaction committed relaxed (durability.ts). A power
     * cut may lose the page, but then it loses the cursor with it (a transaction rolls back whole): the catch-up
     * pulls the page again from the cursor that survived. Nothing here is the secondary's own: the main counter
     * holds these rows and gives them again.
     */
    bookings(rows: ReplicaBooking[], cursor: ReplicaCursorRow): void {
      withRelaxedDurability(client, () => bookingsPage(rows, cursor), { thenFlush: true });
    },
    /**
     * Committed durably: an action copied here is what refuses, in autonomous mode, a second admission of a
     * countermark the main counter validated (its cursor is the data itself, so the page's rows and where the next
     * pull starts cannot disagree). Live, a page is a handful of rows; a first catch-up has a few dozen pages.
     */
    actions: client.transaction((rows: ReplicaAction[]) => {
      for (const row of rows) upsertAction.run(row);
    }),
    /**
     * The whole programme at once: a séance the main counter no longer has is removed here too. Relaxed as the
     * sync's séances are: pulled whole again at every (re)connection.
     */
    programme(seances: ReplicaSeance[], offers: ReplicaOffer[]): void {
      withRelaxedDurability(client, () => programmeWhole(seances, offers), { thenFlush: true });
    },
    /** The main counter's last action copied here (the actions' cursor is the data itself). */
    lastActionId: (): number => lastAction.get() ?? 0,
    /** Actions whose upload the main counter had not settled when they were copied: asked for again. */
    unsettledActionIds: (): number[] => unsettled.all(),
    /** Another main counter: its ledger ids mean nothing here. */
    forgetActions: (): void => void forget.run(),
  };
}

export type ReplicaSource = ReturnType<typeof createReplicaSource>;
export type ReplicaSink = ReturnType<typeof createReplicaSink>;
