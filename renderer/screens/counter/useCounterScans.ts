/**
 * Scans at the guichet. One countermark: looked up like a typed code. Readings that disagree (keyboard layouts,
 * docs/peers.md): the core says which exist; exactly one, with none left unchecked, is looked up — otherwise
 * the cashier picks the code printed under the QR code. Never a guess. A newer scan replaces the question.
 */
import { useLayoutEffect, useRef, useState } from 'react';
import type { ReadingSource } from '../../../shared/scanner/readingSource';
import { useApi } from '../../context/coreContext';
import { useScanListener } from '../../scanner/scannerContext';

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
      const [only] = existing;
      if (only && existing.length === 1 && unchecked.length === 0) {
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
