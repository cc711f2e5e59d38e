/**
 * Some scanners send every scan twice, and a hand may linger over a QR code: the same scan again within
 * 1.5 s is dropped (its keys are still stopped). A burst counts as the same when its keys are the same.
 */
import type { Keystroke } from './keystroke';

export const DUPLICATE_WINDOW_MS = 1500;

export function keystrokeSignature(strokes: readonly Keystroke[]): string {
  return strokes.map((s) => `${s.code}/${s.key}/${s.shift ? 1 : 0}${s.altGraph ? 1 : 0}`).join(' ');
}

export function createDuplicateFilter(windowMs = DUPLICATE_WINDOW_MS) {
  let last: { key: string; at: number } | null = null;
  /** What `isRepeat` would answer, without counting this as seen (a scan not finished yet). */
  const wouldRepeat = (key: string, at: number): boolean =>
    last !== null && last.key === key && at - last.at <= windowMs;
  return {
    /** True when `key` is the same as the previous one, seen within the window (which then restarts). */
    isRepeat(key: string, at: number): boolean {
      const isRepeat = wouldRepeat(key, at);
      last = { key, at };
      return isRepeat;
    },
    wouldRepeat,
  };
}
