/**
 * Telling a scanner from a person by timing alone (docs/peers.md): scanners type 1–10 ms per key, a few models
 * ~80 ms but like a metronome; people need 100 ms or more, and never keep an even beat over six keys.
 */
export type Rhythm = 'fast' | 'slow' | 'typing';

/** The shortest scan worth the name: a bare countermark has six characters. */
export const MIN_SCAN_LENGTH = 6;
/** A median gap at or under this is machine speed (onScan.js uses 30 ms; a little slack for USB polling). */
export const FAST_GAP_MS = 35;
/** No gap of a scan is longer than this, slow scanners included. */
export const MAX_SCAN_GAP_MS = 100;
/** After this long without a key, a burst is over (scanners that send no suffix). */
export const IDLE_END_MS = 150;
/** A slow scanner's gaps stay within this distance of their median (or 25 % of it, whichever is larger). */
const SLOW_JITTER_MS = 15;

function median(sorted: readonly number[]): number {
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** Classifies the times (ms) of a burst's character keys. */
export function rhythmOf(times: readonly number[]): Rhythm {
  if (times.length < MIN_SCAN_LENGTH) return 'typing';
  const gaps: number[] = [];
  for (let i = 1; i < times.length; i++) gaps.push((times[i] ?? 0) - (times[i - 1] ?? 0));
  if (gaps.some((gap) => gap < 0 || gap > MAX_SCAN_GAP_MS)) return 'typing';
  const sorted = [...gaps].sort((a, b) => a - b);
  const middle = median(sorted);
  if (middle <= FAST_GAP_MS) return 'fast';
  const jitter = Math.max(SLOW_JITTER_MS, middle * 0.25);
  const isEven = (sorted[0] ?? 0) >= middle - jitter && (sorted.at(-1) ?? 0) <= middle + jitter;
  return isEven ? 'slow' : 'typing';
}
