/**
 * Fortnightly payment cycles. What pass-culture-main confirms (`api/src/pcapi/core/finance/commands.py`
 * `generate_cashflows_and_payment_files`, `utils.py` `get_cutoff_as_datetime`, `api.py` cashflow filters):
 * a cashflow batch takes every priced booking used before a cut-off — the first second (Europe/Paris) of the
 * day the job runs — and only once its séance has started (`Stock.beginningDatetime < batch.cutoff`); batch
 * folders are named like "2022-03 - jusqu'au 15 mars".
 *
 * ESTIMATE (not in the code: the job's schedule lives in the platform's deployment): the job runs on the 16th
 * and on the 1st, so a usage on the 1st–15th falls in cycle A (cut-off the 16th), the 16th–end in cycle B
 * (cut-off the 1st of next month), and the transfer is expected during the following fortnight.
 */
import { accountingDay } from './accounting';

export interface FortnightCycle {
  /** "2025-03-A" (1st–15th) or "2025-03-B" (16th–end of month). */
  key: string;
  firstDay: string;
  lastDay: string;
  /** The day the cashflow is generated (cut-off: this day at 00:00 Europe/Paris). */
  cutoffDay: string;
  /** The fortnight during which the transfer is expected (estimate). */
  paymentFrom: string;
  paymentTo: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDayOfMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

function half(year: number, month: number, second: boolean) {
  const prefix = `${year}-${pad(month)}`;
  return second
    ? { key: `${prefix}-B`, firstDay: `${prefix}-16`, lastDay: `${prefix}-${pad(lastDayOfMonth(year, month))}` }
    : { key: `${prefix}-A`, firstDay: `${prefix}-01`, lastDay: `${prefix}-15` };
}

/** The cycle of a calendar day (YYYY-MM-DD, Europe/Paris). */
export function cycleOfDay(day: string): FortnightCycle {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  const second = Number(day.slice(8, 10)) >= 16;
  const current = half(year, month, second);
  const next = second
    ? half(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, false)
    : half(year, month, true);
  return { ...current, cutoffDay: next.firstDay, paymentFrom: next.firstDay, paymentTo: next.lastDay };
}

/**
 * The cycle a usage is paid in: a booking joins a batch only once both used and its séance started, so the
 * later of the two decides (the cashflow filter quoted above).
 */
export function cycleOfUsage(usedAt: string, seanceStart: string | null): FortnightCycle {
  const eligibleAt = seanceStart !== null && Date.parse(seanceStart) > Date.parse(usedAt) ? seanceStart : usedAt;
  return cycleOfDay(accountingDay(eligibleAt));
}
