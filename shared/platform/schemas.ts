/**
 * zod schemas of the pass Culture public API responses the counter reads.
 * Source of truth: ../shared/platform/openapi-subset.json (GetBookingResponse, GetDatesResponse,
 * GetOfferersVenuesResponse). Unknown extra fields are accepted and dropped, even where the document says
 * `additionalProperties: false` (the platform may add fields at any time: never `.strict()` here); missing or
 * mistyped documented fields are a parse error. Dates are read by `platformDateTimeSchema` (dateTime.ts): with or
 * without fractional seconds, any offset, and come out as `toISOString()` UTC.
 */
import { z } from 'zod';
import { platformDateTimeSchema } from './dateTime';

export const bookingStatusSchema = z.enum(['CONFIRMED', 'USED', 'CANCELLED', 'REIMBURSED']);
export type BookingStatus = z.infer<typeof bookingStatusSchema>;

/** `GET /public/bookings/v1/token/{token}` (GetBookingResponse). Dates come out as UTC ISO strings. */
export const platformBookingSchema = z.object({
  id: z.number().int(),
  quantity: z.number().int(),
  creationDate: platformDateTimeSchema,
  confirmationDate: platformDateTimeSchema.nullable().optional(),
  price: z.number().int(),
  status: bookingStatusSchema,
  offerId: z.number().int(),
  stockId: z.number().int(),
  priceCategoryId: z.number().int().nullable().optional(),
  priceCategoryLabel: z.string().nullable().optional(),
  offerName: z.string(),
  offerEan: z.string().nullable().optional(),
  offerAddress: z.string().nullable().optional(),
  offerDepartmentCode: z.string().nullable().optional(),
  venueId: z.number().int(),
  venueName: z.string(),
  userEmail: z.string(),
  userPhoneNumber: z.string().nullable().optional(),
  userFirstName: z.string().nullable().optional(),
  userLastName: z.string().nullable().optional(),
  userBirthDate: z.string().nullable().optional(),
  userPostalCode: z.string().nullable().optional(),
});
export type PlatformBooking = z.infer<typeof platformBookingSchema>;

/** `GET /public/bookings/v1/bookings` (GetFilteredBookingsResponse). */
export const platformBookingListSchema = z.object({ bookings: z.array(platformBookingSchema) });

export const platformPriceCategorySchema = z.object({
  id: z.number().int(),
  label: z.string(),
  price: z.number().int(),
  idAtProvider: z.string().nullable().optional(),
});
export type PlatformPriceCategory = z.infer<typeof platformPriceCategorySchema>;

/** One séance (a "date" / stock) of an event offer (DateResponse). */
export const platformDateSchema = z.object({
  id: z.number().int(),
  beginningDatetime: platformDateTimeSchema,
  bookingLimitDatetime: platformDateTimeSchema,
  bookedQuantity: z.number().int(),
  quantity: z.union([z.number().int(), z.literal('unlimited')]),
  priceCategory: platformPriceCategorySchema,
  idAtProvider: z.string().nullable().optional(),
});
export type PlatformDate = z.infer<typeof platformDateSchema>;

/** `GET /public/offers/v1/events/{id}/dates` (GetDatesResponse). */
export const platformDateListSchema = z.object({ dates: z.array(platformDateSchema) });

const venueLocationSchema = z.union([
  z.object({
    type: z.literal('physical').optional(),
    address: z.string().nullable().optional(),
    city: z.string().nullable().optional(),
    postalCode: z.string().nullable().optional(),
  }),
  z.object({ type: z.literal('digital') }),
]);

export const platformVenueSchema = z.object({
  id: z.number().int(),
  siret: z.string().nullable().optional(),
  legalName: z.string(),
  publicName: z.string().nullable().optional(),
  activityDomain: z.string(),
  createdDatetime: platformDateTimeSchema,
  location: venueLocationSchema,
});

/** `GET /public/offers/v1/offerer_venues` (GetOfferersVenuesResponse). */
export const platformOffererVenuesSchema = z.array(
  z.object({
    offerer: z.object({ id: z.number().int(), name: z.string(), siren: z.string() }),
    venues: z.array(platformVenueSchema),
  }),
);
export type PlatformOffererVenues = z.infer<typeof platformOffererVenuesSchema>;

/** An event offer (a film) — the fields the counter mirrors (EventOfferResponse). */
export const platformEventSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  description: z.string().nullable().optional(),
  eventDuration: z.number().int().nullable().optional(),
  enableDoubleBookings: z.boolean().nullable().optional(),
  status: z.string(),
  image: z.object({ url: z.string(), credit: z.string().nullable().optional() }).nullable().optional(),
  // `type` may be absent: PhysicalLocation only defaults it (`default: "physical"`, not required), and the counter
  // reads only `venueId`.
  location: z.object({ type: z.string().optional(), venueId: z.number().int().optional() }).passthrough(),
  categoryRelatedFields: z.object({ category: z.string() }).passthrough(),
});
export type PlatformEvent = z.infer<typeof platformEventSchema>;

/** `GET /public/offers/v1/events?venueId=` (EventOffersResponse). */
export const platformEventListSchema = z.object({ events: z.array(platformEventSchema) });
