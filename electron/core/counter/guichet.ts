/**
 * The guichet flow: look a countermark up, validate it ("use"), undo a validation made here ("keep").
 * Every outcome the platform gives is written to the ledger before the cashier sees it.
 */
import type { Logger } from 'pino';
import type { Undo, Validation, Verdict } from '../../../shared/contract';
import { maskToken, parseCountermark } from '../../../shared/countermark';
import { t } from '../../../shared/i18n';
import type { BookingCache, KnownBooking } from '../db/bookingCache';
import type { Ledger, LedgerAppend } from '../db/ledger';
import { ContractFailure } from '../contractFailure';
import type { PlatformClient } from '../platform/client';
import { isPlatformError, type PlatformError } from '../platform/errors';
import { bookingView, notYetVerdict, placesText, refusalFor, refusedVerdict, validVerdict } from './verdict';

export interface GuichetDeps {
  client: PlatformClient;
  ledger: Ledger;
  cache: BookingCache;
  counterName: string;
  now: () => string;
  logger: Logger;
  /** Called after each ledger row is written (drives the `ledger.changed` event). */
  onLedgerRow: (entryId: number, kind: LedgerAppend['kind']) => void;
  /** Called once a validation is recorded (e.g. to print the entry slip); must not throw or block. */
  onValidated?: (validation: Validation) => void;
}

/** Séance times are fetched once per film; a slow answer must not hold the verdict for long. */
const SEANCE_FETCH_TIMEOUT_MS = 1500;
const DATES_PAGE = 50;

export function createGuichet(deps: GuichetDeps) {
  const { client, ledger, cache, counterName, now, logger } = deps;

  function record(row: Omit<LedgerAppend, 'at' | 'counterName'>, alongWith?: () => void): number {
    const id = ledger.append({ ...row, at: now(), counterName }, alongWith);
    deps.onLedgerRow(id, row.kind);
    return id;
  }

  /** Séance start of a booking: from the cache, else all dates of its film fetched once. Null if unreachable. */
  async function seanceStart(booking: KnownBooking): Promise<string | null> {
    const cached = cache.seance(booking.stockId);
    if (cached) return cached.beginningDatetime;
    try {
      for (let firstIndex = 1; ;) {
        const page = await client.getEventDates(
          booking.offerId,
          { firstIndex, limit: DATES_PAGE },
          { timeoutMs: SEANCE_FETCH_TIMEOUT_MS },
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

  async function viewOf(booking: KnownBooking | undefined) {
    return booking ? bookingView(booking, await seanceStart(booking)) : null;
  }

  async function lookup(text: string): Promise<Verdict> {
    const parsed = parseCountermark(text);
    if (!parsed.ok) throw new ContractFailure('not_a_countermark');
    const token = parsed.token;

    try {
      const found = await client.getBookingByToken(token);
      let known: KnownBooking | undefined;
      const ledgerId = record(
        { kind: 'lookup', token, bookingId: found.id, outcome: 'valid', platformStatus: 200, platformAnswer: null },
        () => (known = cache.remember(token, found, now())),
      );
      return validVerdict({ token, ledgerId, booking: await viewOf(known) });
    } catch (error) {
      if (!isPlatformError(error)) throw error;
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
      if (error.code === 'not_confirmed') {
        return notYetVerdict({ token, ledgerId, booking: await viewOf(known) }, error.message, error.validatableFrom);
      }
      if (!reason) throw new ContractFailure(error.code, error.message);
      const standing = reason === 'used' ? ledger.standingValidation(token) : null;
      const undo = standing ? { validatedAt: standing.at, ledgerId: standing.id } : null;
      const booking = reason === 'unknown' ? null : await viewOf(known);
      return refusedVerdict({ token, ledgerId, booking }, reason, error.message, undo);
    }
  }

  async function validate(token: string): Promise<Validation> {
    const known = cache.byToken(token);
    try {
      await client.useToken(token);
    } catch (error) {
      if (!isPlatformError(error)) throw error;
      record({
        kind: 'validation',
        token,
        bookingId: known?.bookingId ?? null,
        outcome: outcomeOf(error),
        platformStatus: error.status,
        platformAnswer: error.body,
      });
      throw new ContractFailure(error.code, error.message);
    }
    const at = now();
    const ledgerId = record(
      {
        kind: 'validation',
        token,
        bookingId: known?.bookingId ?? null,
        outcome: 'validated',
        platformStatus: 204,
        platformAnswer: null,
      },
      known ? () => cache.setStatus(known.bookingId, 'USED', at) : undefined,
    );
    logger.info({ token: maskToken(token), ledgerId }, 'countermark validated');
    const booking = await viewOf(known);
    const validation: Validation = {
      token,
      ledgerId,
      validatedAt: at,
      booking,
      message: t('verdict.validated', { places: placesText(known?.quantity ?? 1) }),
    };
    try {
      deps.onValidated?.(validation);
    } catch (error) {
      logger.error({ err: describe(error) }, 'after-validation hook failed');
    }
    return validation;
  }

  async function undo(token: string): Promise<Undo> {
    const standing = ledger.standingValidation(token);
    if (!standing) throw new ContractFailure('not_undoable');
    try {
      await client.keepToken(token);
    } catch (error) {
      if (!isPlatformError(error)) throw error;
      record({
        kind: 'undo',
        token,
        bookingId: standing.bookingId,
        outcome: outcomeOf(error),
        platformStatus: error.status,
        platformAnswer: error.body,
      });
      throw new ContractFailure(error.code, error.message);
    }
    const at = now();
    const bookingId = standing.bookingId;
    const ledgerId = record(
      { kind: 'undo', token, bookingId, outcome: 'undone', platformStatus: 204, platformAnswer: null },
      bookingId !== null ? () => cache.setStatus(bookingId, 'CONFIRMED', at) : undefined,
    );
    logger.info({ token: maskToken(token), ledgerId }, 'validation undone');
    return { token, ledgerId, undoneAt: at, message: t('verdict.undone') };
  }

  return { lookup, validate, undo };
}

/** Ledger outcome of a platform error: the refusal reason when there is one, else the error code. */
function outcomeOf(error: PlatformError): string {
  if (error.code === 'not_confirmed') return 'not_yet';
  return refusalFor(error.code) ?? error.code;
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

export type Guichet = ReturnType<typeof createGuichet>;
