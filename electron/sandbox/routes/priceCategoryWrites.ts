/**
 * `/public/offers/v1/events/{id}/price_categories` writes: add tariffs to a film, change one's label or price.
 * Shapes: PriceCategoriesCreation → PriceCategoriesResponse, PriceCategoryEdition → PriceCategoryResponse of
 * openapi-subset.json; rules and wordings from pcapi `routes/public/individual_offers/v1/events.py`
 * (`post_event_price_categories`, `patch_event_price_category`) and `core/offers/api.py` `edit_price_category`.
 *
 * The sandbox lets only offers this provider created change their tariffs, as it does for their dates; pcapi's
 * own check (`check_provider_can_edit_stock`) is looser for Allociné and pro-site offers.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { SandboxRuntime } from '../runtime';
import type { EventOffer, PriceCategory } from '../state';
import { pathId } from './params';
import { EVENT_NOT_FOUND, IMPORTED_NOT_EDITABLE, parseBody, price, priceCategoryCreation } from './writeRules';

const PREFIX = '/public/offers/v1/events';
const PRICE_CATEGORY_NOT_FOUND = { price_category_id: ['No price category could be found'] };
/** pcapi `check_event_expiration`, reached through `edit_price_category` → `edit_stock` for each of its dates. */
const PAST_SEANCE = { global: ['Les évènements passés ne sont pas modifiables'] };

const priceCategoriesCreation = z.object({ priceCategories: z.array(priceCategoryCreation).max(50) }).strict();
const priceCategoryEdition = z
  .object({
    label: z.string().min(1).max(50).nullish(),
    price: price.nullish(),
    idAtProvider: z.string().max(70).nullish(),
  })
  .strict();

type EventParams = { Params: { event_id: string } };
type PriceCategoryParams = { Params: { event_id: string; price_category_id: string } };

const priceCategoryResponse = (pc: PriceCategory) => ({ ...pc, idAtProvider: null });

/** pcapi `check_for_duplicated_price_categories`: the same label at the same price is refused. */
function duplicateOf(event: EventOffer, wanted: { label: string; price: number }[]): PriceCategory | undefined {
  return event.priceCategories.find((pc) => wanted.some((w) => w.label === pc.label && w.price === pc.price));
}

export function registerPriceCategoryRoutes(app: FastifyInstance, rt: SandboxRuntime): void {
  const eventOf = (raw: string) => {
    const id = pathId(raw);
    return id === undefined ? undefined : rt.store.event(id);
  };

  app.post<EventParams>(`${PREFIX}/:event_id/price_categories`, async (request, reply) => {
    const event = eventOf(request.params.event_id);
    if (!event) return reply.code(404).send(EVENT_NOT_FOUND);
    const body = parseBody(priceCategoriesCreation, request.body, reply);
    if (!body) return reply;
    if (event.origin !== 'provider') return reply.code(400).send(IMPORTED_NOT_EDITABLE);
    const duplicate = duplicateOf(event, body.priceCategories);
    if (duplicate) {
      return reply.code(400).send({ priceCategories: [`The price category ${duplicate.label} already exists`] });
    }
    let nextId = rt.store.nextPriceCategoryId();
    const created = body.priceCategories.map((pc) => ({ id: nextId++, label: pc.label, price: pc.price }));
    event.priceCategories.push(...created);
    return { priceCategories: created.map(priceCategoryResponse) };
  });

  app.patch<PriceCategoryParams>(`${PREFIX}/:event_id/price_categories/:price_category_id`, async (request, reply) => {
    const event = eventOf(request.params.event_id);
    if (!event) return reply.code(404).send(EVENT_NOT_FOUND);
    const priceCategoryId = pathId(request.params.price_category_id);
    const priceCategory = event.priceCategories.find((pc) => pc.id === priceCategoryId);
    if (!priceCategory) return reply.code(404).send(PRICE_CATEGORY_NOT_FOUND);
    const body = parseBody(priceCategoryEdition, request.body, reply);
    if (!body) return reply;
    if (event.origin !== 'provider') return reply.code(400).send(IMPORTED_NOT_EDITABLE);
    const now = rt.nowMs();
    const begun = rt.store
      .stocksOfEvent(event.id)
      .some((stock) => stock.priceCategoryId === priceCategory.id && stock.beginning <= now);
    if (begun) return reply.code(400).send(PAST_SEANCE);
    // Dates read their price from the tariff: they all move with it; bookings keep the price they were made at.
    if (body.label != null) priceCategory.label = body.label;
    if (body.price != null) priceCategory.price = body.price;
    return priceCategoryResponse(priceCategory);
  });
}
