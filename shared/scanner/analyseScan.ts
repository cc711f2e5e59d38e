/** One entry point per kind of scanner: keys from a keyboard wedge, characters from a dedicated scanner. */
import { decideScan, type DecodeContext, type ScanDecision } from './decodeScan';
import type { Keystroke } from './keystroke';
import { matchPayload } from './payload';
import { readingsOf, type Reading } from './readings';

export interface ScanAnalysis {
  readings: Reading[];
  decision: ScanDecision;
}

export function analyseKeystrokes(strokes: readonly Keystroke[], context: DecodeContext): ScanAnalysis {
  const readings = readingsOf(strokes);
  return { readings, decision: decideScan(readings, context) };
}

/** A dedicated (HID-POS, serial) scanner sends the characters themselves: one reading, nothing to learn. */
export function analyseText(text: string): ScanAnalysis {
  const readings: Reading[] = [{ source: 'typed', text, match: matchPayload(text) }];
  const decision = decideScan(readings, { known: null, trustsMemory: false });
  if (decision.kind === 'token') return { readings, decision: { ...decision, learnt: null } };
  if (decision.kind === 'calibration') return { readings, decision: { ...decision, learnt: [] } };
  return { readings, decision };
}
