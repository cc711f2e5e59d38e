/**
 * A séance as the cashier sees it: one film at one time. On the platform it may be several stocks (one per
 * price category), so the Réservations screen gathers the bookings of all of them.
 */
export interface SeanceTarget {
  offerId: number;
  offerName: string;
  start: string;
  stockIds: readonly number[];
}
