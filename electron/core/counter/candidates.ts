/**
 * A scan that reads as several countermarks (keyboard layouts disagree, docs/peers.md) is never guessed: this
 * says which readings are real bookings. The local mirror answers first (a token it knows exists); the others
 * are asked of the platform — 404 means no such countermark for this key, while a booking JSON or a refusal
 * about the booking (used, cancelled, reimbursed, not confirmed yet, offerer closed) proves it exists.
 * Anything else (offline, timeout, 401, 429…) leaves the reading unchecked, and the cashier is asked.
 * Probing writes no ledger row and keeps nothing: only the lookup that follows, on one token, is the cashier's.
 */
import type { ErrorCode } from '../../../shared/contract';
import type { BookingCache } from '../db/bookingCache';
import type { Gateway } from '../platform/gateway';
import { isPlatformError } from '../platform/errors';
import type { Connectivity } from '../sync/connectivity';

/** Refusals that are about an existing booking (docs/platform.md, errors of the token lookup). */
const PROVES_EXISTENCE: ReadonlySet<ErrorCode> = new Set([
  'already_used',
  'cancelled',
  'reimbursed',
  'not_confirmed',
  'offerer_closed',
  'booking_refused',
]);

/** The cashier is waiting, and there may be a lookup after this: probes get a short timeout. */
const PROBE_TIMEOUT_MS = 2000;

export interface CandidateResolverDeps {
  cache: Pick<BookingCache, 'byToken'>;
  gateway: Gateway;
  connectivity: () => Pick<Connectivity, 'isOnline'>;
}

export interface CandidateAnswer {
  existing: string[];
  unchecked: string[];
}

type Existence = 'exists' | 'absent' | 'unchecked';

export function createCandidateResolver(deps: CandidateResolverDeps) {
  async function probe(token: string): Promise<Existence> {
    if (deps.cache.byToken(token)) return 'exists';
    if (!deps.connectivity().isOnline()) return 'unchecked';
    try {
      await deps.gateway('cashier', (c, time) => c.getBookingByToken(token, { timeoutMs: time.timeoutMs() }), {
        deadlineMs: PROBE_TIMEOUT_MS,
      });
      return 'exists';
    } catch (error) {
      if (!isPlatformError(error)) throw error;
      if (error.code === 'countermark_unknown') return 'absent';
      return PROVES_EXISTENCE.has(error.code) ? 'exists' : 'unchecked';
    }
  }

  return async function resolveCandidates(candidates: readonly string[]): Promise<CandidateAnswer> {
    const outcomes = await Promise.all(candidates.map(probe));
    return {
      existing: candidates.filter((_, i) => outcomes[i] === 'exists'),
      unchecked: candidates.filter((_, i) => outcomes[i] === 'unchecked'),
    };
  };
}
