/**
 * A short, soft two-note chime made with the Web Audio API: no audio file to ship, nothing for the CSP to allow.
 * The context is created on first use and reused (browsers cap how many a page may open).
 */
let context: AudioContext | null = null;

const NOTES = [
  { hz: 880, at: 0 },
  { hz: 1318.5, at: 0.16 },
];

export function playChime(volume = 0.08): void {
  try {
    context ??= new AudioContext();
    // A page not yet touched by the user may start suspended; resume is harmless otherwise.
    void context.resume();
    const start = context.currentTime;
    for (const note of NOTES) {
      const oscillator = context.createOscillator();
      const gain = context.createGain();
      oscillator.type = 'sine';
      oscillator.frequency.value = note.hz;
      // Quick fade in, slow fade out: no click, nothing sharp at a quiet counter.
      gain.gain.setValueAtTime(0, start + note.at);
      gain.gain.linearRampToValueAtTime(volume, start + note.at + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + note.at + 0.6);
      oscillator.connect(gain).connect(context.destination);
      oscillator.start(start + note.at);
      oscillator.stop(start + note.at + 0.65);
    }
  } catch {
    // No audio device, or audio blocked: the desktop notification is enough.
  }
}
