import { useEffect, useRef } from 'react';
import { useCounterSettings } from '../../context/counterSettingsContext';
import { playVerdictSound, type VerdictSound } from '../../sounds/verdictSounds';
import type { CounterPanel } from './counterPanel';

/** The sound of what the panel says (null: silence, e.g. an undo). */
export function soundOf(panel: CounterPanel): VerdictSound | null {
  switch (panel.kind) {
    case 'verdict':
      switch (panel.verdict.kind) {
        case 'valid':
          return 'valid';
        case 'refused':
          return 'refused';
        case 'other_seance':
        case 'not_yet':
        case 'unverifiable':
          return 'warning';
      }
      return null;
    case 'validated':
    case 'provisional':
      return 'validated';
    case 'foreign':
      return 'not_countermark';
    case 'error':
      return 'warning';
    case 'undone':
      return null;
  }
}

/** What makes a panel a new answer (not the same one updated, e.g. "sera envoyée" turned "envoyée"). */
const identities = new WeakMap<object, number>();
let nextIdentity = 1;
function answerKey(panel: CounterPanel): string {
  const ledgerId =
    panel.kind === 'verdict'
      ? panel.verdict.ledgerId
      : panel.kind === 'validated' || panel.kind === 'provisional'
        ? panel.validation.ledgerId
        : panel.kind === 'undone'
          ? panel.undo.ledgerId
          : null;
  if (ledgerId !== null) return `${panel.kind}:${ledgerId}:${panel.kind === 'verdict' ? panel.verdict.kind : ''}`;
  let identity = identities.get(panel);
  if (identity === undefined) {
    identity = nextIdentity++;
    identities.set(panel, identity);
  }
  return `${panel.kind}#${identity}`;
}

/**
 * Plays each new answer's sound once, after it is on screen (the verdict is never held for audio), at the
 * volume set in Réglages; `play` is for answers that are not panels (a typo refused inline).
 */
export function useVerdictSounds(panel: CounterPanel | null) {
  const { sound } = useCounterSettings();
  const lastKey = useRef<string | null>(null);
  const volume = sound.enabled ? sound.volume : 0;

  useEffect(() => {
    if (!panel) return;
    const key = answerKey(panel);
    if (key === lastKey.current) return;
    lastKey.current = key;
    const kind = soundOf(panel);
    if (!kind) return;
    // After the verdict is painted: a sound a frame later is not heard as late, a verdict held for audio would be.
    // Not cancelled if the panel is updated meanwhile (e.g. "envoyée"): it is the same answer, heard once.
    requestAnimationFrame(() => window.setTimeout(() => playVerdictSound(kind, volume)));
  }, [panel, volume]);

  return {
    play: (kind: VerdictSound) => playVerdictSound(kind, volume),
  };
}
