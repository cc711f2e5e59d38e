/**
 * The sandbox's control API (`/__sandbox/`, README "Demo mode"): every request and answer shape, declared once and
 * used by the sandbox's routes, the engine's demo panel (demo codes to try) and the tests. Shared on purpose: these
 * are the fake's own controls, not the platform it fakes (that contract is the OpenAPI document).
 */
import { z } from 'zod';
import { bookingStatusSchema } from './platform/schemas';

const DAY_MS = 86_400_000;

// --- Bookings -----------------------------------------------------------------------------------------------------

export const lookupOutcomeSchema = z.enum(['valid', 'not_confirmed', 'used', 'cancelled', 'reimbursed']);

/** One booking as the control API shows it: with its token and séance, and what a look-up would say now. */
export const controlBookingSchema = z.object({
  token: z.string(),
  id: z.number(),
  status: bookingStatusSchema,
  confirmationDate: z.string().nullable(),
  firstName: z.string(),
  lastName: z.string(),
  offerName: z.string(),
  offerId: z.number(),
  stockId: z.number(),
  seanceStart: z.string(),
  quantity: z.number(),
  price: z.number(),
  priceCategoryLabel: z.string().nullable(),
  usedCount: z.number(),
  dateUsed: z.string().nullable(),
  cancellationDate: z.string().nullable(),
  lookupOutcome: lookupOutcomeSchema,
});
export type ControlBooking = z.infer<typeof controlBookingSchema>;

/** `GET /bookings?status=&outcome=` */
export const bookingListQuerySchema = z.object({
  status: bookingStatusSchema.optional(),
  outcome: lookupOutcomeSchema.optional(),
});
export const bookingListSchema = z.object({ bookings: z.array(controlBookingSchema) });

/** `POST /bookings`: as a beneficiary's app would book (by default the next séance, already confirmed). */
export const createBookingSchema = z
  .object({
    stockId: z.number().int().positive().optional(),
    status: bookingStatusSchema.default('CONFIRMED'),
    quantity: z.union([z.literal(1), z.literal(2)]).default(1),
    // Long enough for hostile data (a 100 kB name must not break the counter's screens or slips).
    firstName: z.string().trim().min(1).max(200_000).optional(),
    lastName: z.string().trim().min(1).max(200_000).optional(),
    /** true (default): past its cancellation window; false: still in it (needs a séance more than 48 h away). */
    confirmed: z.boolean().optional(),
    /** Sandbox extra: the exact booking time (ISO 8601 with offset); excludes `confirmed`. */
    creationDate: z.iso.datetime({ offset: true }).optional(),
  })
  .strict();
export type CreateBookingInput = z.infer<typeof createBookingSchema>;

/** `POST /bookings/{id}/cancel` */
export const cancelBookingSchema = z.object({ by: z.enum(['beneficiary', 'offerer']).default('beneficiary') }).strict();
/** `POST /bookings/{id}/use`, `…/reimburse` */
export const noBodySchema = z.object({}).strict();

// --- The platform's conditions --------------------------------------------------------------------------------------

/** `POST /reset` */
export const resetSchema = z.object({ seed: z.number().int().min(0).max(0xffffffff).optional() }).strict();

const rate = z.number().min(0).max(1);
/** `GET|DELETE /faults` answer (see electron/sandbox/faults.ts for what each does). */
export const faultsSchema = z.object({
  latencyMs: z.number().int().min(0).max(120_000),
  outage: z.union([z.literal(false), z.enum(['reset', 'hang', 'http503'])]),
  malformed: z.boolean(),
  errorRate: rate,
  resetRate: rate,
  rateLimitBurst: z.number().int().min(0).max(1_000_000),
  latencyJitterMs: z.number().int().min(0).max(120_000),
});
export type Faults = z.infer<typeof faultsSchema>;
/** `POST /faults`: only the fields to change. */
export const faultsPatchSchema = faultsSchema.partial().strict();

/** `POST /config` (and, every field given, its answer). */
export const configSchema = z
  .object({
    rateLimitPerMinute: z.number().int().positive().nullable().optional(),
    venueListing: z.boolean().optional(),
  })
  .strict();
export const configViewSchema = z.object({ rateLimitPerMinute: z.number().nullable(), venueListing: z.boolean() });

/** `POST /clock`: either forward by `advanceMs`, or to `now`. */
export const clockSchema = z
  .object({
    advanceMs: z
      .number()
      .int()
      .min(0)
      .max(366 * DAY_MS)
      .optional(),
    now: z.iso.datetime({ offset: true }).optional(),
  })
  .strict()
  .refine((body) => (body.advanceMs === undefined) !== (body.now === undefined), {
    message: 'give either advanceMs or now',
  });
export const clockViewSchema = z.object({
  /** The sandbox's now, ISO 8601 UTC. */
  now: z.string(),
  offsetMs: z.number(),
});
export type SandboxClock = z.infer<typeof clockViewSchema>;

// --- What the counter sent ------------------------------------------------------------------------------------------

/** `GET /stats?windowMs=` */
export const statsQuerySchema = z.object({ windowMs: z.coerce.number().int().positive().max(DAY_MS).optional() });
export const statsSchema = z.object({
  /** Pass Culture requests by `METHOD /route/pattern`. */
  requests: z.record(z.string(), z.number()),
  total: z.number(),
  /** 429 answers (the documented limit and the rateLimitBurst fault). */
  rateLimited: z.number(),
  /** Requests in the last 60 s of the sandbox's clock. */
  perMinute: z.number(),
  /** Only with `windowMs`: the most requests that arrived within any span of windowMs. */
  windowMs: z.number().optional(),
  maxInWindow: z.number().optional(),
});
export type SandboxStats = z.infer<typeof statsSchema>;

/** `GET /requests?since=<seq>` */
export const requestsQuerySchema = z.object({ since: z.coerce.number().int().min(0).default(0) });
export const loggedRequestSchema = z.object({
  seq: z.number(),
  method: z.string(),
  /** As sent, query included. */
  path: z.string(),
  route: z.string().nullable(),
  /** The route's token, upper-cased. */
  token: z.string().nullable(),
  /** null while in flight or when no HTTP answer was given (reset, dropped). */
  status: z.number().nullable(),
  fault: z.string().nullable(),
  time: z.string(),
});
export type SandboxRequest = z.infer<typeof loggedRequestSchema>;
export const requestLogSchema = z.object({ requests: z.array(loggedRequestSchema), lastSeq: z.number() });

// --- Demo traffic -------------------------------------------------------------------------------------------------

/** `POST /traffic` */
export const trafficSchema = z
  .object({ enabled: z.boolean(), intervalMs: z.number().int().min(10).max(3_600_000).optional() })
  .strict();
export const trafficViewSchema = z.object({ enabled: z.boolean(), intervalMs: z.number(), ticks: z.number() });
export type SandboxTraffic = z.infer<typeof trafficViewSchema>;
/** `POST /traffic/tick` */
export const trafficTickSchema = z.object({
  created: controlBookingSchema.nullable(),
  cancelled: controlBookingSchema.nullable(),
});
