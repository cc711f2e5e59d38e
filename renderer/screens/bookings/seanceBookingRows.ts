/** A séance's bookings as Réservations lists them: what a séance is to the cashier, and its rows in order. Pure. */
import type { BookingRow, CallOutput, ContractError, Envelope, SeanceView } from '../../../shared/contract';

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

export interface SeanceBookingRows {
  /** The séance's stocks (one per tariff) as the mirror knows them. */
  stocks: readonly SeanceView[];
  rows: readonly BookingRow[] | null;
  error: ContractError | null;
}

const byName = new Intl.Collator('fr', { sensitivity: 'base' });

/**
 * The answers of `bookings.forSeance`, one per stock, as one list sorted by last then first name (accents and case
 * aside); one failed answer fails the list.
 */
export function seanceBookingRows(envelopes: readonly Envelope<CallOutput<'bookings.forSeance'>>[]): SeanceBookingRows {
  const failed = envelopes.find((envelope) => !envelope.ok);
  if (failed && !failed.ok) return { stocks: [], rows: null, error: failed.error };
  const values = envelopes.flatMap((envelope) => (envelope.ok ? [envelope.value] : []));
  const rows = values
    .flatMap((value) => value.bookings)
    .sort((a, b) => byName.compare(a.lastName, b.lastName) || byName.compare(a.firstName, b.firstName));
  const stocks = values.flatMap((value) => (value.seance ? [value.seance] : []));
  return { stocks, rows, error: null };
}
