/**
 * `/public/offers/v1` writes: create and edit an event offer, add, change and delete its dates, and the posters
 * uploaded with them. Shapes: EventOfferCreation/Edition, EventStocksCreation, EventStockEdition of
 * openapi-subset.json; rules and wordings from pcapi `routes/public/individual_offers/v1/events.py` and
 * `core/offers/validation.py` (cited beside each).
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { cancelOutside } from '../lifecycle';
import type { SandboxRuntime } from '../runtime';
import { dateResponse, eventResponse } from '../serialize';
import { UNLIMITED, type EventOffer } from '../state';
import { HOUR, toSecond } from '../time';
import { pathId, publicBase } from './params';
import { checkPoster } from './posterRules';
import { EVENT_NOT_FOUND, IMPORTED_NOT_EDITABLE, parseBody, priceCategoryCreation } from './writeRules';

const PREFIX = '/public/offers/v1';
export const IMAGES_PREFIX = '/__sandbox/images';

// pcapi events.py
/** `PATCH …/events/{id}` words it so; dates and tariffs say "The event could not be found" (writeRules.ts). */
const EVENT_OFFER_NOT_FOUND = { event_id: ['The event offer could not be found'] };
const STOCK_NOT_FOUND = { stock_id: ['No stock could be found'] };
const PRICE_CATEGORY_NOT_FOUND = { price_category_id: ['The price category could not be found'] };
const VENUE_NOT_FOUND = { global: 'Venue cannot be found' };
const MAX_STOCKS_PER_OFFER = 2500;
// pcapi validation.py: check_update_only_allowed_fields_for_offer_from_provider
const FIELD_NOT_EDITABLE = 'Vous ne pouvez pas modifier ce champ';
/** pcapi validation.py check_stock_quantity. */
const BELOW_BOOKED = { quantity: ['Le stock total ne peut être inférieur au nombre de réservations'] };
/** pcapi core/offers: `durationMinutes` must be under 24 h. */
const DURATION_TOO_LONG = {
  eventDuration: [
    'The duration must be under 1440 minutes (24 hours). For events lasting 24 hours or more (e.g., a 3-day festival pass), please leave this field empty.',
  ],
};
/**
 * pcapi serializers/events.py `check_video_is_from_youtube` (pattern of core/videos/api.py): youtube.com or
 * youtu.be, then a watch/embed/v/e path or none, then an 11-character id. Shorts and channels are refused.
 */
const YOUTUBE_VIDEO =
  /^https?:\/\/(www\.)?(m\.)?(youtube\.com|youtu\.be)\b(\/watch\?v=|\/embed\/|\/v\/|\/e\/|\/)[\w-]{11}\b/;
const videoUrl = z
  .string()
  .min(1, 'ensure this value has at least 1 characters')
  .max(2083, 'ensure this value has at most 2083 characters')
  .regex(/^https?:\/\/[^/\s]+/, 'invalid or missing URL scheme')
  .regex(
    YOUTUBE_VIDEO,
    "Your video must be from the Youtube plateform, it should be public and should not be a short nor a user's profile",
  );
/** Assumed wording (pcapi's pydantic validator for naive datetimes). */
const NAIVE_DATETIME = 'The datetime must be timezone-aware.';

const awareDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?/, 'Input should be a valid datetime')
  .regex(/(Z|[+-]\d{2}:?\d{2})$/, NAIVE_DATETIME)
  .refine((s) => !Number.isNaN(Date.parse(s)), 'Input should be a valid datetime');
const quantity = z.union([
  z.number().int().min(0, 'Input should be greater than or equal to 0'),
  z.literal('unlimited'),
]);
const image = z.object({ file: z.string().min(1), credit: z.string().nullish() }).nullish();
const cineFields = z.object({
  category: z.enum(['SEANCE_CINE', 'EVENEMENT_CINE', 'FESTIVAL_CINE', 'CINE_PLEIN_AIR']),
  author: z.string().optional(),
  stageDirector: z.string().optional(),
  visa: z.string().optional(),
});
const accessibility = z.object({
  audioDisabilityCompliant: z.boolean(),
  mentalDisabilityCompliant: z.boolean(),
  motorDisabilityCompliant: z.boolean(),
  visualDisabilityCompliant: z.boolean(),
});

const eventCreation = z
  .object({
    name: z.string().min(1).max(90, 'String should have at most 90 characters'),
    description: z.string().max(10_000).nullish(),
    categoryRelatedFields: cineFields,
    eventDuration: z.number().int().min(0).nullish(),
    enableDoubleBookings: z.boolean().nullish(),
    priceCategories: z.array(priceCategoryCreation).max(50).nullish(),
    location: z.object({ type: z.literal('physical').default('physical'), venueId: z.number().int() }),
    accessibility,
    hasTicket: z.boolean(),
    image,
    videoUrl: videoUrl.nullish(),
    idAtProvider: z.string().max(70).nullish(),
    bookingEmail: z.string().nullish(),
  })
  .strict();

const eventEdition = z
  .object({
    name: z.string().min(1).max(140).nullish(),
    description: z.string().max(10_000).nullish(),
    eventDuration: z.number().int().min(0).nullish(),
    enableDoubleBookings: z.boolean().nullish(),
    isActive: z.boolean().nullish(),
    image,
    videoUrl: videoUrl.nullish(),
  })
  .strict();

const stockCreation = z.object({
  beginningDatetime: awareDateTime,
  bookingLimitDatetime: awareDateTime,
  priceCategoryId: z.number().int(),
  quantity,
  idAtProvider: z.string().max(70).nullish(),
});
const stocksCreation = z.object({ dates: z.array(stockCreation).max(2500) }).strict();
const stockEdition = z
  .object({
    beginningDatetime: awareDateTime.nullish(),
    bookingLimitDatetime: awareDateTime.nullish(),
    // OpenAPI EventStockEdition: `exclusiveMinimum: 0`.
    priceCategoryId: z.number().int().gt(0, 'Input should be greater than 0').nullish(),
    quantity: quantity.nullish(),
    idAtProvider: z.string().max(70).nullish(),
  })
  .strict();

/** Model field names pcapi reports when refusing an edit (its Offer columns, not the API's aliases). */
const MODEL_FIELDS: Record<string, string> = {
  name: 'name',
  description: 'description',
  eventDuration: 'durationMinutes',
  enableDoubleBookings: 'isDuo',
  image: 'image',
  videoUrl: 'videoUrl',
};

type EventParams = { Params: { event_id: string } };
type StockParams = { Params: { event_id: string; stock_id: string } };

export function registerOfferWriteRoutes(app: FastifyInstance, rt: SandboxRuntime): void {
  const ms = (iso: string) => toSecond(Date.parse(iso));

  app.post(`${PREFIX}/events`, async (request, reply) => {
    const body = parseBody(eventCreation, request.body, reply);
    if (!body) return reply;
    if (!rt.store.venue(body.location.venueId)) return reply.code(404).send(VENUE_NOT_FOUND);
    if (body.hasTicket) {
      // pcapi post_event_offer: the sandbox's provider has no ticketing service.
      return reply.code(400).send({
        global:
          'You cannot create an event with `has_ticket=true` because you dont have a ticketing service enabled (neither at provider level nor at venue level).',
      });
    }
    if ((body.eventDuration ?? 0) >= 1440) return reply.code(400).send(DURATION_TOO_LONG);
    const poster = body.image ? checkPoster(body.image.file) : null;
    if (poster && 'error' in poster) return reply.code(400).send(poster.error);
    const now = rt.nowMs();
    let nextPc = rt.store.nextPriceCategoryId();
    const event: EventOffer = {
      id: rt.store.nextEventId(),
      venueId: body.location.venueId,
      name: body.name,
      description: body.description ?? '',
      durationMinutes: body.eventDuration ?? null,
      isDuo: body.enableDoubleBookings ?? true,
      stageDirector: body.categoryRelatedFields.stageDirector ?? '',
      author: body.categoryRelatedFields.author ?? '',
      visa: body.categoryRelatedFields.visa ?? '',
      priceCategories: (body.priceCategories ?? []).map((pc) => ({ id: nextPc++, label: pc.label, price: pc.price })),
      createdAt: now,
      publishedAt: now,
      origin: 'provider',
      isActive: true,
      idAtProvider: body.idAtProvider ?? null,
      image: poster ? { ...poster, credit: body.image?.credit ?? null } : null,
      videoUrl: body.videoUrl ?? null,
    };
    rt.store.addEvent(event);
    return eventResponse(event, publicBase(request));
  });

  app.patch<EventParams>(`${PREFIX}/events/:event_id`, async (request, reply) => {
    const id = pathId(request.params.event_id);
    const event = id === undefined ? undefined : rt.store.event(id);
    if (!event) return reply.code(404).send(EVENT_OFFER_NOT_FOUND);
    const body = parseBody(eventEdition, request.body, reply);
    if (!body) return reply;
    if (event.origin !== 'provider') {
      // Only (de)activation passes on an offer this provider did not create.
      const refused = Object.keys(body).filter((key) => key !== 'isActive' && body[key as keyof typeof body] != null);
      if (refused.length > 0) {
        return reply
          .code(400)
          .send(Object.fromEntries(refused.map((key) => [MODEL_FIELDS[key] ?? key, [FIELD_NOT_EDITABLE]])));
      }
    }
    if ((body.eventDuration ?? 0) >= 1440) return reply.code(400).send(DURATION_TOO_LONG);
    const poster = body.image ? checkPoster(body.image.file) : null;
    if (poster && 'error' in poster) return reply.code(400).send(poster.error);
    if (body.name != null) event.name = body.name;
    if (body.description != null) event.description = body.description;
    if (body.eventDuration != null) event.durationMinutes = body.eventDuration;
    if (body.enableDoubleBookings != null) event.isDuo = body.enableDoubleBookings;
    if (body.isActive != null) event.isActive = body.isActive;
    if (poster) event.image = { ...poster, credit: body.image?.credit ?? null };
    // null removes the video; left out, it stays.
    if (body.videoUrl !== undefined) event.videoUrl = body.videoUrl;
    return eventResponse(event, publicBase(request));
  });

  app.post<EventParams>(`${PREFIX}/events/:event_id/dates`, async (request, reply) => {
    const id = pathId(request.params.event_id);
    const event = id === undefined ? undefined : rt.store.event(id);
    if (!event) return reply.code(404).send(EVENT_NOT_FOUND);
    const body = parseBody(stocksCreation, request.body, reply);
    if (!body) return reply;
    if (event.origin !== 'provider') return reply.code(400).send(IMPORTED_NOT_EDITABLE);
    if (rt.store.stocksOfEvent(event.id).length + body.dates.length > MAX_STOCKS_PER_OFFER) {
      return reply.code(400).send({
        dates: [`The maximum number of stock entries allowed per offer is ${MAX_STOCKS_PER_OFFER}`],
      });
    }
    for (const [index, date] of body.dates.entries()) {
      if (!event.priceCategories.some((pc) => pc.id === date.priceCategoryId)) {
        return reply.code(404).send(PRICE_CATEGORY_NOT_FOUND);
      }
      const problem = datesProblem(ms(date.beginningDatetime), ms(date.bookingLimitDatetime), rt.nowMs());
      // pcapi names the date in the list: {"dates.0.beginningDatetime": ["The datetime must be in the future."]}.
      if (problem) {
        return reply
          .code(400)
          .send(Object.fromEntries(Object.entries(problem).map(([field, list]) => [`dates.${index}.${field}`, list])));
      }
    }
    const created = body.dates.map((date) => {
      const stock = {
        id: rt.store.nextStockId(),
        offerId: event.id,
        priceCategoryId: date.priceCategoryId,
        beginning: ms(date.beginningDatetime),
        bookingLimit: ms(date.bookingLimitDatetime),
        quantity: date.quantity === 'unlimited' ? UNLIMITED : date.quantity,
      };
      rt.store.addStock(stock);
      return stock;
    });
    return { dates: created.map((stock) => dateResponse(rt.store, stock)) };
  });

  app.patch<StockParams>(`${PREFIX}/events/:event_id/dates/:stock_id`, async (request, reply) => {
    const found = findStock(rt, request.params, reply);
    if (!found) return reply;
    const { event, stock } = found;
    const body = parseBody(stockEdition, request.body, reply);
    if (!body) return reply;
    // Allociné and pro-site offers keep their dates' schedule; seats, price category and limit may change
    // (pcapi EDITABLE_FIELDS_FOR_ALLOCINE_STOCK).
    if (event.origin !== 'provider' && body.beginningDatetime != null) {
      return reply.code(400).send(IMPORTED_NOT_EDITABLE);
    }
    if (body.priceCategoryId != null && !event.priceCategories.some((pc) => pc.id === body.priceCategoryId)) {
      return reply.code(404).send(PRICE_CATEGORY_NOT_FOUND);
    }
    const beginning = body.beginningDatetime != null ? ms(body.beginningDatetime) : stock.beginning;
    const limit =
      body.bookingLimitDatetime != null ? ms(body.bookingLimitDatetime) : Math.min(stock.bookingLimit, beginning);
    if (body.beginningDatetime != null || body.bookingLimitDatetime != null) {
      const problem = datesProblem(beginning, limit, rt.nowMs());
      if (problem) return reply.code(400).send(problem);
    }
    const booked = rt.store.bookedQuantity(stock.id);
    if (body.quantity != null) {
      // The PATCH sets the seats still available; the platform adds the booked ones (pcapi patch_event_stock).
      const total = body.quantity === 'unlimited' ? UNLIMITED : body.quantity + booked;
      if (total < booked) return reply.code(400).send(BELOW_BOOKED);
      stock.quantity = total;
    }
    if (body.priceCategoryId != null) stock.priceCategoryId = body.priceCategoryId;
    if (beginning !== stock.beginning) moveSeance(rt, stock.id, beginning);
    stock.beginning = beginning;
    stock.bookingLimit = limit;
    return dateResponse(rt.store, stock);
  });

  app.delete<StockParams>(`${PREFIX}/events/:event_id/dates/:stock_id`, async (request, reply) => {
    const found = findStock(rt, request.params, reply);
    if (!found) return reply;
    if (found.event.origin !== 'provider') return reply.code(400).send(IMPORTED_NOT_EDITABLE);
    // "When an event stock is deleted, all cancellable bookings (i.e not used) are cancelled." (delete_event_stock)
    const now = rt.nowMs();
    for (const booking of rt.store.data.bookings) {
      if (booking.stockId === found.stock.id && booking.status === 'CONFIRMED') cancelOutside(booking, now, 'offerer');
    }
    rt.store.deleteStock(found.stock.id);
    return reply.code(204).send();
  });

  app.get<{ Params: { event_id: string } }>(`${IMAGES_PREFIX}/:event_id`, async (request, reply) => {
    const id = pathId(request.params.event_id);
    const poster = id === undefined ? null : (rt.store.event(id)?.image ?? null);
    if (!poster) return reply.code(404).send({ global: 'No image' });
    return reply.type(poster.contentType).send(Buffer.from(poster.bytes));
  });
}

function findStock(rt: SandboxRuntime, params: { event_id: string; stock_id: string }, reply: FastifyReply) {
  const eventId = pathId(params.event_id);
  const event = eventId === undefined ? undefined : rt.store.event(eventId);
  if (!event) {
    reply.code(404).send(EVENT_NOT_FOUND);
    return undefined;
  }
  const stockId = pathId(params.stock_id);
  const stock = stockId === undefined ? undefined : rt.store.stock(stockId);
  if (!stock || stock.offerId !== event.id || rt.store.isDeleted(stock.id)) {
    reply.code(404).send(STOCK_NOT_FOUND);
    return undefined;
  }
  return { event, stock };
}

/** pcapi stock rules: a start in the future, a booking limit not after it. */
function datesProblem(beginning: number, limit: number, now: number): Record<string, string[]> | null {
  if (beginning <= now) return { beginningDatetime: ['The datetime must be in the future.'] };
  if (limit > beginning) {
    return {
      bookingLimitDatetime: [
        "La date limite de réservation pour cette offre est postérieure à la date de début de l'évènement",
      ],
    };
  }
  return null;
}

/** A moved séance: its unused bookings' confirmation becomes min(new start, change + 48 h) (docs/platform.md). */
function moveSeance(rt: SandboxRuntime, stockId: number, beginning: number): void {
  const now = rt.nowMs();
  for (const booking of rt.store.data.bookings) {
    if (booking.stockId === stockId && booking.status === 'CONFIRMED') {
      booking.confirmationAt = Math.min(beginning, now + 48 * HOUR);
    }
  }
}
