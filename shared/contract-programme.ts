/**
 * Contract calls and events of programme publishing (films, séances, pass Culture seats) and of new-booking
 * notifications. Merged into `contract.ts`. Money in cents; instants UTC; a séance's day and time are typed in
 * the venue's time zone and sent to the platform with its offset.
 */
import { z } from 'zod';
import { bookingRowSchema } from './contract-sync';
import { MAX_EVENT_DURATION_MINUTES, MAX_VIDEO_URL_LENGTH } from './filmRules';
import { MAX_POSTER_BASE64_CHARS } from './poster';

const isoUtc = z.string().describe('ISO 8601 instant in UTC');
const id = z.number().int().positive();
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);
/** Seats offered to pass Culture; null = unlimited. */
const seats = z.number().int().min(0).max(100_000).nullable();

export const priceCategoryViewSchema = z.object({
  id: z.number().int(),
  label: z.string(),
  priceCents: z.number().int(),
});

export const editableSeanceSchema = z.object({
  stockId: z.number().int(),
  start: isoUtc,
  priceCategoryId: z.number().int(),
  priceCategoryLabel: z.string(),
  priceCents: z.number().int(),
  /** Total incl. booked; null when unlimited. */
  quantity: z.number().int().nullable(),
  bookedQuantity: z.number().int(),
  /** Seats still open to pass Culture (quantity − booked); null when unlimited. */
  available: z.number().int().nullable(),
  /** Closed from this counter: what "Rouvrir" restores. */
  closedSales: z.object({ previousAvailable: z.number().int().nullable(), closedAt: isoUtc }).nullable(),
  /** Confirmed bookings not used yet (from the mirror): cancelled if the séance is deleted. */
  unusedBookings: z.number().int(),
  unusedPlaces: z.number().int(),
});
export type EditableSeance = z.infer<typeof editableSeanceSchema>;

export const editableOfferSchema = z.object({
  offerId: z.number().int(),
  name: z.string(),
  description: z.string().nullable(),
  durationMinutes: z.number().int().nullable(),
  isDuo: z.boolean(),
  isActive: z.boolean(),
  status: z.string(),
  /** The platform's category and its French label ("Séance de cinéma"). */
  category: z.object({ id: z.string(), label: z.string() }),
  /** Trailer link (public YouTube video), null when none. */
  videoUrl: z.string().nullable(),
  /** Created through this key: fully editable; otherwise (pro site, Allociné) only (de)activation and seats. */
  managed: z.boolean(),
  priceCategories: z.array(priceCategoryViewSchema),
  seances: z.array(editableSeanceSchema),
});
export type EditableOffer = z.infer<typeof editableOfferSchema>;

/** A film with no séance in the days the Programme shows, and when it had or will have one. */
export const unscheduledFilmSchema = z.object({
  offerId: z.number().int(),
  name: z.string(),
  status: z.string(),
  durationMinutes: z.number().int().nullable(),
  hasPoster: z.boolean(),
  /** Published by this counter: séances can be added from here. */
  managed: z.boolean(),
  lastSeanceStart: isoUtc.nullable(),
  nextSeanceStart: isoUtc.nullable(),
});
export type UnscheduledFilm = z.infer<typeof unscheduledFilmSchema>;

const posterInput = z
  .object({ base64: z.string().min(1).max(MAX_POSTER_BASE64_CHARS), credit: z.string().max(200).optional() })
  .strict();

/** A trailer link: the core checks it is a public YouTube video (shared/filmRules.ts) before sending it. */
const videoUrl = z.string().trim().min(1).max(MAX_VIDEO_URL_LENGTH);

const filmFields = {
  name: z.string().trim().min(1).max(90),
  description: z.string().max(10_000).optional(),
  /** Under 24 h, as pass Culture requires (longer events leave it empty). */
  durationMinutes: z.number().int().min(1).max(MAX_EVENT_DURATION_MINUTES).optional(),
  isDuo: z.boolean(),
  poster: posterInput.optional(),
  videoUrl: videoUrl.optional(),
};

const seanceRef = z.object({ offerId: id, stockId: id }).strict();

/** A tariff as the platform takes it (PriceCategoryCreation): label 1–50 characters, 0 to 300 €. */
const tariffFields = {
  label: z.string().trim().min(1).max(50),
  priceCents: z.number().int().min(0).max(30_000),
};

export const programmeCalls = {
  /**
   * Films of the venue with no séance from today for `days` days (venue's zone): a film published without séances
   * stays findable. Waiting for a first séance first, then scheduled later, then only past séances.
   */
  'programme.unscheduled': {
    input: z.object({ days: z.number().int().min(1).max(31) }).strict(),
    output: z.object({ films: z.array(unscheduledFilmSchema) }),
  },
  /** A film as the platform has it now, with the séances' seats and what this counter may change. */
  'programme.offer': { input: z.object({ offerId: id }).strict(), output: editableOfferSchema },
  /**
   * Publishes a film with its tariffs and, when given, its first séances (each on one of those tariffs, by index),
   * sent in one `POST …/dates` once the film exists. A séance in the past is refused before anything is sent. If
   * pass Culture then refuses the séances, the film stays published and `seancesRefused` says why.
   */
  'programme.offer.create': {
    input: z
      .object({
        ...filmFields,
        priceCategories: z.array(z.object(tariffFields)).min(1).max(50),
        seances: z
          .array(z.object({ day, time, seats, tariffIndex: z.number().int().min(0).max(49).default(0) }).strict())
          .max(200)
          .optional(),
      })
      .strict(),
    output: editableOfferSchema.extend({ seancesRefused: z.string().nullable() }),
  },
  'programme.offer.update': {
    input: z
      .object({
        offerId: id,
        name: filmFields.name.optional(),
        description: filmFields.description,
        durationMinutes: filmFields.durationMinutes,
        isDuo: z.boolean().optional(),
        poster: filmFields.poster,
        /** null removes the trailer. */
        videoUrl: videoUrl.nullable().optional(),
      })
      .strict(),
    output: editableOfferSchema,
  },
  /**
   * A new tariff for a film this key created (`POST …/events/{id}/price_categories`). Refused when the film already
   * has a tariff of that label (case and accents aside): séances and slips would not tell them apart.
   */
  'programme.priceCategory.add': {
    input: z.object({ offerId: id, ...tariffFields }).strict(),
    output: editableOfferSchema,
  },
  /**
   * A tariff's label and/or price (`PATCH …/price_categories/{id}`): every séance using it takes the new price;
   * bookings already made keep theirs. The platform refuses it once one of those séances has begun.
   */
  'programme.priceCategory.update': {
    input: z
      .object({
        offerId: id,
        priceCategoryId: id,
        label: tariffFields.label.optional(),
        priceCents: tariffFields.priceCents.optional(),
      })
      .strict()
      .refine((change) => change.label !== undefined || change.priceCents !== undefined, 'nothing to change'),
    output: editableOfferSchema,
  },
  /** `PATCH …/events/{id}` `isActive`: allowed on every film of the venue. */
  'programme.offer.setActive': {
    input: z.object({ offerId: id, active: z.boolean() }).strict(),
    output: editableOfferSchema,
  },
  'programme.seance.add': {
    input: z.object({ offerId: id, day, time, priceCategoryId: id, seats }).strict(),
    output: editableOfferSchema,
  },
  'programme.seance.update': {
    input: seanceRef.extend({ day: day.optional(), time: time.optional(), priceCategoryId: id.optional() }).strict(),
    output: editableOfferSchema,
  },
  /** Cancels the séance's unused bookings on the platform. */
  'programme.seance.delete': {
    input: seanceRef,
    output: z.object({ offer: editableOfferSchema, cancelledBookings: z.number().int() }),
  },
  /** Seats still open to pass Culture (the platform adds the booked ones). */
  'programme.seats.set': { input: seanceRef.extend({ available: seats }).strict(), output: editableSeanceSchema },
  /** "Fermer la vente pass Culture": available = 0; the previous availability is remembered here. */
  'programme.sales.close': { input: seanceRef, output: editableSeanceSchema },
  /** Restores the availability remembered when the sale was closed. */
  'programme.sales.reopen': { input: seanceRef, output: editableSeanceSchema },
  'notifications.settings.get': { input: z.object({}).strict(), output: z.object({ enabled: z.boolean() }) },
  'notifications.settings.set': {
    input: z.object({ enabled: z.boolean() }).strict(),
    output: z.object({ enabled: z.boolean() }),
  },
} as const;

/**
 * Rows a `bookings.alert` carries at most per kind: a notification names three people at most, and a sync after a
 * long outage may bring thousands.
 */
export const ALERT_ROWS = 20;

export const programmeEvents = {
  /**
   * Bookings or cancellations worth a notification: like `bookings.changed`, but never for the first complete
   * sync of an account (it brings every existing booking as "new").
   */
  'bookings.alert': z.object({
    /** The first ALERT_ROWS of each, for the notifications' words; the counts say how many there were in all. */
    added: z.array(bookingRowSchema).max(ALERT_ROWS),
    cancelled: z.array(bookingRowSchema).max(ALERT_ROWS),
    addedCount: z.number().int().nonnegative(),
    cancelledCount: z.number().int().nonnegative(),
  }),
} as const;
