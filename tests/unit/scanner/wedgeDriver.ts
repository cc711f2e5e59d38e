/**
 * Runs keystroke streams through the renderer's wedge pipeline the way the capture hook does (idle deadlines
 * included), and keeps the layout memory as the screens do: what a QR payload or the calibration code teaches.
 */
import type { ReadingSource } from '../../../shared/scanner/readingSource';
import type { Keystroke } from '../../../shared/scanner/keystroke';
import type { FocusKind } from '../../../shared/scanner/wedgeAssembler';
import { createWedgeScanner, type WedgeBurst } from '../../../shared/scanner/wedgeScanner';

export interface DriverResult {
  bursts: WedgeBurst[];
  /** Per key: was it stopped? */
  swallowed: boolean[];
}

export function createDriver(initial: ReadingSource[] | null = null) {
  let known: ReadingSource[] | null = initial;
  const scanner = createWedgeScanner({ knownSources: () => known });

  function learn(result: WedgeBurst): void {
    if (!result.isScan || result.isRepeat) return;
    const decision = result.analysis.decision;
    if (decision.kind === 'calibration' || (decision.kind === 'token' && decision.learnt)) {
      known = decision.learnt;
    }
  }

  return {
    get known() {
      return known;
    },
    /** Feeds keys; before each, fires the idle deadline if it has passed (as the hook's timer would). */
    run(strokes: readonly Keystroke[], focus: FocusKind = 'text', thenIdleUntil?: number): DriverResult {
      const bursts: WedgeBurst[] = [];
      const swallowed: boolean[] = [];
      const collect = (b: WedgeBurst | null) => {
        if (b) {
          learn(b);
          bursts.push(b);
        }
      };
      for (const stroke of strokes) {
        const deadline = scanner.deadline();
        if (deadline !== null && stroke.at >= deadline) collect(scanner.idle(deadline));
        const step = scanner.push(stroke, focus);
        swallowed.push(step.swallow);
        step.bursts.forEach(collect);
      }
      const deadline = scanner.deadline();
      if (thenIdleUntil !== undefined && deadline !== null && thenIdleUntil >= deadline) {
        collect(scanner.idle(deadline));
      }
      return { bursts, swallowed };
    },
  };
}

/** The decisions of the scans (not typing, not repeats) in a result. */
export function scanDecisions(result: DriverResult) {
  return result.bursts.filter((b) => b.isScan && !b.isRepeat).map((b) => b.analysis.decision);
}
