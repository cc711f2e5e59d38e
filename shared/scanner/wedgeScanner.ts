/**
 * The whole keyboard-wedge pipeline the renderer runs on each key: bursts (wedgeAssembler), repeats dropped
 * (duplicateFilter), readings and decision (analyseScan). The caller owns the layout memory and the DOM.
 */
import { analyseKeystrokes, type ScanAnalysis } from './analyseScan';
import { createDuplicateFilter, keystrokeSignature } from './duplicateFilter';
import type { Keystroke } from './keystroke';
import type { ReadingSource } from './readingSource';
import { QR_PAYLOAD_LENGTH, TOKEN_LENGTH } from '../countermark';
import { CALIBRATION_PAYLOAD } from './payload';
import { createWedgeAssembler, isScan, type Burst, type FocusKind } from './wedgeAssembler';

/** Scanner identifiers a payload may follow (`]Q1`, `\000026`: prefixes.ts), a few of them at most. */
const MAX_PREFIX_LENGTH = 12;
/** The calibration code starts as a QR payload whose token would be this: its rest is still to come. */
const CALIBRATION_HEAD = CALIBRATION_PAYLOAD.slice(QR_PAYLOAD_LENGTH - TOKEN_LENGTH, QR_PAYLOAD_LENGTH).toUpperCase();

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
  /** The open burst already gave its token (`tokenRead`): once per burst. */
  let hasReadToken = false;

  /**
   * The token of a QR payload the open scan now holds whole, before its suffix: the lookup can start while the
   * suffix is on its way (a key's gap, up to 100 ms; 150 ms for a scanner with none). Never for a bare code (more
   * characters may follow), a repeat (ignored at its end), or the calibration code's start.
   */
  function wholeQrToken(at: number): string | null {
    const keys = assembler.openKeys();
    if (keys.length < QR_PAYLOAD_LENGTH || keys.length > QR_PAYLOAD_LENGTH + MAX_PREFIX_LENGTH) return null;
    if (!assembler.isScanUnderway() || repeats.wouldRepeat(keystrokeSignature(keys), at)) return null;
    const { decision } = analyseKeystrokes(keys, { known: options.knownSources(), trustsMemory: true });
    if (decision.kind !== 'token' || decision.form !== 'qr' || decision.token === CALIBRATION_HEAD) return null;
    return decision.token;
  }

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
      const bursts = step.ended.map(finish);
      // A reopened burst keeps its flag: a token read before the pause was already looked up at the pause.
      if (step.started) hasReadToken = false;
      const tokenRead = hasReadToken ? null : wholeQrToken(stroke.at);
      if (tokenRead) hasReadToken = true;
      return { swallow: step.swallow, started: step.started, reopened: step.reopened, bursts, tokenRead };
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
