/**
 * One short sound per kind of verdict, made with Web Audio (no file to ship, nothing for the CSP to allow), so the
 * cashier hears the answer while looking at the ID. Each kind differs in pitch, rhythm and timbre, not only loudness:
 * - `valid`: two rising notes (a question: "à valider");
 * - `validated`: three quick bright rising notes (done);
 * - `warning`: a falling two-tone, twice (not yet, another séance, offline unknown);
 * - `refused`: a low, rough buzz in two steps;
 * - `not_countermark`: two short dull blips (wrong code, nothing sent).
 */
export type VerdictSound = 'valid' | 'validated' | 'warning' | 'refused' | 'not_countermark';

interface Note {
  hz: number;
  at: number;
  duration: number;
  type: OscillatorType;
  /** Relative loudness (square waves sound louder than sines at the same gain). */
  level: number;
}

const note = (hz: number, at: number, duration: number, type: OscillatorType, level = 1): Note => ({
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

let context: AudioContext | null = null;

function audioContext(): AudioContext {
  context ??= new AudioContext();
  // A page not yet touched by the user may start suspended; resume is harmless otherwise.
  void context.resume();
  return context;
}

/** Plays `sound` at `volume` (0–100). Never throws: no audio device means no sound, nothing else. */
export function playVerdictSound(sound: VerdictSound, volume: number): void {
  if (volume <= 0) return;
  try {
    const audio = audioContext();
    const start = audio.currentTime + 0.01;
    const peak = 0.3 * (volume / 100);
    for (const n of SOUNDS[sound]) {
      const oscillator = audio.createOscillator();
      const gain = audio.createGain();
      oscillator.type = n.type;
      oscillator.frequency.value = n.hz;
      // Fast attack, short release: crisp but without clicks.
      gain.gain.setValueAtTime(0, start + n.at);
      gain.gain.linearRampToValueAtTime(peak * n.level, start + n.at + 0.01);
      gain.gain.setValueAtTime(peak * n.level, start + n.at + n.duration * 0.6);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + n.at + n.duration);
      oscillator.connect(gain).connect(audio.destination);
      oscillator.start(start + n.at);
      oscillator.stop(start + n.at + n.duration + 0.02);
    }
  } catch {
    // No audio output, or audio blocked by the browser: the screen says it all anyway.
  }
}
