/** Numbers typed in Réglages, read as the core will take them. Pure: no React, tested under Node. */
import { MAX_WINDOW_MINUTES } from '../../../shared/seanceWindow';

/** One side of the séance window: whole minutes from 0 to 8 days; null when it is not that. */
export function windowMinutes(text: string): number | null {
  const value = Number(text);
  return Number.isInteger(value) && value >= 0 && value <= MAX_WINDOW_MINUTES ? value : null;
}

/** The personal-data retention period: 1 to 365 whole days; null when it is not that. */
export function retentionDays(text: string): number | null {
  const value = Number(text);
  return Number.isInteger(value) && value >= 1 && value <= 365 ? value : null;
}
