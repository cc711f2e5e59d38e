import { seanceTiming, type SeanceWindow } from '../../../shared/seanceWindow';

/** The séance is known and not one of the moment (the engine's rule, shared/seanceWindow.ts). */
export function isOutsideWindow(startUtc: string | null, window: SeanceWindow, timeZone: string): boolean {
  const timing = seanceTiming(startUtc, new Date(), window, timeZone);
  return timing !== null && timing !== 'in_window';
}
