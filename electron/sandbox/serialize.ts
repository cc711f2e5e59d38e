/**
 * The JSON the platform answers, built from the store: GetBookingResponse, DateResponse, EventOfferResponse and
 * GetOfferersVenuesResponse of openapi-subset.json (camelCase, UTC dates ending in `Z`, money in cents).
 */
import { UNLIMITED, type Booking, type EventOffer, type SandboxStore, type Stock } from './state';
import { isoUtc } from './time';

export function bookingResponse(store: SandboxStore, booking: Booking) {
  const { stock, event, priceCategory, venue } = store.context(booking);
  return {
    id: booking.id,
    quantity: booking.quantity,
    creationDate: isoUtc(booking.createdAt),
    confirmationDate: isoUtc(booking.confirmationAt),
    price: booking.price,
    status: booking.status,
    offerId: event.id,
    stockId: stock.id,
    priceCategoryId: priceCategory.id,
    priceCategoryLabel: priceCategory.label,
    offerName: event.name,
    offerEan: null,
    offerAddress: venue.address,
    offerDepartmentCode: venue.departmentCode,
    venueId: venue.id,
    venueName: venue.legalName,
    userEmail: booking.user.email,
    userPhoneNumber: booking.user.phoneNumber,
    userFirstName: booking.user.firstName,
    userLastName: booking.user.lastName,
    userBirthDate: booking.user.birthDate,
    userPostalCode: booking.user.postalCode,
  };
}

export function dateResponse(store: SandboxStore, stock: Stock) {
  const event = store.event(stock.offerId);
  const priceCategory = event?.priceCategories.find((pc) => pc.id === stock.priceCategoryId);
  if (!priceCategory) throw new Error(`stock ${stock.id} has no price category`);
  return {
    id: stock.id,
    beginningDatetime: isoUtc(stock.beginning),
    bookingLimitDatetime: isoUtc(stock.bookingLimit),
    priceCategory: { id: priceCategory.id, label: priceCategory.label, price: priceCategory.price, idAtProvider: null },
    quantity: stock.quantity === UNLIMITED ? ('unlimited' as const) : stock.quantity,
    bookedQuantity: store.bookedQuantity(stock.id),
    idAtProvider: null,
  };
}

/** Public URL of a poster uploaded to the sandbox (served by the control API: no key, like a CDN). */
export function imagePath(eventId: number): string {
  return `/__sandbox/images/${eventId}`;
}

export function eventResponse(event: EventOffer, baseUrl = '') {
  return {
    id: event.id,
    name: event.name,
    description: event.description,
    categoryRelatedFields: {
      category: 'SEANCE_CINE',
      author: event.author,
      stageDirector: event.stageDirector,
      visa: event.visa,
    },
    eventDuration: event.durationMinutes,
    enableDoubleBookings: event.isDuo,
    hasTicket: false,
    priceCategories: event.priceCategories.map((pc) => ({ ...pc, idAtProvider: null })),
    location: { type: 'physical', venueId: event.venueId },
    accessibility: {
      audioDisabilityCompliant: true,
      mentalDisabilityCompliant: true,
      motorDisabilityCompliant: true,
      visualDisabilityCompliant: false,
    },
    bookingContact: null,
    bookingEmail: null,
    externalTicketOfficeUrl: null,
    idAtProvider: event.idAtProvider,
    image: event.image ? { url: `${baseUrl}${imagePath(event.id)}`, credit: event.image.credit } : null,
    videoUrl: event.videoUrl ?? null,
    itemCollectionDetails: null,
    publicationDatetime: isoUtc(event.publishedAt),
    bookingAllowedDatetime: null,
    status: event.isActive ? 'ACTIVE' : 'INACTIVE',
  };
}

export function offererVenuesResponse(store: SandboxStore) {
  const { offerer, venues } = store.data;
  return [
    {
      offerer: {
        id: offerer.id,
        name: offerer.name,
        siren: offerer.siren,
        createdDatetime: isoUtc(offerer.createdAt),
        allowedOnAdage: true,
      },
      venues: venues.map((venue) => ({
        id: venue.id,
        createdDatetime: isoUtc(venue.createdAt),
        legalName: venue.legalName,
        publicName: venue.publicName,
        siret: venue.siret,
        siretComment: null,
        activityDomain: 'MOVIE',
        location: { type: 'physical', address: venue.address, city: venue.city, postalCode: venue.postalCode },
        accessibility: {
          audioDisabilityCompliant: true,
          mentalDisabilityCompliant: true,
          motorDisabilityCompliant: true,
          visualDisabilityCompliant: false,
        },
        bookingUrl: null,
        cancelUrl: null,
        notificationUrl: null,
      })),
    },
  ];
}
