/**
 * The whole keyboard-wedge pipeline the renderer runs on each key: bursts (wedgeAssembler), repeats dropped
 * (duplicateFilter), readings and decision (analyseScan). The caller owns the layout memory and the DOM.
 */
import { analyseKeystrokes, type ScanAnalysis } from './analyseScan';
import { createDuplicateFilter, keystrokeSignature } from './duplicateFilter';
import type { Keystroke } from './keystroke';
import type { ReadingSource } from './readingSource';
import { createWedgeAssembler, isScan, type Burst, type FocusKind } from './wedgeAssembler';

export interface WedgeBurst {
  burst: Burst;
  /** A scan (not typing) — only those reach the guichet. */
  isScan: boolean;
  /** The same scan again within 1.5 s: to be ignored. */
  isRepeat: boolean;
  analysis: ScanAnalysis;
}

export interface WedgeScannerOptions {
  /** Readings remembered as right for the keyboard wedge, read at each burst's end. */
  knownSources: () => readonly ReadingSource[] | null;
}

export function createWedgeScanner(options: WedgeScannerOptions) {
  // A scan a pause cut before it reads as a countermark may only be stalled (a loaded PC): wait for its rest.
  const assembler = createWedgeAssembler({
    isIncomplete: (strokes) =>
      analyseKeystrokes(strokes, { known: options.knownSources(), trustsMemory: false }).decision.kind ===
      'not_a_countermark',
  });
  const repeats = createDuplicateFilter();

  function finish(burst: Burst): WedgeBurst {
    const scan = isScan(burst);
    const endedAt = burst.strokes.at(-1)?.at ?? 0;
    const isRepeat = scan && repeats.isRepeat(keystrokeSignature(burst.strokes), endedAt);
    const analysis = analyseKeystrokes(burst.strokes, {
      known: options.knownSources(),
      trustsMemory: burst.rhythm === 'fast',
    });
    return { burst, isScan: scan, isRepeat, analysis };
  }

  return {
    push(stroke: Keystroke, focus: FocusKind) {
      const step = assembler.push(stroke, focus);
      return {
        swallow: step.swallow,
        started: step.started,
        reopened: step.reopened,
        bursts: step.ended.map(finish),
      };
    },
    idle(now: number): WedgeBurst | null {
      const burst = assembler.idle(now);
      return burst ? finish(burst) : null;
    },
    deadline: () => assembler.deadline(),
    isHolding: () => assembler.isHolding(),
    isScanUnderway: () => assembler.isScanUnderway(),
  };
}
