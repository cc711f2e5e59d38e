import type { BookingRow, BookingView } from '../../../shared/contract';

/** A mirror row shown with the verdict's components (name, film, séance, places). */
export function bookingViewOfRow(row: BookingRow, venueName: string): BookingView {
  return {
    bookingId: row.bookingId,
    firstName: row.firstName,
    lastName: row.lastName,
    offerName: row.offerName,
    seanceStart: row.seanceStart,
    quantity: row.quantity,
    isDuo: row.quantity === 2,
    unitPriceCents: row.unitPriceCents,
    totalPriceCents: row.unitPriceCents * row.quantity,
    priceCategoryLabel: row.priceCategoryLabel,
    venueName,
  };
}
