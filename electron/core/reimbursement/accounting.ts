/**
 * The platform's accounting calendar. pass-culture-main `api/src/pcapi/core/finance/utils.py` sets
 * `ACCOUNTING_TIMEZONE = pytz.timezone("Europe/Paris")`: revenue years and payment cut-offs are Paris days,
 * whatever the venue's own zone (overseas venues included).
 */
import { dayInZone } from '../../../shared/dates';

export const ACCOUNTING_TIME_ZONE = 'Europe/Paris';

/** Calendar day (YYYY-MM-DD) of an instant in the accounting zone. */
export function accountingDay(isoUtc: string): string {
  return dayInZone(isoUtc, ACCOUNTING_TIME_ZONE);
}

/** Revenue year of an instant (`_get_revenue_period` in api.py: the Europe/Paris year of the usage date). */
export function accountingYear(isoUtc: string): number {
  return Number(accountingDay(isoUtc).slice(0, 4));
}
