/**
 * The contract between the renderer and the core: every call, named once, with the zod schema of what goes in
 * and what comes out, and every event the core pushes. Both hosts (Electron IPC, browser-mode WebSocket) carry
 * exactly this; inputs arrive as `unknown` and are parsed here before any handler runs.
 *
 * Read this file first: the guichet flow is `counter.lookup` → (green) `counter.validate` → maybe `counter.undo`.
 */
import { z } from 'zod';
import type { CallName, EventName } from './channels';
import { syncCalls, syncEvents } from './contract-sync';
import { printingCalls, printingEvents } from './contract-printing';
import { scannerCalls, scannerEvents } from './contract-scanner';
import { programmeCalls, programmeEvents } from './contract-programme';
import { reportCalls } from './contract-reports';
import { counterCalls, counterEvents } from './contract-counter';
import { lanCalls, lanEvents } from './contract-lan';
import { staffCalls, staffEvents } from './contract-staff';

// ---------------------------------------------------------------------------------------------------------------
// Errors: every failure reaching the renderer is one of these codes, with a French message for the cashier.
export const errorCodeSchema = z.enum([
  'invalid_input', // the call's input did not match its schema (a bug in the caller)
  'unknown_call',
  'not_a_countermark', // what was typed/scanned is not a pass Culture countermark
  'countermark_unknown', // 404: unknown token or booking of a venue this key cannot reach
  'already_used', // 410
  'cancelled', // 410
  'reimbursed', // 403 payment
  'not_confirmed', // 403: event booking still in its cancellation window
  'offerer_closed', // 403: the offerer is closed
  'booking_refused', // 403/410 about the booking in words this version does not know: the message quotes them
  'not_used', // keep on a booking that was not validated
  'not_undoable', // undo asked for a booking not validated at this counter
  'auth_invalid', // 401
  'provider_inactive', // 403 auth
  'rate_limited', // 429
  'platform_unreachable', // network error, connection refused or reset
  'platform_timeout',
  'platform_error', // 5xx or an undocumented status
  'platform_malformed', // a body that does not match the documented schema
  'demo_only',
  // pass Culture account (Réglages)
  'key_missing', // account.test/save without a key and none stored
  'invalid_base_url', // custom platform URL not https (http only on 127.0.0.1/localhost)
  'no_venue', // the key reaches no physical venue
  'venue_not_linked', // account.save with a venue the key does not reach
  'account_from_environment', // the account is set by environment variables: read-only
  'account_switch_failed', // the engine could not start on the new account; the previous one is back
  // printing
  'not_printable', // reprint/preview of a ledger entry that is not an entry (lookup, undo, refusal)
  'print_job_unknown', // retry/cancel of a job that does not exist or is not failed
  'print_failed', // a report sent straight to the printer did not print (reports.printEndOfDay)
  // programme publishing (shared/contract-programme.ts)
  'offer_not_editable', // a film created on the pro site or imported (Allociné): only (de)activation and seats here
  'platform_refused', // the platform refused a programme write (400), with its reasons
  'offer_unknown', // 404: film, séance or tariff not found (deleted meanwhile, or out of this key's reach)
  'venue_unknown', // 404: the venue is not (or no longer) reachable with this key
  'poster_invalid', // not a PNG/JPEG, or not 2:3
  'sales_not_closed', // reopen asked for a séance this counter did not close
  'price_category_duplicate', // the film already has a tariff of that label
  // the engine and its data folder (issue 11)
  'database_damaged', // the ledger is damaged: the recovery screen offers its backups
  'engine_failed', // the engine could not start on this account (reason in French)
  'disk_full', // nothing can be recorded until space returns
  'erase_refused', // an account's data cannot be erased while validations wait to be sent
  'programme_invalid', // refused here before sending, as pass Culture would (séance in the past, 24 h or more…)
  // guichet
  'seance_outside_window', // validate asked for a booking of another séance without the cashier's confirmation
  // counters on the LAN (shared/contract-lan.ts)
  'pairing_failed', // wrong or expired code, main counter unreachable, or not a main counter
  'main_unreachable', // a secondary cannot reach its main counter
  'not_granted', // a call a secondary may not make at the main counter (manager actions)
  'lan_refused', // refused on this counter's role (e.g. pairing while environment variables set the role)
  // staff (shared/contract-staff.ts)
  'signed_out', // nobody is signed in at this screen (locked, or idle): sign in with a PIN first
  'forbidden', // the signed-in person's role does not allow this call (e.g. a cashier opening Réglages)
  'pin_wrong', // no active person has this PIN
  'pin_pad_locked', // five wrong PINs: the pad waits a minute
  'pin_taken', // another person of the team already has this PIN
  'team_invalid', // the change would leave the team without an active manager, or the first person is not one
  'internal',
]);
export type ErrorCode = z.infer<typeof errorCodeSchema>;

export const contractErrorSchema = z.object({ code: errorCodeSchema, message: z.string() });
export type ContractError = z.infer<typeof contractErrorSchema>;

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ContractError };

// ---------------------------------------------------------------------------------------------------------------
// Domain shapes shown on screen.
const isoUtc = z.string().describe('ISO 8601 instant in UTC');

export const appInfoSchema = z.object({
  mode: z.enum(['demo', 'live']),
  counterName: z.string(),
  venue: z.object({ id: z.number().int(), name: z.string(), timeZone: z.string() }).nullable(),
  /** Host of the platform in use (never the key). */
  platformHost: z.string(),
  version: z.string(),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

export const bookingViewSchema = z.object({
  bookingId: z.number().int(),
  firstName: z.string(),
  lastName: z.string(),
  offerName: z.string(),
  /** Séance start, null when the séance could not be looked up. */
  seanceStart: isoUtc.nullable(),
  /** 1, or 2 for a DUO booking (one token for both seats). */
  quantity: z.number().int(),
  isDuo: z.boolean(),
  unitPriceCents: z.number().int(),
  totalPriceCents: z.number().int(),
  priceCategoryLabel: z.string().nullable(),
  venueName: z.string(),
});
export type BookingView = z.infer<typeof bookingViewSchema>;

export const refusalReasonSchema = z.enum(['unknown', 'used', 'cancelled', 'reimbursed', 'offerer_closed']);
export type RefusalReason = z.infer<typeof refusalReasonSchema>;

/** `in_window`: the séance of the moment; otherwise see shared/seanceWindow.ts. */
export const seanceTimingSchema = z.enum(['in_window', 'past', 'later_today', 'other_day']);

/**
 * What the guichet shows after a lookup: green (valid), amber (not yet, or another séance than the one of the
 * moment), red (refused).
 */
export const verdictSchema = z.object({
  token: z.string(),
  /**
   * `other_seance`: validatable, but its séance is outside the counter's window (another day, or passed):
   * validating needs the cashier's explicit confirmation (`acceptOtherSeance`).
   * `unverifiable`: offline and the token is unknown locally — find the person by name (provisional validation).
   */
  kind: z.enum(['valid', 'other_seance', 'not_yet', 'refused', 'unverifiable']),
  /** Where the verdict comes from: the platform, or the local mirror while offline. */
  source: z.enum(['platform', 'local']),
  /** Local verdict while online: pass Culture is being asked; `verdict.updated` then confirms or corrects it. */
  confirming: z.boolean().optional(),
  /**
   * Set on a `verdict.updated` whose answer differs from the local verdict shown first: that verdict's kind (e.g.
   * `valid` when pass Culture says the booking was cancelled meanwhile). The screen makes such a change unmissable.
   */
  correctedFrom: z.enum(['valid', 'other_seance', 'not_yet', 'refused', 'unverifiable']).optional(),
  reason: refusalReasonSchema.nullable(),
  /** French, for the cashier. */
  message: z.string(),
  booking: bookingViewSchema.nullable(),
  /** For `not_yet`: when the booking can be validated. */
  validatableFrom: isoUtc.nullable(),
  /** Set when this counter validated the booking and the validation can still be undone. */
  undo: z
    .object({
      validatedAt: isoUtc,
      ledgerId: z.number().int(),
      /** Who validated it (null with no team); and whether the person signed in at this screen may undo it. */
      personName: z.string().nullable().optional(),
      allowed: z.boolean().optional(),
    })
    .nullable(),
  /** Where the booking's séance stands against the counter's window, when the séance is known. */
  seanceTiming: seanceTimingSchema.nullable(),
  /** A used booking: validated at this counter (when, which counter name), or elsewhere (pro site, another counter). */
  usedBy: z
    .object({
      where: z.enum(['here', 'elsewhere']),
      at: isoUtc.nullable(),
      counterName: z.string().nullable(),
      /** Who validated it here (null with no team configured). */
      personName: z.string().nullable().optional(),
    })
    .nullable(),
  ledgerId: z.number().int(),
});
export type Verdict = z.infer<typeof verdictSchema>;

export const validationSchema = z.object({
  token: z.string(),
  ledgerId: z.number().int(),
  validatedAt: isoUtc,
  booking: bookingViewSchema.nullable(),
  message: z.string(),
  /** `sent`: the platform confirmed; `pending`: recorded here, in the upload queue (offline or slow). */
  upload: z.enum(['sent', 'pending']),
});
export type Validation = z.infer<typeof validationSchema>;

export const undoSchema = z.object({
  token: z.string(),
  ledgerId: z.number().int(),
  undoneAt: isoUtc,
  message: z.string(),
  upload: z.enum(['sent', 'pending']),
});
export type Undo = z.infer<typeof undoSchema>;

/** `upload`: what the platform said of a queued validation or undo (e.g. a conflict). */
export const ledgerKindSchema = z.enum(['lookup', 'validation', 'undo', 'upload']);
export const ledgerRowSchema = z.object({
  id: z.number().int(),
  at: isoUtc,
  counterName: z.string(),
  kind: ledgerKindSchema,
  token: z.string(),
  bookingId: z.number().int().nullable(),
  /** `valid`, `not_yet`, a refusal reason, `validated`, `undone`, or an error code. */
  outcome: z.string(),
  beneficiary: z.string().nullable(),
  offerName: z.string().nullable(),
  platformStatus: z.number().int().nullable(),
  /** Who was signed in (null on a counter with no team configured). */
  personId: z.number().int().nullable(),
  personName: z.string().nullable(),
});
export type LedgerRow = z.infer<typeof ledgerRowSchema>;

export const demoBookingSchema = z.object({
  token: z.string(),
  status: z.enum(['CONFIRMED', 'USED', 'CANCELLED', 'REIMBURSED']),
  confirmed: z.boolean(),
  firstName: z.string(),
  lastName: z.string(),
  offerName: z.string(),
  seanceStart: isoUtc,
  quantity: z.number().int(),
});
export type DemoBooking = z.infer<typeof demoBookingSchema>;

const tokenInput = z.object({ token: z.string().regex(/^[A-Z0-9]{6}$/) }).strict();
const validateInput = tokenInput
  .extend({
    /** The cashier confirmed admitting a booking whose séance is outside the window (another day, passed). */
    acceptOtherSeance: z.boolean().optional(),
  })
  .strict();

// ---------------------------------------------------------------------------------------------------------------
// Calls.
export const calls = {
  'app.info': { input: z.object({}).strict(), output: appInfoSchema },
  /** Raw text typed or scanned: the core parses it (code or QR payload) and asks the platform. */
  'counter.lookup': { input: z.object({ text: z.string().max(512) }).strict(), output: verdictSchema },
  /**
   * A keyboard-wedge scan is being typed (its keys so far read as a scan): its lookup follows within a few hundred
   * ms. The engine's background work steps aside until it has come (foreground.ts), and the call itself wakes the
   * link and the engine, which on an idle PC answer the first message after a pause markedly slower.
   */
  'counter.scanUnderway': { input: z.object({}).strict(), output: z.null() },
  /** Validate ("use") a booking after a green verdict. */
  'counter.validate': { input: validateInput, output: validationSchema },
  /** Undo ("keep") a validation made at this counter. */
  'counter.undo': { input: tokenInput, output: undoSchema },
  /** Today's ledger rows (venue's day), newest first. */
  'ledger.today': { input: z.object({}).strict(), output: z.object({ rows: z.array(ledgerRowSchema) }) },
  /** Demo mode only: the sandbox's bookings with their tokens, to try the guichet. */
  'demo.bookings': { input: z.object({}).strict(), output: z.object({ bookings: z.array(demoBookingSchema) }) },
  /**
   * Secondary counter: the entry slip of a validation the main counter recorded for it, printed here (the printer
   * stays local). Null when automatic printing is off or there is no printer.
   */
  'printer.printValidation': {
    input: z.object({ validation: validationSchema }).strict(),
    output: z.object({ jobId: z.number().int().nullable() }),
  },
  ...syncCalls,
  ...printingCalls,
  ...scannerCalls,
  ...programmeCalls,
  ...reportCalls,
  ...counterCalls,
  ...lanCalls,
  ...staffCalls,
} as const satisfies Record<CallName, { input: z.ZodType; output: z.ZodType }>;

export type CallInput<N extends CallName> = z.input<(typeof calls)[N]['input']>;
export type CallOutput<N extends CallName> = z.output<(typeof calls)[N]['output']>;

// ---------------------------------------------------------------------------------------------------------------
// Events pushed by the core.
export const events = {
  'ledger.changed': z.object({ entryId: z.number().int(), kind: ledgerKindSchema }),
  /** pass Culture's answer differs from the local verdict shown first (e.g. cancelled since the last sync). */
  'verdict.updated': verdictSchema,
  ...syncEvents,
  ...printingEvents,
  ...scannerEvents,
  ...programmeEvents,
  ...counterEvents,
  ...lanEvents,
  ...staffEvents,
} as const satisfies Record<EventName, z.ZodType>;

export type EventPayload<N extends EventName> = z.output<(typeof events)[N]>;

/** The one API the renderer sees, whichever host carries it. */
export interface GuichetApi {
  call<N extends CallName>(name: N, input: CallInput<N>): Promise<Envelope<CallOutput<N>>>;
  on<N extends EventName>(name: N, listener: (payload: EventPayload<N>) => void): () => void;
}

export type { CallName, EventName } from './channels';
export * from './contract-sync';
export * from './contract-printing';
export * from './contract-scanner';
export * from './contract-programme';
export * from './contract-reports';
export * from './contract-counter';
export * from './contract-lan';
export * from './contract-staff';
