/** `/public/offers/v1`: the offerer's venues, its film offers (events) and their séances (dates). */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { EVENT_CATEGORIES } from '../catalog';
import type { SandboxRuntime } from '../runtime';
import { dateResponse, eventResponse, offererVenuesResponse } from '../serialize';
import { intParam, page, paginationShape, parseQuery, pathId, publicBase } from './params';

const PREFIX = '/public/offers/v1';

/** `GET …/events/{id}` and `GET …/events/{id}/dates` word it differently. */
const EVENT_NOT_FOUND = { event_id: ['The event offer could not be found'] };
const DATES_EVENT_NOT_FOUND = { event_id: ['The event could not be found'] };
/** `get_venue_provider_or_raise_404`. */
const VENUE_NOT_FOUND = { global: 'Venue cannot be found' };

const venuesQuerySchema = z.object({
  siren: z
    .string()
    .regex(/^\d{9}$/, 'string does not match regex "^\\d{9}$"')
    .optional(),
});
const eventsQuerySchema = z.object({ venueId: intParam.optional(), ...paginationShape });
const datesQuerySchema = z.object(paginationShape);

type EventRequest = { Params: { event_id: string } };

export function registerOfferRoutes(app: FastifyInstance, rt: SandboxRuntime): void {
  app.get(`${PREFIX}/offerer_venues`, async (request, reply) => {
    const query = parseQuery(venuesQuerySchema, request.query, reply);
    if (!query) return reply;
    const all = offererVenuesResponse(rt.store);
    return query.siren === undefined ? all : all.filter((entry) => entry.offerer.siren === query.siren);
  });

  app.get(`${PREFIX}/events`, async (request, reply) => {
    const query = parseQuery(eventsQuerySchema, request.query, reply);
    if (!query) return reply;
    // pcapi checks and filters on a truthy venueId only.
    if (query.venueId && !rt.store.venue(query.venueId)) return reply.code(404).send(VENUE_NOT_FOUND);
    const events = rt.store.data.events
      .filter((event) => !query.venueId || event.venueId === query.venueId)
      .sort((a, b) => a.id - b.id);
    return { events: page(events, query.firstIndex, query.limit).map((e) => eventResponse(e, publicBase(request))) };
  });

  // GetEventCategoriesResponse: a list of EventCategoryResponse (id, label, conditionalFields).
  app.get(`${PREFIX}/events/categories`, async () => EVENT_CATEGORIES);

  app.get<EventRequest>(`${PREFIX}/events/:event_id`, async (request, reply) => {
    const id = pathId(request.params.event_id);
    const event = id === undefined ? undefined : rt.store.event(id);
    return event ? eventResponse(event, publicBase(request)) : reply.code(404).send(EVENT_NOT_FOUND);
  });

  app.get<EventRequest>(`${PREFIX}/events/:event_id/dates`, async (request, reply) => {
    const id = pathId(request.params.event_id);
    const event = id === undefined ? undefined : rt.store.event(id);
    if (!event) return reply.code(404).send(DATES_EVENT_NOT_FOUND);
    const query = parseQuery(datesQuerySchema, request.query, reply);
    if (!query) return reply;
    const stocks = page(rt.store.stocksOfEvent(event.id), query.firstIndex, query.limit);
    return { dates: stocks.map((stock) => dateResponse(rt.store, stock)) };
  });
}
