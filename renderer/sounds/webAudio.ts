/**
 * The page's sounds, made with Web Audio (no file to ship, nothing for the CSP to allow), on one audio context
 * created on first use (browsers cap how many a page may open).
 *
 * One short sound per kind of verdict, so the cashier hears the answer while looking at the ID. Each kind differs
 * in pitch, rhythm and timbre, not only loudness (the notes themselves are in verdictNotes.ts):
 * - `valid`: two rising notes (a question: "à valider");
 * - `validated`: three quick bright rising notes (done);
 * - `warning`: a falling two-tone, twice (not yet, another séance, offline unknown);
 * - `refused`: a low, rough buzz in two steps;
 * - `not_countermark`: two short dull blips (wrong code, nothing sent).
 * And a soft two-note chime for booking notifications on the manager's screens.
 */
import { SOUNDS, type VerdictSound } from './verdictNotes';

export type { VerdictSound } from './verdictNotes';

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

const CHIME_NOTES = [
  { hz: 880, at: 0 },
  { hz: 1318.5, at: 0.16 },
];

/** A short, soft two-note chime for a booking notification. */
export function playChime(volume = 0.08): void {
  try {
    const audio = audioContext();
    const start = audio.currentTime;
    for (const note of CHIME_NOTES) {
      const oscillator = audio.createOscillator();
      const gain = audio.createGain();
      oscillator.type = 'sine';
      oscillator.frequency.value = note.hz;
      // Quick fade in, slow fade out: no click, nothing sharp at a quiet counter.
      gain.gain.setValueAtTime(0, start + note.at);
      gain.gain.linearRampToValueAtTime(volume, start + note.at + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + note.at + 0.6);
      oscillator.connect(gain).connect(audio.destination);
      oscillator.start(start + note.at);
      oscillator.stop(start + note.at + 0.65);
    }
  } catch {
    // No audio device, or audio blocked: the desktop notification is enough.
  }
}
