/** What every part of the control API shares: its prefix, body parsing, and the control view of a booking. */
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import type { ControlBooking } from '../../../shared/sandboxControl';
import { lookupOutcome } from '../rules';
import type { Booking, SandboxStore } from '../state';
import { isoUtc, isoUtcOrNull } from '../time';

export const CONTROL_PREFIX = '/__sandbox';

/** One booking as the control API shows it: with its token and séance, and what a look-up would say now. */
export function controlView(store: SandboxStore, booking: Booking, now: number): ControlBooking {
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
    cancellationDate: isoUtcOrNull(booking.cancelledAt),
    lookupOutcome: lookupOutcome(booking, now),
  };
}

/** Parses a body or a query (absent means `{}`), or answers 400 with zod's explanation. */
export function parseInput<T extends z.ZodType>(
  schema: T,
  input: unknown,
  reply: FastifyReply,
): z.infer<T> | undefined {
  const result = schema.safeParse(input ?? {});
  if (result.success) return result.data;
  reply.code(400).send({ error: 'invalid_input', message: z.prettifyError(result.error) });
  return undefined;
}
