/**
 * A séance's day and time as the manager types them (the venue's wall clock) → the instant it starts, and the
 * check pass Culture makes on it: "The datetime must be in the future." (pcapi, `dates.N.beginningDatetime`).
 * Used by the form, to refuse it before anything is sent, and by the core.
 */
import { t } from './i18n';
import { venueTimeMs } from './venueTime';

/** Why a séance cannot be scheduled then, in French, or null: it must start after `nowMs`. */
export function seanceStartProblem(day: string, time: string, timeZone: string, nowMs: number): string | null {
  if (venueTimeMs(day, time, timeZone) > nowMs) return null;
  const [year, month, date] = day.split('-');
  return t('programme.seance.in_past', { day: `${date}/${month}/${year}`, time });
}
