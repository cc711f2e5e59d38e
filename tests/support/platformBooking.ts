/** A confirmed booking as pass Culture lists it, for tests of the stores (no sandbox). */
import type { PlatformBooking } from '../../shared/platform/schemas';

export function platformBooking(fields: Pick<PlatformBooking, 'id'> & Partial<PlatformBooking>): PlatformBooking {
  return {
    confirmationDate: null,
    price: 500,
    quantity: 1,
    status: 'CONFIRMED',
    offerId: 10,
    stockId: 100,
    priceCategoryLabel: 'Plein',
    offerName: 'Le Film',
    venueId: 1,
    venueName: 'Cinéma',
    userFirstName: 'Camille',
    userLastName: 'Martin',
    ...fields,
  } as PlatformBooking;
}
