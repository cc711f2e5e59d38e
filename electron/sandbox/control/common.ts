/**
 * The control API, under `/__sandbox/` (no key, no faults): what tests and the demo mode use to see the
 * bookings with their tokens, create some, reset the data, inject faults and read request counters.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { bookingStatusSchema } from '../../shared/platform/schemas';
import { createBooking, createBookingSchema } from './create';
import { faultsPatchSchema } from './faults';
import { lookupOutcome } from './rules';
import type { SandboxRuntime } from './runtime';
import type { Booking, SandboxStore } from './state';
import { isoUtc, isoUtcOrNull } from './time';

export const CONTROL_PREFIX = '/__sandbox';

const outcomeSchema = z.enum(['valid', 'not_confirmed', 'used', 'cancelled', 'reimbursed']);
const listQuerySchema = z.object({ status: bookingStatusSchema.optional(), outcome: outcomeSchema.optional() });
const resetSchema = z.object({ seed: z.number().int().min(0).max(0xffffffff).optional() }).strict();

/** One booking as the control API shows it: with its token and séance, and what a look-up would say now. */
export function controlView(store: SandboxStore, booking: Booking, now: number) {
  const { stock, event, priceCategory } = store.context(booking);
  return {
    token: booking.token,
    id: booking.id,
    status: booking.status,
    confirmationDate: isoUtc(booking.confirmationAt),
    firstName: booking.user.firstName,
    lastName: booking.user.lastName,
    offerName: event.name,
    offerId: event.id,
    stockId: stock.id,
    seanceStart: isoUtc(stock.beginning),
    quantity: booking.quantity,
    price: booking.price,
    priceCategoryLabel: priceCategory.label,
    usedCount: booking.usedCount,
    dateUsed: isoUtcOrNull(booking.dateUsed),
    lookupOutcome: lookupOutcome(booking, now),
  };
}

/** Parses a body (absent means `{}`) or answers 400 with zod's explanation. */
function parseBody<T extends z.ZodType>(schema: T, body: unknown, reply: FastifyReply): z.infer<T> | undefined {
  const result = schema.safeParse(body ?? {});
  if (result.success) return result.data;
  reply.code(400).send({ error: 'invalid_input', message: z.prettifyError(result.error) });
  return undefined;
}

export function registerControlRoutes(app: FastifyInstance, rt: SandboxRuntime): void {
  app.get(`${CONTROL_PREFIX}/bookings`, async (request, reply) => {
    const query = parseBody(listQuerySchema, request.query, reply);
    if (!query) return reply;
    const now = rt.nowMs();
    const views = rt.store.data.bookings.map((booking) => controlView(rt.store, booking, now));
    return {
      bookings: views.filter(
        (v) =>
          (query.status === undefined || v.status === query.status) &&
          (query.outcome === undefined || v.lookupOutcome === query.outcome),
      ),
    };
  });

  app.post(`${CONTROL_PREFIX}/bookings`, async (request, reply) => {
    const input = parseBody(createBookingSchema, request.body, reply);
    if (!input) return reply;
    const result = createBooking(rt, input);
    if ('error' in result) return reply.code(400).send({ error: 'invalid_input', message: result.error });
    return reply.code(201).send(controlView(rt.store, result, rt.nowMs()));
  });

  app.post(`${CONTROL_PREFIX}/reset`, async (request, reply) => {
    const input = parseBody(resetSchema, request.body, reply);
    if (!input) return reply;
    rt.reset(input.seed);
    return { seed: rt.seed, bookings: rt.store.data.bookings.length };
  });

  app.get(`${CONTROL_PREFIX}/faults`, async () => rt.faults.get());

  app.post(`${CONTROL_PREFIX}/faults`, async (request, reply) => {
    const patch = parseBody(faultsPatchSchema, request.body, reply);
    if (!patch) return reply;
    return rt.faults.set(patch);
  });

  app.delete(`${CONTROL_PREFIX}/faults`, async () => {
    rt.faults.clear();
    return rt.faults.get();
  });

  app.get(`${CONTROL_PREFIX}/stats`, async () => rt.stats.snapshot());
}
