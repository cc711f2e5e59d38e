/**
 * The verdict from this counter's own data, for when the platform cannot answer (or does not know yet about
 * an action made here): the mirrored booking's status and confirmation date, and the ledger.
 */
import type { Verdict } from '../../../shared/contract';
import { formatDateTime } from '../../../shared/dates';
import { t } from '../../../shared/i18n';
import { validatability } from '../../../shared/validatable';
import type { KnownBooking } from '../db/bookingCache';
import { notYetVerdict, refusedVerdict, unverifiableVerdict, validVerdict } from './verdict';

export interface LocalFacts {
  known: KnownBooking | undefined;
  /** A validation made at this counter that stands (not undone). */
  standing: {
    id: number;
    at: string;
    counterName: string;
    /** Who validated it, and whether the person asking may undo it (staff/staffService.ts). */
    personName?: string | null;
    allowed?: boolean;
  } | null;
  now: Date;
  timeZone: string;
  /** Online, a local verdict is only the first answer (local-first): no "offline" wording then. */
  online: boolean;
}

/** `token`, `ledgerId` and `booking` are filled in by the caller (they need the ledger row and séance). */
type PartialVerdict = Omit<Verdict, 'token' | 'ledgerId' | 'booking'>;

export function localVerdict(facts: LocalFacts): { verdict: PartialVerdict; outcome: string } {
  const base = { token: '', ledgerId: 0, booking: null, source: 'local' as const };
  const strip = ({ token: _t, ledgerId: _l, booking: _b, ...rest }: Verdict): PartialVerdict => rest;
  const { known, standing } = facts;

  if (standing) {
    const undo = {
      validatedAt: standing.at,
      ledgerId: standing.id,
      personName: standing.personName ?? null,
      allowed: standing.allowed ?? true,
    };
    const usedBy = {
      where: 'here' as const,
      at: standing.at,
      counterName: standing.counterName,
      personName: standing.personName ?? null,
    };
    return { verdict: strip(refusedVerdict(base, 'used', t('errors.already_used'), undo, usedBy)), outcome: 'used' };
  }
  if (!known) return { verdict: strip(unverifiableVerdict(base)), outcome: 'unverifiable' };
  const rule = validatability(known, facts.now);
  if (!rule.ok) {
    switch (rule.reason) {
      case 'used': {
        const usedBy = { where: 'elsewhere' as const, at: null, counterName: null };
        return {
          verdict: strip(refusedVerdict(base, 'used', t('errors.already_used'), null, usedBy)),
          outcome: 'used',
        };
      }
      case 'cancelled':
        return { verdict: strip(refusedVerdict(base, 'cancelled', t('errors.cancelled'))), outcome: 'cancelled' };
      case 'reimbursed':
        return { verdict: strip(refusedVerdict(base, 'reimbursed', t('errors.reimbursed'))), outcome: 'reimbursed' };
      case 'not_yet': {
        const when = formatDateTime(rule.validatableFrom, facts.timeZone).replace(' ', ' à ');
        return {
          verdict: strip(notYetVerdict(base, t('errors.not_confirmed_from', { when }), rule.validatableFrom)),
          outcome: 'not_yet',
        };
      }
    }
  }
  const message = facts.online ? t('verdict.valid') : t('sync.offline_verdict');
  return { verdict: strip(validVerdict(base, message)), outcome: 'valid' };
}
