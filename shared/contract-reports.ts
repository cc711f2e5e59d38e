/**
 * Contract calls of the manager's side: following pass Culture reimbursements per venue (year-to-date revenue
 * against the rate bands, fortnightly cycles, a chart of the year), and the end-of-day report per séance
 * (on screen, as CSV for Excel, on the receipt printer). Merged into `contract.ts`. Money is integer cents.
 */
import { z } from 'zod';

const isoUtc = z.string().describe('ISO 8601 instant in UTC');
const calendarDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const cents = z.number().int();

export const rateBandSchema = z.object({
  fromCents: cents,
  toCents: cents.nullable(),
  /** 10,000 = 100 %. */
  rateBasisPoints: z.number().int(),
});
export type RateBandView = z.infer<typeof rateBandSchema>;

export const usageOriginSchema = z.enum(['here', 'elsewhere', 'automatic']);

const originTotalsSchema = z.object({ bookings: z.number().int(), places: z.number().int(), revenueCents: cents });

export const reimbursementCycleSchema = z.object({
  key: z.string(),
  firstDay: calendarDay,
  lastDay: calendarDay,
  cutoffDay: calendarDay,
  paymentFrom: calendarDay,
  paymentTo: calendarDay,
  bookings: z.number().int(),
  revenueCents: cents,
  reimbursementCents: cents,
  /** `paid`: every booking reimbursed; `due`: cut-off passed, payment expected; `open`: fortnight not over. */
  state: z.enum(['paid', 'due', 'open']),
});
export type ReimbursementCycleView = z.infer<typeof reimbursementCycleSchema>;

export const reimbursedBookingSchema = z.object({
  bookingId: z.number().int(),
  offerName: z.string(),
  beneficiary: z.string(),
  quantity: z.number().int(),
  seanceStart: isoUtc.nullable(),
  usedAt: isoUtc,
  usedAtEstimated: z.boolean(),
  origin: usageOriginSchema,
  reimbursed: z.boolean(),
  provisional: z.boolean(),
  totalCents: cents,
  rateBasisPoints: z.number().int(),
  reimbursementCents: cents,
  cycleKey: z.string(),
});

export const reimbursementOverviewSchema = z.object({
  year: z.number().int(),
  /** Today (Europe/Paris, the platform's accounting zone). */
  today: calendarDay,
  /** The venue's zone, for séance times. */
  timeZone: z.string(),
  venues: z.array(z.object({ venueId: z.number().int(), venueName: z.string() })),
  venue: z.object({ venueId: z.number().int(), venueName: z.string() }).nullable(),
  rates: z.object({ validFrom: calendarDay, source: z.string(), bands: z.array(rateBandSchema) }),
  totals: z.object({
    bookings: z.number().int(),
    revenueCents: cents,
    reimbursementCents: cents,
    /** Revenue minus reimbursement: what the bands take. */
    contributionCents: cents,
    byOrigin: z.object({ here: originTotalsSchema, elsewhere: originTotalsSchema, automatic: originTotalsSchema }),
    /** Confirmed bookings whose séance is still ahead (or less than 48 h ago): not revenue yet. */
    upcoming: z.object({ bookings: z.number().int(), revenueCents: cents }),
  }),
  /** The band the next booking falls into, and how much revenue is left before the next threshold. */
  currentBand: z.object({ band: rateBandSchema, remainingCents: cents.nullable() }),
  cycles: z.array(reimbursementCycleSchema),
  /** Cumulative revenue and reimbursement at the end of each day with a usage, in order. */
  series: z.array(z.object({ day: calendarDay, revenueCents: cents, reimbursementCents: cents })),
  /** Newest usage first, at most `bookingsShown`. */
  bookings: z.array(reimbursedBookingSchema),
  bookingsTotal: z.number().int(),
});
export type ReimbursementOverview = z.infer<typeof reimbursementOverviewSchema>;

export const seanceCountSchema = z.object({ bookings: z.number().int(), places: z.number().int(), amountCents: cents });
export type SeanceCount = z.infer<typeof seanceCountSchema>;

/** Categories are disjoint: here + provisional + elsewhere + conflicts + noShows + waiting = expected. */
export const endOfDayCountsSchema = z.object({
  expected: seanceCountSchema,
  validatedHere: seanceCountSchema,
  provisional: seanceCountSchema,
  validatedElsewhere: seanceCountSchema,
  conflicts: seanceCountSchema,
  /** Séance started, booking still not used. */
  noShows: seanceCountSchema,
  /** Séance not started yet, booking not used yet. */
  waiting: seanceCountSchema,
  cancelled: seanceCountSchema,
});
export type EndOfDayCounts = z.infer<typeof endOfDayCountsSchema>;

export const endOfDayReportSchema = z.object({
  day: calendarDay,
  timeZone: z.string(),
  venueName: z.string().nullable(),
  counterName: z.string(),
  /** Filtered by person: only what they validated (or left in conflict) at this counter. */
  person: z.string().nullable().optional(),
  /** Filtered by counter (a main counter's secondaries write to its ledger): only what was done there. */
  counter: z.string().nullable().optional(),
  /** The counters that validated (or left a conflict) that day, for the filter. */
  counters: z.array(z.string()).optional(),
  generatedAt: isoUtc,
  seances: z.array(
    z.object({
      stockId: z.number().int(),
      /** The film: a séance with several tariffs is one stock per tariff, same film and start. */
      offerId: z.number().int(),
      offerName: z.string(),
      start: isoUtc,
      priceCategoryLabel: z.string(),
      counts: endOfDayCountsSchema,
    }),
  ),
  totals: endOfDayCountsSchema,
});
export type EndOfDayReport = z.infer<typeof endOfDayReportSchema>;

const dayInput = z
  .object({
    day: calendarDay.optional(),
    person: z.string().min(1).max(40).optional(),
    counter: z.string().min(1).max(40).optional(),
  })
  .strict();

export const reportCalls = {
  /** Reimbursements of one venue (default: the counter's) for one year (default: this year). */
  'reimbursements.overview': {
    input: z
      .object({ venueId: z.number().int().optional(), year: z.number().int().min(2021).max(2100).optional() })
      .strict(),
    output: reimbursementOverviewSchema,
  },
  /** The end-of-day report of a day (default: today in the venue's zone). */
  'reports.endOfDay': { input: dayInput, output: endOfDayReportSchema },
  /** The same report as CSV text for French Excel (BOM, `;`, CRLF, decimal comma): the renderer saves it. */
  'reports.endOfDayCsv': { input: dayInput, output: z.object({ fileName: z.string(), csv: z.string() }) },
  /** Prints the report on the receipt printer; answers once the printer took it. */
  'reports.printEndOfDay': { input: dayInput, output: z.object({ printer: z.string() }) },
} as const;
