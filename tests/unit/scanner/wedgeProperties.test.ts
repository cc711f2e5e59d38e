/**
 * Properties over random keystroke streams: the wedge never crashes, and never makes up a countermark. A token
 * it produces (or offers as a candidate) is always in one of the stream's readings; for a real scanner on any
 * PC layout, the right token is the one produced, or among the candidates the cashier is asked about.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SCANNER_LAYOUTS } from '../../../shared/scanner/keymaps';
import type { Keystroke } from '../../../shared/scanner/keystroke';
import { stripScannerPrefixes } from '../../../shared/scanner/prefixes';
import { createWedgeScanner, type WedgeBurst } from '../../../shared/scanner/wedgeScanner';
import { scannerTypes } from './keystrokeStreams';
import { createDriver } from './wedgeDriver';

const CODES = [
  ...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('').map((l) => `Key${l}`),
  ...'0123456789'.split('').map((d) => `Digit${d}`),
  'Semicolon',
  'Comma',
  'Period',
  'Slash',
  'Quote',
  'BracketLeft',
  'BracketRight',
  'Backslash',
  'Minus',
  'Equal',
  'Backquote',
  'IntlBackslash',
  'Space',
  'Numpad3',
  'Enter',
  'Tab',
  'ShiftLeft',
  'Backspace',
  '',
  'Weird',
];
const KEYS = ['a', 'Q', 'z', 'W', 'm', 'M', ':', ';', '3', '"', 'é', 'ß', 'Dead', 'Enter', 'Tab', 'Shift', 'Backspace'];

const keystroke = fc.record({
  key: fc.oneof(fc.constantFrom(...KEYS), fc.string({ minLength: 1, maxLength: 2 })),
  code: fc.constantFrom(...CODES),
  shift: fc.boolean(),
  altGraph: fc.boolean(),
  command: fc.boolean(),
  gap: fc.oneof(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 400 })),
});

function timed(raw: { key: string; code: string; shift: boolean; altGraph: boolean; command: boolean; gap: number }[]) {
  let at = 0;
  return raw.map(({ gap, ...rest }): Keystroke => {
    at += gap;
    return { ...rest, at };
  });
}

/** The reading as the grammar sees it: identifiers stripped, spaces gone, upper case. */
const normalised = (text: string) => stripScannerPrefixes(text).replace(/\s+/g, '').toUpperCase();

function producedTokens(burst: WedgeBurst): string[] {
  const decision = burst.analysis.decision;
  if (decision.kind === 'token') return [decision.token];
  if (decision.kind === 'ambiguous') return decision.candidates;
  return [];
}

function assertGrounded(burst: WedgeBurst): void {
  for (const token of producedTokens(burst)) {
    const grounded = burst.analysis.readings.some(
      (r) => r.match && r.match.kind !== 'calibration' && r.match.token === token && normalised(r.text).includes(token),
    );
    expect(grounded, `${token} is in no reading of ${JSON.stringify(burst.analysis.readings)}`).toBe(true);
  }
}

describe('random keystroke streams', () => {
  it('never crash, and every token produced is in a reading of the stream', () => {
    fc.assert(
      fc.property(
        fc.array(keystroke, { maxLength: 60 }),
        fc.constantFrom('text', 'other'),
        fc.constantFrom(null, ['us'], ['typed', 'fr', 'be']),
        (raw, focus, known) => {
          const strokes = timed(raw);
          const result = createDriver(known as never).run(strokes, focus as 'text' | 'other', 1e9);
          expect(result.swallowed).toHaveLength(strokes.length);
          result.bursts.forEach(assertGrounded);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ234567';
const token = fc.array(fc.constantFrom(...ALPHABET), { minLength: 6, maxLength: 6 }).map((cs) => cs.join(''));
const payload = fc.tuple(token, fc.constantFrom('bare', 'v3', 'v2', ']Q1v3', 'lower')).map(([t, form]) => {
  const text =
    form === 'bare'
      ? t
      : form === 'lower'
        ? `passculture:v3;token:${t.toLowerCase()}`
        : `${form.startsWith(']') ? ']Q1' : ''}PASSCULTURE:${form.endsWith('v2') ? 'v2' : 'v3'};TOKEN:${t}`;
  return { token: t, text };
});

describe('real scanners, any layout on either side', () => {
  it('produce the right token, or ask with the right token among the candidates — never another one', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...SCANNER_LAYOUTS),
        fc.constantFrom(...SCANNER_LAYOUTS),
        fc.array(payload, { minLength: 1, maxLength: 5 }),
        fc.constantFrom(3, 8, 80),
        (scanner, pc, scans, gap) => {
          const driver = createDriver();
          scans.forEach((scan, index) => {
            const strokes = scannerTypes(scan.text, { scanner, pc, startAt: index * 10_000, gapMs: gap });
            for (const burst of driver.run(strokes).bursts) {
              const decision = burst.analysis.decision;
              if (decision.kind === 'token') expect(decision.token).toBe(scan.token);
              else if (decision.kind === 'ambiguous') expect(decision.candidates).toContain(scan.token);
              else expect.fail(`${scan.text} from a ${scanner} scanner on a ${pc} PC: ${decision.kind}`);
            }
          });
        },
      ),
      { numRuns: 1500 },
    );
  });
});

describe('keys delivered late (a busy page declares pauses that never happened)', () => {
  it('the scan is still decided whole, right or asked — and its Enter never reaches the page', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...SCANNER_LAYOUTS),
        fc.constantFrom(...SCANNER_LAYOUTS),
        payload,
        fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }),
        (scanner, pc, scan, stalls) => {
          const wedge = createWedgeScanner({ knownSources: () => null });
          const strokes = scannerTypes(scan.text, { scanner, pc, gapMs: 4 });
          const bursts: WedgeBurst[] = [];
          let enterSwallowed = false;
          strokes.forEach((stroke, i) => {
            const deadline = wedge.deadline();
            const cut = stalls[i] && deadline !== null ? wedge.idle(deadline) : null;
            if (cut) bursts.push(cut);
            const step = wedge.push(stroke, 'text');
            bursts.push(...step.bursts);
            enterSwallowed = step.swallow;
          });
          expect(enterSwallowed).toBe(true);
          const decision = bursts.at(-1)?.analysis.decision;
          if (decision?.kind === 'token') expect(decision.token).toBe(scan.token);
          else expect(decision).toMatchObject({ kind: 'ambiguous', candidates: expect.arrayContaining([scan.token]) });
        },
      ),
      { numRuns: 1000 },
    );
  });
});
