/**
 * From the candidate readings of a scan to one countermark, or to the honest answer that there are several.
 * Rules, in order:
 * 1. The calibration code, or a full QR payload, names the readings that were right: they teach the layout.
 *    (A wrong layout cannot turn `PASSCULTURE:v3;TOKEN:` into itself: `:` `;` `3` `A` all move.)
 * 2. A bare code all matching readings agree on is that code (e.g. no A/Q, Z/W, Y, M nor digit in it).
 * 3. A bare code the readings disagree on is decided by the remembered layout, but only for a machine-speed
 *    burst: a person typing fast could pass for a slow scanner, and their keys must never be re-read.
 * 4. Otherwise it is ambiguous: the caller checks which candidates exist, and asks the cashier if not exactly one.
 * A token is only ever one that some reading actually contains (property-tested).
 */
import type { Reading } from './readings';
import type { ReadingSource } from './readingSource';

export type ScanDecision =
  | {
      kind: 'token';
      token: string;
      form: 'qr' | 'code';
      basis: 'qr' | 'unanimous' | 'memory';
      /** Readings proven right by a QR payload: the layout to remember. */
      learnt: ReadingSource[] | null;
    }
  | { kind: 'ambiguous'; candidates: string[] }
  | { kind: 'calibration'; learnt: ReadingSource[] }
  | { kind: 'not_a_countermark' };

export interface DecodeContext {
  /** Readings remembered as right for this device, or null. */
  known: readonly ReadingSource[] | null;
  /** True only for machine-speed bursts (and dedicated scanners). */
  trustsMemory: boolean;
}

function distinctTokens(readings: readonly Reading[]): string[] {
  const tokens: string[] = [];
  for (const reading of readings) {
    const match = reading.match;
    if (match && match.kind !== 'calibration' && !tokens.includes(match.token)) tokens.push(match.token);
  }
  return tokens;
}

export function decideScan(readings: readonly Reading[], context: DecodeContext): ScanDecision {
  const calibration = readings.filter((r) => r.match?.kind === 'calibration');
  if (calibration.length > 0) return { kind: 'calibration', learnt: calibration.map((r) => r.source) };

  const qr = readings.filter((r) => r.match?.kind === 'qr');
  if (qr.length > 0) {
    const tokens = distinctTokens(qr);
    const [token] = tokens;
    if (tokens.length === 1 && token) {
      return { kind: 'token', token, form: 'qr', basis: 'qr', learnt: qr.map((r) => r.source) };
    }
    return { kind: 'ambiguous', candidates: tokens };
  }

  const codes = readings.filter((r) => r.match?.kind === 'code');
  const tokens = distinctTokens(codes);
  const [only] = tokens;
  if (!only) return { kind: 'not_a_countermark' };
  if (tokens.length === 1) return { kind: 'token', token: only, form: 'code', basis: 'unanimous', learnt: null };

  const known = context.known;
  if (known && context.trustsMemory) {
    const remembered = distinctTokens(codes.filter((r) => known.includes(r.source)));
    const [token] = remembered;
    // Several remembered readings disagreeing, or none matching, means the memory no longer fits: ask.
    if (remembered.length === 1 && token) return { kind: 'token', token, form: 'code', basis: 'memory', learnt: null };
  }
  return { kind: 'ambiguous', candidates: tokens };
}
