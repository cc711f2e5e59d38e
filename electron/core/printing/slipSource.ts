/**
 * Slip data for a ledger entry, read back from the database (for a reprint from the journal): the validation row,
 * the booking as the counter knows it, and its séance when known.
 */
import type { Validation } from '../../../shared/contract';
import type { Ledger } from '../db/ledger';
import type { EntrySlipData } from './entrySlip';

/** Ledger outcomes of a validation that let the person in (online, or provisional while offline). */
export const ENTRY_OUTCOMES: readonly string[] = ['validated', 'provisional'];

export interface SlipContext {
  counterName: string;
  timeZone: string;
  venueName: string | null;
}

export function createSlipSource(ledger: Pick<Ledger, 'withBooking'>) {
  return {
    /** Null when the entry does not exist or is not an entry (a lookup, an undo, a refused validation). */
    forLedgerEntry(ledgerId: number, context: SlipContext): EntrySlipData | null {
      const row = ledger.withBooking(ledgerId);
      if (!row || row.kind !== 'validation' || !ENTRY_OUTCOMES.includes(row.outcome)) return null;
      const b = row.booking;
      return {
        ledgerId: row.id,
        token: row.token,
        validatedAt: row.at,
        counterName: row.counterName,
        cinemaName: b?.venueName ?? context.venueName,
        offerName: b?.offerName ?? null,
        seanceStart: row.seanceStart ?? null,
        quantity: b?.quantity ?? 1,
        isDuo: (b?.quantity ?? 1) >= 2,
        priceCategoryLabel: b?.priceCategoryLabel ?? null,
        unitPriceCents: b?.unitPriceCents ?? null,
        totalPriceCents: b ? b.unitPriceCents * b.quantity : null,
        firstName: b?.firstName ?? null,
        lastName: b?.lastName ?? null,
        timeZone: context.timeZone,
      };
    },
  };
}

/** Slip data straight from a validation the guichet just recorded (no database read on the hot path). */
export function slipDataOfValidation(validation: Validation, context: SlipContext): EntrySlipData {
  const b = validation.booking;
  return {
    ledgerId: validation.ledgerId,
    token: validation.token,
    validatedAt: validation.validatedAt,
    counterName: context.counterName,
    cinemaName: b?.venueName ?? context.venueName,
    offerName: b?.offerName ?? null,
    seanceStart: b?.seanceStart ?? null,
    quantity: b?.quantity ?? 1,
    isDuo: b?.isDuo ?? false,
    priceCategoryLabel: b?.priceCategoryLabel ?? null,
    unitPriceCents: b?.unitPriceCents ?? null,
    totalPriceCents: b?.totalPriceCents ?? null,
    firstName: b?.firstName ?? null,
    lastName: b?.lastName ?? null,
    timeZone: context.timeZone,
  };
}
