/**
 * A séance's day and time as the manager types them (the venue's wall clock) → the instant it starts, and the
 * check pass Culture makes on it: "The datetime must be in the future." (pcapi, `dates.N.beginningDatetime`).
 * Used by the form, to refuse it before anything is sent, and by the core.
 */
import { TZDate } from '@date-fns/tz';
import { t } from './i18n';

/** `2026-03-29` + `20:30` in the venue's zone → epoch milliseconds (summer or winter time of that day). */
export function seanceStartMs(day: string, time: string, timeZone: string): number {
  const [year, month, date] = day.split('-').map(Number);
  const [hours, minutes] = time.split(':').map(Number);
  return new TZDate(year ?? 1970, (month ?? 1) - 1, date ?? 1, hours ?? 0, minutes ?? 0, timeZone).getTime();
}

/** Why a séance cannot be scheduled then, in French, or null: it must start after `nowMs`. */
export function seanceStartProblem(day: string, time: string, timeZone: string, nowMs: number): string | null {
  if (seanceStartMs(day, time, timeZone) > nowMs) return null;
  const [year, month, date] = day.split('-');
  return t('programme.seance.in_past', { day: `${date}/${month}/${year}`, time });
}
