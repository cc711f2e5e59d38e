/**
 * The guichet flow: look a countermark up, validate it, undo a validation made here — online or not.
 * A lookup asks the platform when it can and falls back on the local mirror when it cannot. A validation or
 * an undo is written to the ledger together with its upload-queue row (one transaction) before the cashier
 * sees it; the uploader then sends it, and the cashier waits for the platform only briefly.
 */
import type { Logger } from 'pino';
import type { ErrorCode, Undo, Validation, Verdict } from '../../../shared/contract';
import { errorCodeSchema } from '../../../shared/contract';
import { maskToken, parseCountermark } from '../../../shared/countermark';
import { t } from '../../../shared/i18n';
import { formatSeance } from '../../../shared/dates';
import { seanceTiming, type SeanceWindow } from '../../../shared/seanceWindow';
import { validatability, type Validatability } from '../../../shared/validatable';
import type { BookingCache, KnownBooking } from '../db/bookingCache';
import type { DiskWatch } from '../db/diskFull';
import type { Ledger, LedgerAppend } from '../db/ledger';
import { ContractFailure } from '../contractFailure';
import type { Gateway } from '../platform/gateway';
import { isPlatformError, type PlatformError } from '../platform/errors';
import { isOutage, type Connectivity } from '../sync/connectivity';
import type { Uploader } from '../sync/uploader';
import type { UploadQueue } from '../db/uploadQueue';
import { localVerdict } from './localVerdict';
import { remoteCounterName } from '../actingCounter';
import type { Standings } from './validationStanding';
import { describeForeignCode } from '../../../shared/foreignCode';
import {
  bookingView,
  lookupOutcome,
  notYetVerdict,
  placeInTime,
  placesText,
  refusalFor,
  refusedVerdict,
  validVerdict,
} from './verdict';
import { describeError as describe } from '../../../shared/errorText';
import { createConfirmationTickets, type ConfirmationTicket } from './confirmationTickets';

export interface GuichetDeps {
  gateway: Gateway;
  ledger: Ledger;
  /** Whether a validation made here still stands (validationStanding.ts). */
  standings: Standings;
  cache: BookingCache;
  queue: UploadQueue;
  uploader: Uploader;
  connectivity: () => Connectivity;
  counterName: string;
  clock: () => Date;
  timeZone: () => string;
  /** The counter's séance window (Réglages): outside it a booking is amber and needs a confirmation. */
  seanceWindow: () => SeanceWindow;
  logger: Logger;
  /** Timeout of a cashier's lookup (ms). */
  lookupTimeoutMs: number;
  /** Whether the disk is full: validations are refused then, lookups still answer. */
  disk: DiskWatch;
  /** Called after each ledger row is written (drives the `ledger.changed` event). */
  onLedgerRow: (entryId: number, kind: LedgerAppend['kind']) => void;
  /** Called when the upload queue gained a row. */
  onQueued: () => void;
  /** pass Culture's answer to a verdict shown from the mirror (local first): it confirms or corrects it. */
  onVerdictUpdated?: (verdict: Verdict) => void;
  /** Called once a validation is recorded (e.g. to print the entry slip); must not throw or block. */
  onValidated?: (validation: Validation) => void;
  /**
   * Whether the person making the call may undo this validation (a cashier: their own, within 10 minutes): null
   * when allowed, else the French refusal. Absent: anyone may (tests of the flow alone).
   */
  undoRefusal?: (validation: { personId: number | null; personName: string | null; at: string }) => string | null;
}

/** Séance times are fetched once per film; a slow answer must not hold the verdict for long. */
const SEANCE_FETCH_TIMEOUT_MS = 1500;
const DATES_PAGE = 50;
/** How long a cashier waits for the platform to confirm a validation before it is shown as queued. */
const UPLOAD_WAIT_MS = 2500;
/**
 * A verdict from the mirror goes to the screen first; pass Culture is asked about it this much later. The page
 * draws the verdict in about a frame, on the same few cores as the engine: a platform call and its answer's
 * parsing started at once competed with that frame (`npm run bench:scanner`, online against offline). Next to a
 * real platform's answer time, the delay does not show.
 */
const CONFIRM_AFTER_MS = 20;

export function createGuichet(deps: GuichetDeps) {
  const { gateway, ledger, cache, queue, uploader, counterName, logger } = deps;
  const now = () => deps.clock().toISOString();
  const online = () => deps.connectivity().isOnline();
  /** The validation made here that still stands for `token`, or null. */
  function standingValidation(token: string) {
    const v = deps.standings.ofToken(token).validation;
    if (!v) return null;
    // The main counter's validation (a secondary's replica): undone there, never from here.
    const allowed = !v.fromMain && (deps.undoRefusal?.(v) ?? null) === null;
    return {
      id: v.ledgerId,
      at: v.at,
      counterName: v.counterName,
      bookingId: v.bookingId,
      personName: v.personName,
      allowed,
    };
  }

  /**
   * Writes a ledger row (and what goes with it, in one transaction). On a full disk the transaction writes nothing:
   * a lookup still gets its verdict (its row is a record of a consultation, not a promise: id 0), a validation or
   * an undo is refused in French — nothing is ever shown as done without being stored.
   */
  function record(row: Omit<LedgerAppend, 'at' | 'counterName'>, alongWith?: (ledgerId: number) => void): number {
    let id: number;
    try {
      // A secondary counter's call (forwarded over the LAN) is recorded under its own name.
      id = ledger.append({ ...row, at: now(), counterName: remoteCounterName() ?? counterName }, alongWith);
    } catch (error) {
      if (!deps.disk.failed(error)) throw error;
      logger.error({ kind: row.kind }, 'disk full: ledger row not written');
      if (row.kind === 'lookup') return 0;
      throw new ContractFailure('disk_full', t('errors.disk_full'));
    }
    deps.disk.succeeded();
    deps.onLedgerRow(id, row.kind);
    return id;
  }

  /** Before recording an action: while the disk stays full, refuse at once (statfs), without trying. */
  function refuseWhileDiskFull(): void {
    if (deps.disk.isFull() && deps.disk.stillFull()) throw new ContractFailure('disk_full', t('errors.disk_full'));
  }

  const timeContext = () => ({ now: deps.clock(), window: deps.seanceWindow(), timeZone: deps.timeZone() });

  /**
   * Séance start of a booking: from the mirror, else (online) all dates of its film fetched once — within what is
   * left of the scan's deadline, so the verdict never waits longer than the cashier's timeout.
   */
  async function seanceStart(
    booking: Pick<KnownBooking, 'stockId' | 'offerId'>,
    deadlineAt?: number,
  ): Promise<string | null> {
    const cached = cache.seance(booking.stockId);
    if (cached || !online()) return cached?.beginningDatetime ?? null;
    const until = Math.min(deadlineAt ?? Infinity, performance.now() + SEANCE_FETCH_TIMEOUT_MS);
    try {
      for (let firstIndex = 1; ;) {
        const page = await gateway(
          'cashier',
          (c, time) =>
            c.getEventDates(booking.offerId, { firstIndex, limit: DATES_PAGE }, { timeoutMs: time.timeoutMs() }),
          { deadlineAt: until },
        );
        cache.rememberSeances(booking.offerId, page, now());
        const last = page.at(-1);
        if (page.length < DATES_PAGE || !last || page.some((d) => d.id === booking.stockId)) break;
        firstIndex = last.id + 1;
      }
    } catch (error) {
      logger.warn({ err: describe(error), offerId: booking.offerId }, 'séance dates unavailable');
    }
    return cache.seance(booking.stockId)?.beginningDatetime ?? null;
  }

  const confirmations = createConfirmationTickets();

  async function viewOf(booking: KnownBooking | undefined, deadlineAt?: number) {
    return booking ? bookingView(booking, await seanceStart(booking, deadlineAt)) : null;
  }

  /** The verdict from local data: offline, or when this counter has an action on the token not sent yet. */
  async function lookupLocally(
    token: string,
    known = cache.byToken(token),
    standing = standingValidation(token),
    deadlineAt?: number,
  ): Promise<Verdict> {
    const local = localVerdict({ known, standing, now: deps.clock(), timeZone: deps.timeZone(), online: online() });
    const placed = placeInTime({ ...local.verdict, booking: await viewOf(known, deadlineAt) }, timeContext());
    const ledgerId = record({
      kind: 'lookup',
      token,
      bookingId: known?.bookingId ?? null,
      outcome: lookupOutcome(placed),
      platformStatus: null,
      platformAnswer: { source: 'local', online: online() },
    });
    return { ...placed, token, ledgerId };
  }

  async function lookup(text: string): Promise<Verdict> {
    const parsed = parseCountermark(text);
    // Nothing is sent for what is not a countermark; the message says what it likely is (a ticketing barcode…).
    if (!parsed.ok) throw new ContractFailure('not_a_countermark', describeForeignCode(text).message);
    const token = parsed.token;
    // One deadline for the whole scan: the budget's queue, the request and the séance times all fit in it.
    const deadlineAt = performance.now() + deps.lookupTimeoutMs;
    // A validation or undo made here and not sent yet is newer than anything the platform knows.
    if (!online() || queue.hasUnsent(token)) return lookupLocally(token, undefined, undefined, deadlineAt);
    // Local first: a token this counter has seen gets its verdict from the mirror at once. pass Culture is asked
    // once that answer has gone, and its answer confirms or corrects the verdict on screen (`verdict.updated`); a
    // validation is decided by pass Culture anyway (the PATCH), never by this verdict.
    const known = cache.byToken(token);
    if (known) {
      const verdict: Verdict = { ...(await lookupLocally(token, known, undefined, deadlineAt)), confirming: true };
      // Asked once the screen has had time to draw the verdict (see CONFIRM_AFTER_MS). Never an unhandled
      // rejection: e.g. the engine closing while pass Culture is asked (the database is then shut).
      const { ticket, settle } = confirmations.take(token);
      setTimeout(() => {
        confirmWithPlatform(verdict, ticket)
          .catch((error: unknown) =>
            logger.warn({ err: describe(error), token: maskToken(token) }, 'background confirmation failed'),
          )
          .finally(settle);
      }, CONFIRM_AFTER_MS);
      return verdict;
    }
    return askPlatform(token, deadlineAt);
  }

  /**
   * pass Culture's answer for a verdict shown from the mirror. The same verdict comes back as pass Culture's
   * (`confirming` off); a different one carries `correctedFrom`, so the screen can make the change impossible to
   * miss. Unreachable: the mirror's verdict stays, said as local. A refusal is written to the ledger like any
   * platform answer (its status and body are worth keeping); a valid answer that confirms adds no row.
   */
  async function confirmWithPlatform(shown: Verdict, ticket: ConfirmationTicket): Promise<void> {
    const { token } = shown;
    let answer: Verdict;
    try {
      const found = await gateway('cashier', (c, time) => c.getBookingByToken(token, { timeoutMs: time.timeoutMs() }), {
        deadlineMs: deps.lookupTimeoutMs,
      });
      if (ticket.overtaken) return; // the action's own answer has the word (confirmationTickets.ts)
      const known = cache.remember(token, found, now());
      const start = cache.seance(known.stockId)?.beginningDatetime ?? shown.booking?.seanceStart ?? null;
      const confirms = shown.kind === 'valid' || shown.kind === 'other_seance';
      // Only a correction (the mirror said no, pass Culture says yes) is a new answer worth its own ledger row.
      const ledgerId = confirms
        ? shown.ledgerId
        : record({
            kind: 'lookup',
            token,
            bookingId: found.id,
            outcome: 'valid',
            platformStatus: 200,
            platformAnswer: null,
          });
      answer = placeInTime(
        validVerdict({ token, ledgerId, booking: bookingView(known, start), source: 'platform' }),
        timeContext(),
      );
    } catch (error) {
      if (ticket.overtaken) return;
      // Validated here meanwhile (Enter before this answer came): the PATCH has decided, and a "used" from this
      // late answer would only be our own validation seen back.
      const since = standingValidation(token);
      if (since && since.id > shown.ledgerId) return;
      if (isPlatformError(error) && !isOutage(error) && error.code !== 'rate_limited') {
        try {
          answer = await platformRefusal(token, error);
        } catch (failure) {
          logger.warn({ err: describe(failure), token: maskToken(token) }, 'background confirmation failed');
          answer = { ...shown, confirming: false };
        }
      } else {
        if (!isPlatformError(error))
          logger.warn({ err: describe(error), token: maskToken(token) }, 'confirmation failed');
        answer = { ...shown, confirming: false };
      }
    }
    const corrected = answer.kind !== shown.kind || answer.reason !== shown.reason;
    // A confirmation keeps the shown verdict's ledger id (its row stands for the scan; the screen hears it once).
    deps.onVerdictUpdated?.(
      corrected ? { ...answer, correctedFrom: shown.kind } : { ...answer, ledgerId: shown.ledgerId },
    );
  }

  async function askPlatform(token: string, deadlineAt: number): Promise<Verdict> {
    try {
      const found = await gateway('cashier', (c, time) => c.getBookingByToken(token, { timeoutMs: time.timeoutMs() }), {
        deadlineAt,
      });
      // The séance first: whether it is the one of the moment decides the verdict written to the ledger.
      const start = await seanceStart(found, deadlineAt);
      const timing = seanceTiming(start, deps.clock(), deps.seanceWindow(), deps.timeZone());
      const outcome = timing === null || timing === 'in_window' ? 'valid' : 'other_seance';
      let known: KnownBooking | undefined;
      const ledgerId = record(
        { kind: 'lookup', token, bookingId: found.id, outcome, platformStatus: 200, platformAnswer: null },
        () => (known = cache.remember(token, found, now())),
      );
      const booking = known
        ? bookingView(known, start ?? cache.seance(known.stockId)?.beginningDatetime ?? null)
        : null;
      return placeInTime(validVerdict({ token, ledgerId, booking, source: 'platform' }), timeContext());
    } catch (error) {
      if (!isPlatformError(error)) throw error;
      // The network failed us (or the budget could not serve us in time): the local mirror answers instead.
      if (isOutage(error) || error.code === 'rate_limited')
        return lookupLocally(token, undefined, undefined, deadlineAt);
      return platformRefusal(token, error, deadlineAt);
    }
  }

  async function platformRefusal(token: string, error: PlatformError, deadlineAt?: number): Promise<Verdict> {
    const known = cache.byToken(token);
    const reason = refusalFor(error.code);
    const learnt = reason === 'used' ? 'USED' : reason === 'cancelled' ? 'CANCELLED' : null;
    const ledgerId = record(
      {
        kind: 'lookup',
        token,
        bookingId: known?.bookingId ?? null,
        outcome: outcomeOf(error),
        platformStatus: error.status,
        platformAnswer: error.body,
      },
      known && learnt ? () => cache.setStatus(known.bookingId, learnt, now()) : undefined,
    );
    const base = { token, ledgerId, source: 'platform' as const };
    if (error.code === 'not_confirmed') {
      const booking = await viewOf(known, deadlineAt);
      return placeInTime(notYetVerdict({ ...base, booking }, error.message, error.validatableFrom), timeContext());
    }
    if (!reason) throw new ContractFailure(error.code, error.message);
    const standing = reason === 'used' ? standingValidation(token) : null;
    const undo = standing
      ? { validatedAt: standing.at, ledgerId: standing.id, personName: standing.personName, allowed: standing.allowed }
      : null;
    const usedBy =
      reason !== 'used'
        ? null
        : standing
          ? {
              where: 'here' as const,
              at: standing.at,
              counterName: standing.counterName,
              personName: standing.personName,
            }
          : { where: 'elsewhere' as const, at: null, counterName: null };
    const booking = reason === 'unknown' ? null : await viewOf(known, deadlineAt);
    return placeInTime(refusedVerdict({ ...base, booking }, reason, error.message, undo, usedBy), timeContext());
  }

  /** What this counter knows of a booking already rules out a validation (the platform would refuse it). */
  function refuseUnlessValidatable(booking: KnownBooking): void {
    const rule = validatability(booking, deps.clock());
    if (!rule.ok) throw new ContractFailure(REFUSAL_CODES[rule.reason]);
  }

  /** After recording: let the uploader send it, and wait briefly for the platform's answer. */
  async function upload(queueId: number): Promise<'sent' | 'pending'> {
    deps.onQueued();
    if (!online()) return 'pending';
    void uploader.drain();
    const settlement = await uploader.waitFor(queueId, UPLOAD_WAIT_MS);
    if (settlement === 'conflict') {
      const row = queue.get(queueId);
      // The cashier sees the refusal right now: it stays in the queue's history, not among conflicts to handle.
      queue.markHandled(queueId, t('sync.shown_to_cashier'));
      deps.onQueued();
      throw new ContractFailure(contractCodeOf(row?.reasonCode ?? null), row?.reason ?? t('errors.platform_error'));
    }
    return settlement;
  }

  /**
   * A booking whose séance is outside the window is only validated with the cashier's confirmation: the rule lives
   * here, not only on screen, so no caller can admit Thursday's booking tonight by accident. Returns the séance's
   * start when it was read (null when accepted without reading it, or unknown).
   */
  async function refuseOtherSeanceUnlessAccepted(booking: KnownBooking, accepted: boolean): Promise<string | null> {
    if (accepted) return null;
    const start = await seanceStart(booking);
    const timing = seanceTiming(start, deps.clock(), deps.seanceWindow(), deps.timeZone());
    if (start === null || timing === null || timing === 'in_window') return start;
    throw new ContractFailure(
      'seance_outside_window',
      t('errors.seance_outside_window', { when: formatSeance(start, deps.timeZone()) }),
    );
  }

  async function validate(token: string, options: { acceptOtherSeance?: boolean } = {}): Promise<Validation> {
    confirmations.overtake(token);
    refuseWhileDiskFull();
    if (standingValidation(token)) throw new ContractFailure('already_used');
    const known = cache.byToken(token);
    if (!known && !online()) throw new ContractFailure('countermark_unknown', t('sync.unknown_offline'));
    // Read here for the séance rule, the séance's start is the slip's too: one read, not two.
    let start: string | null = null;
    if (known) {
      refuseUnlessValidatable(known);
      start = await refuseOtherSeanceUnlessAccepted(known, options.acceptOtherSeance === true);
    }

    let queueId = 0;
    const at = now();
    const ledgerId = record(
      {
        kind: 'validation',
        token,
        bookingId: known?.bookingId ?? null,
        outcome: 'validated',
        platformStatus: null,
        platformAnswer: null,
      },
      (id) => {
        queueId = queue.add({
          ledgerId: id,
          action: 'use',
          token,
          bookingId: known?.bookingId ?? null,
          provisional: false,
          // Nothing older waiting: it goes out right now, so it is marked as sent in this same commit.
          sendingNow: online() && queue.isIdle(),
        });
        if (known) cache.setStatus(known.bookingId, 'USED', at);
      },
    );
    logger.info(
      { token: maskToken(token), ledgerId, otherSeance: options.acceptOtherSeance === true },
      'countermark validated',
    );
    const uploaded = await upload(queueId);
    const validation: Validation = {
      token,
      ledgerId,
      validatedAt: at,
      // The séance was fetched at the lookup; a slow platform must not hold the cashier much past the upload wait.
      booking: start !== null && known ? bookingView(known, start) : await viewOf(known, performance.now() + 500),
      message:
        uploaded === 'sent'
          ? t('verdict.validated', { places: placesText(known?.quantity ?? 1) })
          : t('sync.pending_upload'),
      upload: uploaded,
    };
    try {
      deps.onValidated?.(validation);
    } catch (error) {
      logger.error({ err: describe(error) }, 'after-validation hook failed');
    }
    return validation;
  }

  /** Offline: a booking found by name, bound to the scanned token; the uploader checks both match. */
  async function validateProvisional(token: string, bookingId: number, options: { acceptOtherSeance?: boolean } = {}) {
    confirmations.overtake(token);
    refuseWhileDiskFull();
    const booking = cache.byId(bookingId);
    if (!booking) throw new ContractFailure('countermark_unknown', t('sync.booking_not_found'));
    refuseUnlessValidatable(booking);
    await refuseOtherSeanceUnlessAccepted(booking, options.acceptOtherSeance === true);
    if (standingValidation(token)) throw new ContractFailure('already_used');
    let queueId = 0;
    const at = now();
    const ledgerId = record(
      { kind: 'validation', token, bookingId, outcome: 'provisional', platformStatus: null, platformAnswer: null },
      (id) => {
        queueId = queue.add({ ledgerId: id, action: 'use', token, bookingId, provisional: true });
        cache.setStatus(bookingId, 'USED', at);
      },
    );
    logger.info({ token: maskToken(token), ledgerId, bookingId }, 'provisional validation');
    const uploaded = await upload(queueId);
    return {
      token,
      ledgerId,
      validatedAt: at,
      message:
        uploaded === 'sent'
          ? t('verdict.validated', { places: placesText(booking.quantity) })
          : t('sync.provisional_recorded'),
    };
  }

  async function undo(token: string): Promise<Undo> {
    confirmations.overtake(token);
    refuseWhileDiskFull();
    const v = deps.standings.ofToken(token).validation;
    if (!v) throw new ContractFailure('not_undoable');
    if (v.fromMain) throw new ContractFailure('not_undoable', t('errors.undo_at_main', { counter: v.counterName }));
    const refusal = deps.undoRefusal?.(v) ?? null;
    if (refusal !== null) throw new ContractFailure('forbidden', refusal);
    const standing = { id: v.ledgerId, bookingId: v.bookingId };
    const use = queue.byLedgerId(standing.id);
    // Never sent: nothing to tell the platform, the use is simply dropped from the queue.
    const unsent = use !== undefined && use.state === 'pending' && use.attempts === 0;
    const at = now();
    const bookingId = standing.bookingId;
    let queueId: number | null = null;
    const ledgerId = record(
      { kind: 'undo', token, bookingId, outcome: 'undone', platformStatus: null, platformAnswer: null },
      (id) => {
        if (unsent) queue.markDone(use.id, t('sync.cancelled_before_sending'));
        else queueId = queue.add({ ledgerId: id, action: 'keep', token, bookingId, provisional: false });
        if (bookingId !== null) cache.setStatus(bookingId, 'CONFIRMED', at);
      },
    );
    logger.info({ token: maskToken(token), ledgerId }, 'validation undone');
    const uploaded = queueId === null ? 'sent' : await upload(queueId);
    return {
      token,
      ledgerId,
      undoneAt: at,
      message: uploaded === 'sent' ? t('verdict.undone') : t('sync.pending_upload'),
      upload: uploaded,
    };
  }

  return { lookup, validate, validateProvisional, undo };
}

/** Ledger outcome of a platform error: the refusal reason when there is one, else the error code. */
function outcomeOf(error: PlatformError): string {
  if (error.code === 'not_confirmed') return 'not_yet';
  return refusalFor(error.code) ?? error.code;
}

/** The contract error of each reason a booking cannot be validated now. */
const REFUSAL_CODES = {
  used: 'already_used',
  cancelled: 'cancelled',
  reimbursed: 'reimbursed',
  not_yet: 'not_confirmed',
} as const satisfies Record<Exclude<Validatability, { ok: true }>['reason'], ErrorCode>;

/** A queue conflict's reason code as a contract error code. */
function contractCodeOf(reasonCode: string | null): ErrorCode {
  if (reasonCode === 'used_elsewhere') return 'already_used';
  const parsed = errorCodeSchema.safeParse(reasonCode);
  return parsed.success ? parsed.data : 'platform_error';
}

export type Guichet = ReturnType<typeof createGuichet>;
