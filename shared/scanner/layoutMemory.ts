/**
 * What the counter knows about each scanner's layout: the readings that turned a full QR payload (or the
 * calibration code) into sense, last time. Keyboard-wedge scanners all arrive as one keyboard, so they share
 * one entry; dedicated scanners send characters, not keys, and need none.
 */
import type { ReadingSource } from './readingSource';

/** Device id of every keyboard-wedge scanner (the browser cannot tell keyboards apart). */
export const WEDGE_DEVICE = 'keyboard';

export interface LayoutKnowledge {
  device: string;
  /** Readings that agree with what this scanner meant (e.g. `typed`, `fr`, `be` for an AZERTY scanner on an AZERTY PC). */
  sources: ReadingSource[];
  via: 'qr' | 'calibration';
  learntAt: string;
}

export function knownSources(memory: readonly LayoutKnowledge[], device: string): ReadingSource[] | null {
  return memory.find((entry) => entry.device === device)?.sources ?? null;
}

/** The memory with `device`'s entry replaced (latest evidence wins: the scanner may have been reconfigured). */
export function rememberLayout(memory: readonly LayoutKnowledge[], entry: LayoutKnowledge): LayoutKnowledge[] {
  return [...memory.filter((known) => known.device !== entry.device), entry];
}

export function forgetLayout(memory: readonly LayoutKnowledge[], device: string): LayoutKnowledge[] {
  return memory.filter((known) => known.device !== device);
}

export function sameSources(a: readonly ReadingSource[] | null, b: readonly ReadingSource[] | null): boolean {
  return a !== null && b !== null && a.length === b.length && a.every((source) => b.includes(source));
}
