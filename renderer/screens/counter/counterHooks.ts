/**
 * The guichet's hooks: what reaches it besides typing (scans, its function keys, the focus kept on the code field)
 * and what it gives back besides the screen (verdict sounds, slip reprints).
 */
import { useEffect, useEffectEvent, useLayoutEffect, useRef, useState } from 'react';
import type { ReadingSource } from '../../../shared/scanner/readingSource';
import { useApi } from '../../context/coreContext';
import { useCounterSettings } from '../../context/counterSettingsContext';
import { playVerdictSound, type VerdictSound } from '../../sounds/webAudio';
import { useScanListener } from '../../scanner/scannerContext';
import { resolvedCandidate } from './counterDesk';
import { answerKey, soundOf, type CounterPanel, type ReprintState } from './counterPanel';

export interface Ambiguity {
  candidates: string[];
  /** `checking`: asking the core; `asking`: waiting for the cashier. */
  status: 'checking' | 'asking';
  existing: string[];
  unchecked: string[];
}

export interface CounterScanHandlers {
  /** A scan arrived: close what it interrupts (dialogs, the text being typed). */
  interrupt(): void;
  lookUp(token: string): void;
  /** Not a countermark: the scan's readings (one per keyboard layout), to tell what it likely is. */
  refuse(readings: string[]): void;
}

/**
 * Scans at the guichet. One countermark: looked up like a typed code. Readings that disagree: asked to the core
 * (`resolvedCandidate`), else the cashier picks. A newer scan replaces the question.
 */
export function useCounterScans(handlers: CounterScanHandlers) {
  const api = useApi();
  const [ambiguity, setAmbiguity] = useState<Ambiguity | null>(null);
  const [learnt, setLearnt] = useState<readonly ReadingSource[] | null>(null);
  const sequence = useRef(0);
  // The core answers later: by then the guichet's state (e.g. a green verdict) may have changed.
  const latest = useRef(handlers);
  useLayoutEffect(() => {
    latest.current = handlers;
  });

  function resolve(candidates: string[]): void {
    const current = ++sequence.current;
    setAmbiguity({ candidates, status: 'checking', existing: [], unchecked: [] });
    void api.call('counter.resolveCandidates', { candidates }).then((envelope) => {
      if (sequence.current !== current) return; // a newer scan, or dismissed
      const { existing, unchecked } = envelope.ok ? envelope.value : { existing: [], unchecked: candidates };
      const only = resolvedCandidate(existing, unchecked);
      if (only !== null) {
        setAmbiguity(null);
        latest.current.lookUp(only);
      } else setAmbiguity({ candidates, status: 'asking', existing, unchecked });
    });
  }

  function dismiss(): void {
    sequence.current += 1;
    setAmbiguity(null);
  }

  useScanListener((record) => {
    if (!record.isScan) return false;
    if (record.isRepeat) return true;
    const decision = record.analysis.decision;
    if (decision.kind === 'calibration') {
      // A dedicated scanner sends characters: there is no layout to learn from it.
      if (decision.learnt.length > 0) setLearnt(decision.learnt);
      return true;
    }
    handlers.interrupt();
    dismiss();
    setLearnt(null);
    if (decision.kind === 'token') handlers.lookUp(decision.token);
    else if (decision.kind === 'ambiguous') resolve(decision.candidates);
    else handlers.refuse(record.analysis.readings.map((reading) => reading.text));
    return true;
  });

  return {
    ambiguity,
    /** The layout the calibration code just taught, for a one-line confirmation. */
    learnt,
    pick(token: string): void {
      dismiss();
      handlers.lookUp(token);
    },
    dismiss(): void {
      dismiss();
      setLearnt(null);
    },
  };
}

interface CounterKeys {
  isPaused: boolean;
  /** F2: back to the previous verdict nobody validated. */
  onPrevious: () => void;
  /** F4: reprint the slip of the entry just validated. */
  onReprint: () => void;
}

/**
 * The guichet's function keys. Function keys only: a scanner never sends them (its suffix is Enter or Tab, and
 * the wedge capture stops those), letters and digits belong to the code field, and F2/F4 have no browser action.
 */
export function useCounterKeys(keys: CounterKeys): void {
  const handle = useEffectEvent((event: KeyboardEvent) => {
    if (keys.isPaused || event.defaultPrevented || event.repeat) return;
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    if (event.key === 'F2') {
      event.preventDefault();
      keys.onPrevious();
    } else if (event.key === 'F4') {
      event.preventDefault();
      keys.onReprint();
    }
  });
  useEffect(() => {
    const listener = (event: KeyboardEvent) => handle(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);
}

/** Controls that keep the focus a click gave them; anywhere else, the code field takes it back. */
const KEEPS_FOCUS = 'input, textarea, select, dialog, [contenteditable="true"]';

/**
 * The cashier's next scan must land in the code field: a click elsewhere on the page, or coming back to the
 * window, returns the focus to it. Paused while a dialog is open; a text selection is left alone.
 */
export function useFieldFocusKeeper(focusField: () => void, isPaused: boolean): void {
  const refocus = useEffectEvent((target: EventTarget | null) => {
    if (isPaused) return;
    if (target instanceof Element && target.closest(KEEPS_FOCUS)) return;
    const selection = window.getSelection();
    if (selection && !selection.isCollapsed) return;
    focusField();
  });

  useEffect(() => {
    const onClick = (event: MouseEvent) => refocus(event.target);
    const onWindowFocus = () => refocus(null);
    window.addEventListener('click', onClick);
    window.addEventListener('focus', onWindowFocus);
    return () => {
      window.removeEventListener('click', onClick);
      window.removeEventListener('focus', onWindowFocus);
    };
  }, []);
}

/** The slip reprint asked from the validated panel (F4 or its button), and what became of it. */
export function useReprint() {
  const api = useApi();
  const [reprint, setReprint] = useState<ReprintState | null>(null);
  return {
    /** The state for this ledger entry's slip, or null when none was asked. */
    of: (ledgerId: number): ReprintState | null => (reprint?.ledgerId === ledgerId ? reprint : null),
    async reprint(ledgerId: number): Promise<void> {
      if (reprint?.ledgerId === ledgerId && reprint.state === 'busy') return;
      setReprint({ ledgerId, state: 'busy' });
      const envelope = await api.call('printer.reprint', { ledgerId });
      setReprint(
        envelope.ok ? { ledgerId, state: 'sent' } : { ledgerId, state: 'error', message: envelope.error.message },
      );
    },
  };
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
