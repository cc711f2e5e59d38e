/**
 * The notes of each verdict sound (pitch in Hz, start and length in seconds, waveform): data only, so tests can
 * check what the page played against it.
 */
export type Waveform = 'sine' | 'triangle' | 'square';

export type VerdictSound = 'valid' | 'validated' | 'warning' | 'refused' | 'not_countermark';

interface Note {
  hz: number;
  at: number;
  duration: number;
  type: Waveform;
  /** Relative loudness (square waves sound louder than sines at the same gain). */
  level: number;
}

const note = (hz: number, at: number, duration: number, type: Waveform, level = 1): Note => ({
  hz,
  at,
  duration,
  type,
  level,
});

export const SOUNDS: Record<VerdictSound, readonly Note[]> = {
  valid: [note(660, 0, 0.12, 'sine'), note(880, 0.13, 0.16, 'sine')],
  validated: [note(1047, 0, 0.09, 'triangle'), note(1319, 0.09, 0.09, 'triangle'), note(1568, 0.18, 0.22, 'triangle')],
  warning: [
    note(784, 0, 0.14, 'triangle'),
    note(587, 0.15, 0.14, 'triangle'),
    note(784, 0.34, 0.14, 'triangle'),
    note(587, 0.49, 0.18, 'triangle'),
  ],
  refused: [note(220, 0, 0.22, 'square', 0.35), note(165, 0.24, 0.32, 'square', 0.35)],
  not_countermark: [note(330, 0, 0.07, 'sine'), note(330, 0.12, 0.07, 'sine')],
};
