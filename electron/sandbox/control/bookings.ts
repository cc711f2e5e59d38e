/**
 * Bookings through the control API: list them with their tokens, create some (as a beneficiary's app would), and
 * move one through what happens away from the counter (cancelled, validated on the pro web site, reimbursed).
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { z } from 'zod';
import {
  bookingListQuerySchema as listQuerySchema,
  cancelBookingSchema as cancelSchema,
  createBookingSchema,
  noBodySchema,
} from '../../../shared/sandboxControl';
import { createBooking } from '../create';
import { cancelOutside, reimburse, useOutside } from '../lifecycle';
import type { PlatformError } from '../rules';
import { pathId } from '../routes/params';
import type { SandboxRuntime } from '../runtime';
import type { Booking } from '../state';
import { CONTROL_PREFIX, controlView, parseInput } from './common';

type IdRequest = { Params: { id: string } };

export function registerBookingControl(app: FastifyInstance, rt: SandboxRuntime): void {
  app.get(`${CONTROL_PREFIX}/bookings`, async (request, reply) => {
    const query = parseInput(listQuerySchema, request.query, reply);
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
    const input = parseInput(createBookingSchema, request.body, reply);
    if (!input) return reply;
    const result = createBooking(rt, input);
    if ('error' in result) return reply.code(400).send({ error: 'invalid_input', message: result.error });
    return reply.code(201).send(controlView(rt.store, result, rt.nowMs()));
  });

  /** Runs a lifecycle step on booking `:id`: 200 with its new view, 404, or 409 with the platform's reason. */
  const step = <T extends z.ZodType>(
    schema: T,
    action: (booking: Booking, now: number, input: z.infer<T>) => PlatformError | null,
  ) => {
    return async (request: { params: { id: string }; body: unknown }, reply: FastifyReply) => {
      const input = parseInput(schema, request.body, reply);
      if (!input) return reply;
      const id = pathId(request.params.id);
      const booking = id === undefined ? undefined : rt.store.bookingById(id);
      if (!booking) {
        return reply.code(404).send({ error: 'not_found', message: `no booking ${request.params.id}` });
      }
      const now = rt.nowMs();
      const refused = action(booking, now, input);
      if (refused) {
        const message = Object.values(refused.body).flat().join(' ');
        return reply.code(409).send({ error: 'refused', message, platform: refused });
      }
      return controlView(rt.store, booking, now);
    };
  };

  app.post<IdRequest>(
    `${CONTROL_PREFIX}/bookings/:id/cancel`,
    step(cancelSchema, (booking, now, input) => cancelOutside(booking, now, input.by)),
  );
  app.post<IdRequest>(`${CONTROL_PREFIX}/bookings/:id/use`, step(noBodySchema, useOutside));
  app.post<IdRequest>(
    `${CONTROL_PREFIX}/bookings/:id/reimburse`,
    step(noBodySchema, (booking) => reimburse(booking)),
  );
}
