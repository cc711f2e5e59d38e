/**
 * Programme writes of the pass Culture public API (`/public/offers/v1/events…`): create and edit a film (event
 * offer), (de)activate it, add and change its tariffs (price categories), add, change and delete its dates
 * (séances). Bodies follow EventOfferCreation, EventOfferEdition, PriceCategoriesCreation, PriceCategoryEdition,
 * EventStocksCreation and EventStockEdition of shared/platform/openapi-subset.json; answers are checked against
 * EventOfferResponse, PriceCategoriesResponse, PriceCategoryResponse, PostDatesResponse and DateResponse.
 */
import { z } from 'zod';
import {
  platformDateListSchema,
  platformDateSchema,
  platformEventSchema,
  platformPriceCategorySchema,
  type PlatformDate,
  type PlatformPriceCategory,
} from '../../../shared/platform/schemas';
import type { Call, CallOptions } from './client';

const OFFERS = '/public/offers/v1';
/** Writes touch the platform's database and its search index: slower than a lookup. */
const WRITE_TIMEOUT_MS = 10_000;

/** EventOfferResponse with what the programme editor needs beyond the mirror's fields. */
export const editableEventSchema = platformEventSchema.extend({
  idAtProvider: z.string().nullable().optional(),
  videoUrl: z.string().nullable().optional(),
  priceCategories: z.array(platformPriceCategorySchema),
});
export type EditableEvent = z.infer<typeof editableEventSchema>;

/** PriceCategoriesResponse: the tariffs just created, in the order sent. */
const priceCategoryListSchema = z.object({ priceCategories: z.array(platformPriceCategorySchema) });

/** A date (ISO 8601 with a time zone offset: the platform refuses naive datetimes). */
type OffsetDateTime = string;

export interface EventCreation {
  venueId: number;
  name: string;
  description?: string;
  durationMinutes?: number;
  isDuo: boolean;
  priceCategories: { label: string; price: number }[];
  /** Base64 PNG/JPEG, 2:3 (OpenAPI ImageBody). */
  image?: { file: string; credit: string | null };
  /** Public YouTube video (EventOfferCreation `videoUrl`). */
  videoUrl?: string;
  idAtProvider: string;
}

export interface EventEdition {
  name?: string;
  description?: string;
  durationMinutes?: number;
  isDuo?: boolean;
  isActive?: boolean;
  image?: { file: string; credit: string | null };
  /** null removes the trailer (EventOfferEdition `videoUrl`). */
  videoUrl?: string | null;
}

/** A tariff (PriceCategoryCreation); `price` in euro cents, 0..30000. */
export interface PriceCategoryCreation {
  label: string;
  price: number;
}

/** PriceCategoryEdition: what is left out keeps its value. */
export type PriceCategoryEdition = Partial<PriceCategoryCreation>;

export interface DateCreation {
  beginningDatetime: OffsetDateTime;
  bookingLimitDatetime: OffsetDateTime;
  priceCategoryId: number;
  /** Seats offered to pass Culture, or 'unlimited'. */
  quantity: number | 'unlimited';
}

export interface DateEdition {
  beginningDatetime?: OffsetDateTime;
  bookingLimitDatetime?: OffsetDateTime;
  priceCategoryId?: number;
  /** Seats still AVAILABLE: the platform adds the booked ones (pcapi `patch_event_stock`). */
  quantity?: number | 'unlimited';
}

export interface OffersWrites {
  /** GET /public/offers/v1/events/{id}, with its price categories and `idAtProvider`. */
  getEvent(eventId: number, opts?: CallOptions): Promise<EditableEvent>;
  /** GET …/events/{id}/dates?firstIndex={stockId}&limit=1: one date, fresh (null when gone). */
  getDate(eventId: number, stockId: number, opts?: CallOptions): Promise<PlatformDate | null>;
  createEvent(body: EventCreation, opts?: CallOptions): Promise<EditableEvent>;
  editEvent(eventId: number, body: EventEdition, opts?: CallOptions): Promise<EditableEvent>;
  /** POST …/events/{id}/price_categories: answers the created tariffs only. */
  addPriceCategories(
    eventId: number,
    priceCategories: PriceCategoryCreation[],
    opts?: CallOptions,
  ): Promise<PlatformPriceCategory[]>;
  /** PATCH …/price_categories/{id}: the platform moves every date of that tariff to its new price. */
  editPriceCategory(
    eventId: number,
    priceCategoryId: number,
    body: PriceCategoryEdition,
    opts?: CallOptions,
  ): Promise<PlatformPriceCategory>;
  addDates(eventId: number, dates: DateCreation[], opts?: CallOptions): Promise<PlatformDate[]>;
  editDate(eventId: number, stockId: number, body: DateEdition, opts?: CallOptions): Promise<PlatformDate>;
  /** Cancels the date's unused bookings (pcapi `delete_event_stock`). */
  deleteDate(eventId: number, stockId: number, opts?: CallOptions): Promise<void>;
}

interface Transport {
  exchange(call: Call): Promise<{ status: number; text: string }>;
  getJson<S extends z.ZodType>(call: Call, schema: S): Promise<z.output<S>>;
}

function eventCreationBody(e: EventCreation) {
  return {
    name: e.name,
    description: e.description,
    eventDuration: e.durationMinutes,
    enableDoubleBookings: e.isDuo,
    categoryRelatedFields: { category: 'SEANCE_CINE' },
    location: { type: 'physical', venueId: e.venueId },
    // Required by EventOfferCreation; the counter does not ask, and the venue's own settings are not readable here.
    accessibility: {
      audioDisabilityCompliant: false,
      mentalDisabilityCompliant: false,
      motorDisabilityCompliant: false,
      visualDisabilityCompliant: false,
    },
    hasTicket: false,
    priceCategories: e.priceCategories,
    image: e.image,
    videoUrl: e.videoUrl,
    idAtProvider: e.idAtProvider,
  };
}

function eventEditionBody(e: EventEdition) {
  return {
    name: e.name,
    description: e.description,
    eventDuration: e.durationMinutes,
    enableDoubleBookings: e.isDuo,
    isActive: e.isActive,
    image: e.image,
    videoUrl: e.videoUrl,
  };
}

export function createOffersWrites(t: Transport): OffersWrites {
  const eventPath = (id: number) => `${OFFERS}/events/${id}`;
  /** A write about a film: its 404 means the film is out of reach. */
  const write = (method: Call['method'], path: string, json: unknown, opts?: CallOptions): Call => ({
    method,
    path,
    json,
    resource: 'offer',
    opts: { timeoutMs: opts?.timeoutMs ?? WRITE_TIMEOUT_MS },
  });
  return {
    getEvent: (eventId, opts) =>
      t.getJson({ method: 'GET', path: eventPath(eventId), resource: 'offer', opts }, editableEventSchema),
    async getDate(eventId, stockId, opts) {
      const call: Call = {
        method: 'GET',
        path: `${eventPath(eventId)}/dates`,
        query: { firstIndex: stockId, limit: 1 },
        resource: 'offer',
        opts,
      };
      const { dates } = await t.getJson(call, platformDateListSchema);
      return dates.find((d) => d.id === stockId) ?? null;
    },
    createEvent: (body, opts) =>
      // Creating a film is about the venue: its 404 means the key no longer reaches it.
      t.getJson(
        { ...write('POST', `${OFFERS}/events`, eventCreationBody(body), opts), resource: 'venue' },
        editableEventSchema,
      ),
    editEvent: (eventId, body, opts) =>
      t.getJson(write('PATCH', eventPath(eventId), eventEditionBody(body), opts), editableEventSchema),
    async addPriceCategories(eventId, priceCategories, opts) {
      const answer = await t.getJson(
        write('POST', `${eventPath(eventId)}/price_categories`, { priceCategories }, opts),
        priceCategoryListSchema,
      );
      return answer.priceCategories;
    },
    editPriceCategory: (eventId, priceCategoryId, body, opts) =>
      t.getJson(
        write('PATCH', `${eventPath(eventId)}/price_categories/${priceCategoryId}`, body, opts),
        platformPriceCategorySchema,
      ),
    async addDates(eventId, dates, opts) {
      const answer = await t.getJson(
        write('POST', `${eventPath(eventId)}/dates`, { dates }, opts),
        platformDateListSchema,
      );
      return answer.dates;
    },
    editDate: (eventId, stockId, body, opts) =>
      t.getJson(write('PATCH', `${eventPath(eventId)}/dates/${stockId}`, body, opts), platformDateSchema),
    async deleteDate(eventId, stockId, opts) {
      await t.exchange(write('DELETE', `${eventPath(eventId)}/dates/${stockId}`, undefined, opts));
    },
  };
}
