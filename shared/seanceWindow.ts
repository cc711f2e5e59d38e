/**
 * Is this booking for the séance of the moment? A counter admits people for the séances about to start (or just
 * started); a booking for Thursday, or for yesterday's 13:30, must not get the same green as tonight's. The window
 * is the counter's setting (default: from 1 h before the start to 30 min after it). Pure, shared by the engine
 * (which refuses to validate outside the window without an explicit confirmation) and the screens.
 */
import { dayInZone } from './dates';

export interface SeanceWindow {
  /** Minutes before the start from which people are admitted. */
  beforeMinutes: number;
  /** Minutes after the start until which latecomers are admitted. */
  afterMinutes: number;
}

export const DEFAULT_SEANCE_WINDOW: SeanceWindow = { beforeMinutes: 60, afterMinutes: 30 };
/** Bound of each side of the setting: 8 days, i.e. a counter may choose to admit any séance of the week. */
export const MAX_WINDOW_MINUTES = 8 * 24 * 60;
/** The widest window: no séance check (any séance of the week is admitted). */
export const ANY_SEANCE_WINDOW: SeanceWindow = { beforeMinutes: MAX_WINDOW_MINUTES, afterMinutes: MAX_WINDOW_MINUTES };

/**
 * `in_window`: admit now. `past`: the window has closed (earlier today, or another day). `later_today`: today, but
 * not yet. `other_day`: a later day.
 */
export type SeanceTiming = 'in_window' | 'past' | 'later_today' | 'other_day';

const MINUTE_MS = 60_000;

/** Where `now` stands against the séance starting at `startUtc`; null when the séance is not known. */
export function seanceTiming(
  startUtc: string | null,
  now: Date,
  window: SeanceWindow,
  timeZone: string,
): SeanceTiming | null {
  if (!startUtc) return null;
  const start = new Date(startUtc).getTime();
  if (Number.isNaN(start)) return null;
  const at = now.getTime();
  if (at > start + window.afterMinutes * MINUTE_MS) return 'past';
  if (at >= start - window.beforeMinutes * MINUTE_MS) return 'in_window';
  return dayInZone(startUtc, timeZone) === dayInZone(now.toISOString(), timeZone) ? 'later_today' : 'other_day';
}

/** Days between the venue-local calendar days of `now` and of the séance (−1 = yesterday, 1 = tomorrow). */
export function dayOffset(startUtc: string, now: Date, timeZone: string): number {
  const toNoon = (day: string) => new Date(`${day}T12:00:00Z`).getTime();
  const diff = toNoon(dayInZone(startUtc, timeZone)) - toNoon(dayInZone(now.toISOString(), timeZone));
  return Math.round(diff / (24 * 60 * MINUTE_MS));
}
