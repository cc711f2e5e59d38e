/** Rows of a main counter's replica pages as a secondary receives them (shared/lanWire.ts), for the LAN tests. */
import type { ReplicaBooking } from '../../shared/lanWire';

export function replicaBooking(bookingId: number, changeSeq: number, at = '2026-12-06T12:00:00.000Z'): ReplicaBooking {
  return {
    bookingId,
    token: null,
    status: 'CONFIRMED',
    quantity: 1,
    unitPriceCents: 500,
    priceCategoryLabel: 'Plein',
    offerId: 10,
    offerName: 'Le Film',
    stockId: 100,
    venueId: 1,
    venueName: 'Cinéma',
    firstName: 'Camille',
    lastName: 'Martin',
    confirmationDate: null,
    searchKey: 'martin camille',
    searchFirstKey: 'camille martin',
    updatedAt: at,
    purgedAt: null,
    changeSeq,
  };
}
