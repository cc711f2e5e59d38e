/** `/public/bookings/v1`: look up, validate ("use"), undo ("keep"), cancel, and list bookings. */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { bookingStatusSchema } from '../../../shared/platform/schemas';
import { NOT_FOUND, cancelBooking, keepBooking, useBooking, usabilityError, type PlatformError } from '../rules';
import type { SandboxRuntime } from '../runtime';
import { bookingResponse } from '../serialize';
import type { Booking } from '../state';
import { intParam, pageWhere, paginationShape, parseQuery } from './params';

const PREFIX = '/public/bookings/v1';

type TokenRequest = { Params: { token: string } };

/** Exact séance start; must carry a time zone. A `+` left unencoded in the query arrives as a space. */
const instantParam = z
  .string()
  .transform((text) => text.trim().replace(/ (\d{2}:?\d{2})$/, '+$1'))
  .refine((text) => /(Z|[+-]\d{2}:?\d{2})$/i.test(text) && !Number.isNaN(Date.parse(text)), {
    message: 'invalid datetime: an ISO 8601 date with a time zone is expected',
  })
  .transform((text) => Date.parse(text));

const filterShape = {
  stockId: intParam.optional(),
  priceCategoryId: intParam.optional(),
  status: bookingStatusSchema.optional(),
  beginningDatetime: instantParam.optional(),
  ...paginationShape,
};

/**
 * `GetFilteredBookingsRequest` of the 2026 document (`operationId` GetBookings): `offerId` and/or `venueId` (ANDed),
 * other parameters refused (pcapi's query models forbid extras).
 */
const listQuerySchema = z
  .object({ offerId: intParam.optional(), venueId: intParam.optional(), ...filterShape })
  .strict();

/**
 * The same request before January 2026 (`GetBookingsByOffer`, pass-culture-main 01a025d8): `offerId` required and
 * anything else, `venueId` included, refused. `POST /__sandbox/config {"venueListing": false}` brings it back.
 */
const legacyListQuerySchema = z.object({ offerId: intParam, ...filterShape }).strict();

// The 2026 backend's answers (docs/platform.md), and the one before for an unknown offer.
const OFFER_OR_VENUE_REQUIRED = { global: ['`offerId` or `venueId` must be set'] };
const VENUE_NOT_FOUND = { venueId: 'we could not find this venue' };
const OFFER_NOT_FOUND = { offerId: 'we could not find this offer' };
const LEGACY_OFFER_NOT_FOUND = { offer: 'we could not find this offer id' };

function fail(reply: FastifyReply, error: PlatformError) {
  return reply.code(error.status).send(error.body);
}

export function registerBookingRoutes(app: FastifyInstance, rt: SandboxRuntime): void {
  /** Runs `action` on the booking of `:token`, then answers 204 or the platform's error. */
  const patch = (action: (booking: Booking, now: number) => PlatformError | null) => {
    return async (request: { params: { token: string } }, reply: FastifyReply) => {
      const booking = rt.store.bookingByToken(request.params.token);
      if (!booking) return fail(reply, NOT_FOUND);
      const error = action(booking, rt.nowMs());
      return error ? fail(reply, error) : reply.code(204).send();
    };
  };

  app.get<TokenRequest>(`${PREFIX}/token/:token`, async (request, reply) => {
    const booking = rt.store.bookingByToken(request.params.token);
    if (!booking) return fail(reply, NOT_FOUND);
    const error = usabilityError(booking, rt.nowMs());
    return error ? fail(reply, error) : bookingResponse(rt.store, booking);
  });

  app.patch<TokenRequest>(`${PREFIX}/use/token/:token`, patch(useBooking));
  app.patch<TokenRequest>(`${PREFIX}/keep/token/:token`, patch(keepBooking));
  app.patch<TokenRequest>(`${PREFIX}/cancel/token/:token`, patch(cancelBooking));

  app.get(`${PREFIX}/bookings`, async (request, reply) => {
    const query = rt.venueListing
      ? parseQuery(listQuerySchema, request.query, reply)
      : parseQuery(legacyListQuerySchema, request.query, reply);
    if (!query) return reply;
    const store = rt.store;
    const venueId = 'venueId' in query ? query.venueId : undefined;
    // pcapi filters only on truthy values: `stockId=0` filters nothing, `offerId=0` is no offer.
    if (!query.offerId && !venueId) return reply.code(400).send(OFFER_OR_VENUE_REQUIRED);
    if (venueId && !store.venue(venueId)) return reply.code(404).send(VENUE_NOT_FOUND);
    if (query.offerId && !store.event(query.offerId)) {
      return reply.code(404).send(rt.venueListing ? OFFER_NOT_FOUND : LEGACY_OFFER_NOT_FOUND);
    }
    const matching = pageWhere(store.data.bookings, query.firstIndex, query.limit, (booking) => {
      const { stock, event } = store.context(booking);
      return (
        (!query.offerId || event.id === query.offerId) &&
        (!venueId || event.venueId === venueId) &&
        (!query.stockId || stock.id === query.stockId) &&
        (!query.priceCategoryId || stock.priceCategoryId === query.priceCategoryId) &&
        (!query.status || booking.status === query.status) &&
        (query.beginningDatetime === undefined || stock.beginning === query.beginningDatetime)
      );
    });
    return { bookings: matching.map((b) => bookingResponse(store, b)) };
  });
}
