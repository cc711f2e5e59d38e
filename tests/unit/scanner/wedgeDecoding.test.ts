/**
 * Keyboard-wedge scanners on every PC layout: what the guichet makes of the keys, scan by scan.
 * Streams are built as the OS delivers them (tests/unit/scanner/keystrokeStreams.ts).
 */
import { describe, expect, it } from 'vitest';
import { readingText } from '../../../shared/scanner/readings';
import { CALIBRATION_PAYLOAD } from '../../../shared/scanner/payload';
import { createDriver, scanDecisions } from './wedgeDriver';
import { personTypes, scannerTypes, suffixStroke } from './keystrokeStreams';
import type { Keystroke } from '../../../shared/scanner/keystroke';
import { createWedgeScanner, type WedgeBurst } from '../../../shared/scanner/wedgeScanner';

const QR = 'PASSCULTURE:v3;TOKEN:352UW4';

describe('a US-configured scanner on a French AZERTY PC', () => {
  it('types what the issue describes, and the QR payload still reads right', () => {
    const strokes = scannerTypes(QR, { scanner: 'us', pc: 'fr' });
    expect(readingText(strokes.slice(0, -1), 'typed')).toBe(`PQSSCULTUREMv"mTOKENM"(éUZ'`);
    const driver = createDriver();
    const [decision] = scanDecisions(driver.run(strokes));
    expect(decision).toEqual({ kind: 'token', token: '352UW4', form: 'qr', basis: 'qr', learnt: ['us'] });
    expect(driver.known).toEqual(['us']);
  });

  it('never guesses a bare code that reads HQTLVF as typed and HATLVF as meant, while the layout is unknown', () => {
    const strokes = scannerTypes('HATLVF', { scanner: 'us', pc: 'fr' });
    expect(readingText(strokes.slice(0, -1), 'typed')).toBe('HQTLVF');
    const [decision] = scanDecisions(createDriver().run(strokes));
    expect(decision).toEqual({ kind: 'ambiguous', candidates: ['HQTLVF', 'HATLVF'] });
  });

  it('reads later bare codes with the layout a QR scan taught', () => {
    const driver = createDriver();
    driver.run(scannerTypes('PASSCULTURE:v3;TOKEN:ABCDEF', { scanner: 'us', pc: 'fr' }));
    const [decision] = scanDecisions(driver.run(scannerTypes('HATLVF', { scanner: 'us', pc: 'fr', startAt: 5000 })));
    expect(decision).toMatchObject({ kind: 'token', token: 'HATLVF', basis: 'memory' });
  });

  it('a bare code with digits only one layout can read is not ambiguous (the others give é, &, …)', () => {
    const [decision] = scanDecisions(createDriver().run(scannerTypes('HTLVF2', { scanner: 'us', pc: 'fr' })));
    expect(decision).toMatchObject({ kind: 'token', token: 'HTLVF2', basis: 'unanimous' });
  });

  it('the older v2 QR payload, in lower case, is read too', () => {
    const [decision] = scanDecisions(
      createDriver().run(scannerTypes('passculture:v2;token:hatlvf', { scanner: 'us', pc: 'fr' })),
    );
    expect(decision).toMatchObject({ kind: 'token', token: 'HATLVF', form: 'qr' });
  });
});

describe('a US-configured scanner on a US QWERTY PC', () => {
  it('reads the QR payload and learns that the PC and the scanner agree', () => {
    const driver = createDriver();
    const [decision] = scanDecisions(driver.run(scannerTypes(QR, { scanner: 'us', pc: 'us' })));
    expect(decision).toMatchObject({ kind: 'token', token: '352UW4', learnt: ['typed', 'us'] });
  });

  it('asks about a bare code with an A until the layout is known (the scanner could be set to AZERTY)', () => {
    const driver = createDriver();
    const [before] = scanDecisions(driver.run(scannerTypes('HATLVF', { scanner: 'us', pc: 'us' })));
    expect(before).toMatchObject({ kind: 'ambiguous' });
    driver.run(scannerTypes(QR, { scanner: 'us', pc: 'us', startAt: 3000 }));
    const [after] = scanDecisions(driver.run(scannerTypes('HATLVF', { scanner: 'us', pc: 'us', startAt: 6000 })));
    expect(after).toMatchObject({ kind: 'token', token: 'HATLVF', basis: 'memory' });
  });
});

describe('a US-configured scanner on a Belgian AZERTY PC', () => {
  it('reads the QR payload although 6 and 8 type § and !', () => {
    const strokes = scannerTypes('PASSCULTURE:v3;TOKEN:6H8KQ2', { scanner: 'us', pc: 'be' });
    expect(readingText(strokes.slice(0, -1), 'typed')).toContain('§H!KA');
    const [decision] = scanDecisions(createDriver().run(strokes));
    expect(decision).toMatchObject({ kind: 'token', token: '6H8KQ2', learnt: ['us'] });
  });
});

describe('a scanner configured for AZERTY on a French AZERTY PC', () => {
  it('reads the QR payload as typed, and later bare codes follow that layout', () => {
    const driver = createDriver();
    const [qr] = scanDecisions(driver.run(scannerTypes(QR, { scanner: 'fr', pc: 'fr' })));
    expect(qr).toMatchObject({ kind: 'token', token: '352UW4', learnt: ['typed', 'fr', 'be'] });
    const [bare] = scanDecisions(driver.run(scannerTypes('HATLVF', { scanner: 'fr', pc: 'fr', startAt: 4000 })));
    expect(bare).toMatchObject({ kind: 'token', token: 'HATLVF', basis: 'memory' });
  });
});

describe('a QWERTZ scanner on a German PC', () => {
  it('learns that Y and Z swap', () => {
    const driver = createDriver();
    const [qr] = scanDecisions(driver.run(scannerTypes('PASSCULTURE:v3;TOKEN:ZY2345', { scanner: 'de', pc: 'de' })));
    expect(qr).toMatchObject({ kind: 'token', token: 'ZY2345', learnt: ['typed', 'de'] });
  });
});

describe('the calibration code', () => {
  it.each([
    ['us', 'fr', ['us']],
    ['fr', 'fr', ['typed', 'fr', 'be']],
    ['us', 'be', ['us']],
    ['de', 'fr', ['de']],
    ['us', 'us', ['typed', 'us']],
  ] as const)('a %s scanner on a %s PC is recognised in one scan', (scanner, pc, learnt) => {
    const driver = createDriver();
    const [decision] = scanDecisions(driver.run(scannerTypes(CALIBRATION_PAYLOAD, { scanner, pc })));
    expect(decision).toEqual({ kind: 'calibration', learnt });
    expect(driver.known).toEqual(learnt);
  });
});

describe('scanner settings and habits', () => {
  it('a slow scanner (80 ms a key) is still a scan, but its bare codes are not re-read from memory', () => {
    const driver = createDriver(['us']);
    const jitter = [0, 6, -4, 9, -7, 3, -2, 5];
    const result = driver.run(
      scannerTypes('HATLVF', { scanner: 'us', pc: 'fr', gapMs: (i) => 80 + (jitter[i % 8] ?? 0) }),
    );
    expect(result.bursts[0]?.burst.rhythm).toBe('slow');
    expect(scanDecisions(result)[0]).toMatchObject({ kind: 'ambiguous' });
    const [qr] = scanDecisions(driver.run(scannerTypes(QR, { scanner: 'us', pc: 'fr', startAt: 9000, gapMs: 80 })));
    expect(qr).toMatchObject({ kind: 'token', token: '352UW4' });
  });

  it('a scanner that sends no suffix: the scan ends after a pause', () => {
    const strokes = scannerTypes(QR, { scanner: 'us', pc: 'fr', suffix: null });
    const result = createDriver().run(strokes, 'text', 10_000);
    expect(result.bursts[0]?.burst.end).toBe('idle');
    expect(scanDecisions(result)[0]).toMatchObject({ kind: 'token', token: '352UW4' });
  });

  it('a Tab suffix ends the scan and is stopped (the focus does not move)', () => {
    const result = createDriver().run(scannerTypes(QR, { scanner: 'us', pc: 'fr', suffix: 'Tab' }));
    expect(result.bursts[0]?.burst.suffix).toBe('Tab');
    expect(result.swallowed.at(-1)).toBe(true);
  });

  it('a double scan within 1.5 s counts once; the same code later counts again', () => {
    const driver = createDriver();
    const first = driver.run(scannerTypes(QR, { scanner: 'us', pc: 'fr', startAt: 0 }));
    const second = driver.run(scannerTypes(QR, { scanner: 'us', pc: 'fr', startAt: 400 }));
    const third = driver.run(scannerTypes(QR, { scanner: 'us', pc: 'fr', startAt: 4000 }));
    expect(scanDecisions(first)).toHaveLength(1);
    expect(second.bursts[0]?.isRepeat).toBe(true);
    expect(second.swallowed.at(-1)).toBe(true); // the repeat's Enter does not validate either
    expect(scanDecisions(third)).toHaveLength(1);
  });

  it.each([
    ['a symbology identifier', ']Q1'],
    ['an ECI marker', '\\000026'],
    ['both', ']Q2\\000026'],
  ])('%s before the payload is stripped', (_name, prefix) => {
    const [decision] = scanDecisions(createDriver().run(scannerTypes(`${prefix}${QR}`, { scanner: 'us', pc: 'fr' })));
    expect(decision).toMatchObject({ kind: 'token', token: '352UW4', learnt: ['us'] });
  });

  it('an AZERTY scanner sends ] with AltGr, and the prefix is still stripped', () => {
    const strokes = scannerTypes(`]Q1${QR}`, { scanner: 'fr', pc: 'fr' });
    expect(strokes[0]).toMatchObject({ code: 'Minus', altGraph: true, key: ']' });
    expect(scanDecisions(createDriver().run(strokes))[0]).toMatchObject({ kind: 'token', token: '352UW4' });
  });

  it('a barcode that is not a pass Culture countermark (an EAN-13, a ticketing code) says so', () => {
    for (const text of ['3760123456789', 'CDS-000123-45', 'PASSCULTURE:v4;TOKEN:ABCDEF']) {
      const [decision] = scanDecisions(createDriver().run(scannerTypes(text, { scanner: 'us', pc: 'fr' })));
      expect(decision).toEqual({ kind: 'not_a_countermark' });
    }
  });

  it('a bare code in lower case with a space inside is read', () => {
    const [decision] = scanDecisions(createDriver().run(scannerTypes('htl vf2', { scanner: 'us', pc: 'fr' })));
    expect(decision).toMatchObject({ kind: 'token', token: 'HTLVF2' });
  });

  it('CR LF: the second Enter is stopped too, so it never validates the verdict just shown', () => {
    const strokes = scannerTypes(QR, { scanner: 'us', pc: 'fr' });
    const last = strokes.at(-1)!.at;
    const result = createDriver().run([...strokes, suffixStroke('Enter', last + 2)]);
    expect(result.swallowed.slice(-2)).toEqual([true, true]);
  });

  it('a late Enter after a scan that ended on a pause is stopped', () => {
    const strokes = scannerTypes(QR, { scanner: 'us', pc: 'fr', suffix: null });
    const last = strokes.at(-1)!.at;
    const driver = createDriver();
    driver.run(strokes, 'text', last + 150);
    const late = driver.run([suffixStroke('Enter', last + 250)]);
    expect(late.swallowed).toEqual([true]);
    const human = driver.run([suffixStroke('Enter', last + 2000)]);
    expect(human.swallowed).toEqual([false]);
  });
});

describe('the cashier at the keyboard', () => {
  it('typing a code by hand is typing: nothing is stopped, nothing is decoded, Enter reaches the field', () => {
    const result = createDriver(['us']).run(personTypes('HATLVF', 'fr'));
    expect(result.bursts.length).toBeGreaterThan(0);
    expect(result.bursts.every((b) => !b.isScan)).toBe(true);
    expect(result.swallowed.every((s) => !s)).toBe(true);
  });

  it('a fast typist with an even-ish rhythm over six keys is still not a fast scan', () => {
    const strokes = scannerTypes('HATLVF', {
      scanner: 'fr',
      pc: 'fr',
      gapMs: (i) => [0, 95, 60, 130, 70][i % 5] ?? 90,
    });
    const result = createDriver(['us']).run(strokes);
    expect(result.bursts[0]?.isScan).toBe(false);
  });

  it('a paste (Ctrl+V) then Enter is not a scan', () => {
    const strokes: Keystroke[] = [
      { key: 'Control', code: 'ControlLeft', shift: false, altGraph: false, command: true, at: 0 },
      { key: 'v', code: 'KeyV', shift: false, altGraph: false, command: true, at: 90 },
      suffixStroke('Enter', 600),
    ];
    const result = createDriver().run(strokes);
    expect(result.bursts).toHaveLength(0);
    expect(result.swallowed).toEqual([false, false, false]);
  });

  it('with the focus on a button, scan keys are stopped (none can press it), but a lone Space still can', () => {
    const scan = createDriver().run(scannerTypes('HAT LVF', { scanner: 'us', pc: 'fr' }), 'other');
    expect(scan.swallowed.every(Boolean)).toBe(true);
    const space = createDriver().run(
      [{ key: ' ', code: 'Space', shift: false, altGraph: false, command: false, at: 0 }],
      'other',
    );
    expect(space.swallowed).toEqual([false]);
  });

  it('Backspace in the middle makes it typing', () => {
    const strokes = scannerTypes('HATLVF', { scanner: 'fr', pc: 'fr', suffix: null });
    strokes.splice(3, 0, {
      key: 'Backspace',
      code: 'Backspace',
      shift: false,
      altGraph: false,
      command: false,
      at: 12,
    });
    const result = createDriver().run(strokes, 'text', 1000);
    expect(result.bursts.every((b) => !b.isScan)).toBe(true);
  });
});

describe('a busy page', () => {
  it('keys that arrive late after a pause was declared reopen the burst: the whole scan is decided', () => {
    const scanner = createWedgeScanner({ knownSources: () => null });
    const strokes = scannerTypes('HATLVF', { scanner: 'us', pc: 'fr', gapMs: 4 });
    const decided: WedgeBurst[] = [];
    strokes.slice(0, 3).forEach((s) => decided.push(...scanner.push(s, 'text').bursts));
    // The page's clock says 150 ms passed without a key (the keys were typed 4 ms apart, but got stuck).
    const cut = scanner.idle(scanner.deadline()!);
    expect(cut?.isScan).toBe(false);
    const steps = strokes.slice(3).map((s) => scanner.push(s, 'text'));
    expect(steps[0]?.reopened).toBe(true);
    const last = steps.at(-1)!;
    expect(last.swallow).toBe(true); // the Enter is the scan's: it never submits the leaked text
    expect(last.bursts[0]?.analysis.decision).toEqual({ kind: 'ambiguous', candidates: ['HQTLVF', 'HATLVF'] });
  });
});

describe('a scan stalled in the middle (a loaded PC: one key 200 ms late)', () => {
  /** The scanner's keys with `stallMs` added before key `at`. */
  function stalled(strokes: Keystroke[], at: number, stallMs: number): Keystroke[] {
    return strokes.map((s, i) => (i >= at ? { ...s, at: s.at + stallMs } : s));
  }

  it.each([
    ['us', 'fr', 'Enter'],
    ['fr', 'fr', 'Enter'],
    ['us', 'us', null],
  ] as const)(
    'a %s scanner on a %s PC (suffix %s): put back together, one verdict, its suffix stopped',
    (scanner, pc, suffix) => {
      const strokes = stalled(scannerTypes(QR, { scanner, pc, suffix, gapMs: 4 }), 14, 200);
      const result = createDriver().run(strokes, 'text', 10_000);
      const scans = result.bursts.filter((b) => b.isScan);
      expect(scans).toHaveLength(1);
      expect(scans[0]?.burst.stalls).toBe(1);
      expect(scans[0]?.analysis.decision).toMatchObject({ kind: 'token', token: '352UW4' });
      if (suffix) expect(result.swallowed.at(-1)).toBe(true);
    },
  );

  it('a stall right before the suffix: the Enter still belongs to the scan', () => {
    const strokes = stalled(scannerTypes('PASSCULTURE:v3;TOKEN:352UW', { scanner: 'us', pc: 'us', gapMs: 4 }), 26, 250);
    const result = createDriver().run(strokes);
    expect(result.swallowed.at(-1)).toBe(true);
    expect(scanDecisions(result)).toEqual([{ kind: 'not_a_countermark' }]);
  });

  it('a scan that is complete when the pause comes is answered at once, not held', () => {
    const scanner = createWedgeScanner({ knownSources: () => null });
    scannerTypes(QR, { scanner: 'us', pc: 'us', suffix: null }).forEach((s) => scanner.push(s, 'text'));
    const ended = scanner.idle(scanner.deadline()!);
    expect(ended?.analysis.decision).toMatchObject({ kind: 'token', token: '352UW4' });
    expect(scanner.isHolding()).toBe(false);
  });

  it('a cut payload nothing continues is delivered as it is after the wait (never lost, never typing)', () => {
    const scanner = createWedgeScanner({ knownSources: () => null });
    scannerTypes('PASSCULTURE:v3;TOK', { scanner: 'us', pc: 'us', suffix: null, gapMs: 4 }).forEach((s) =>
      scanner.push(s, 'text'),
    );
    expect(scanner.idle(scanner.deadline()!)).toBeNull();
    expect(scanner.isHolding()).toBe(true);
    const released = scanner.idle(scanner.deadline()!);
    expect(released).toMatchObject({ isScan: true, analysis: { decision: { kind: 'not_a_countermark' } } });
    expect(scanner.deadline()).toBeNull();
  });

  it('a person typing after a cut scan does not turn their keys into a scan', () => {
    const scanner = createWedgeScanner({ knownSources: () => null });
    const cut = scannerTypes('PASSCULTURE:v3;TOK', { scanner: 'us', pc: 'us', suffix: null, gapMs: 4 });
    cut.forEach((s) => scanner.push(s, 'text'));
    scanner.idle(scanner.deadline()!);
    const typed = personTypes('ABC', 'us', (cut.at(-1)?.at ?? 0) + 300);
    const bursts = typed.flatMap((s) => scanner.push(s, 'text').bursts);
    expect(bursts.filter((b) => b.isScan && b.analysis.decision.kind === 'token')).toEqual([]);
  });
});

describe('a scan announced while it is typed (the lookup is on its way)', () => {
  /** Per key: does the burst read as a scan underway once that key is in? */
  function underway(strokes: readonly Keystroke[]): boolean[] {
    const scanner = createWedgeScanner({ knownSources: () => null });
    return strokes.map((stroke) => {
      scanner.push(stroke, 'text');
      return scanner.isScanUnderway();
    });
  }

  it('a scanner is announced from its sixth key to its last character, not on its suffix', () => {
    const strokes = scannerTypes(QR, { scanner: 'us', pc: 'fr', gapMs: 4 });
    const steps = underway(strokes);
    expect(steps.slice(0, 5)).toEqual([false, false, false, false, false]);
    expect(steps.slice(5, -1).every(Boolean)).toBe(true);
    expect(steps.at(-1)).toBe(false); // the Enter: the scan is delivered, no longer underway
  });

  it('a slow scanner (80 ms a key, like a metronome) is announced too', () => {
    const steps = underway(scannerTypes(QR, { scanner: 'us', pc: 'us', gapMs: 80 }));
    expect(steps.slice(5, -1).every(Boolean)).toBe(true);
  });

  it('a person typing, however fast and even-ish, is never announced', () => {
    expect(underway(personTypes(QR, 'fr')).some(Boolean)).toBe(false);
    const uneven = scannerTypes(QR, { scanner: 'fr', pc: 'fr', gapMs: (i) => [0, 95, 60, 130, 70][i % 5] ?? 90 });
    expect(underway(uneven).some(Boolean)).toBe(false);
  });
});

describe("a QR code's token, read before its suffix (the guichet starts the lookup)", () => {
  /** Per key, the token it read: the key that completed the payload, or null. */
  function tokensRead(strokes: readonly Keystroke[], scanner = createWedgeScanner({ knownSources: () => null })) {
    return strokes.map((stroke) => scanner.push(stroke, 'text').tokenRead);
  }
  const readAt = (tokens: readonly (string | null)[]) =>
    tokens.flatMap((token, index) => (token ? [{ index, token }] : []));

  it.each([
    ['us', 'fr'],
    ['fr', 'fr'],
    ['us', 'us'],
    ['fr', 'us'],
  ] as const)('a %s scanner on a %s PC: at its last character, once, not at the suffix', (scanner, pc) => {
    const strokes = scannerTypes(QR, { scanner, pc, gapMs: 4 });
    expect(readAt(tokensRead(strokes))).toEqual([{ index: strokes.length - 2, token: '352UW4' }]);
  });

  it('a slow scanner (80 ms a key) and one sending an AIM identifier first: read too', () => {
    expect(readAt(tokensRead(scannerTypes(QR, { scanner: 'us', pc: 'us', gapMs: 80 })))).toHaveLength(1);
    const prefixed = scannerTypes(`]Q1${QR}`, { scanner: 'us', pc: 'us', gapMs: 4 });
    expect(readAt(tokensRead(prefixed))).toEqual([{ index: prefixed.length - 2, token: '352UW4' }]);
  });

  it('never for what could still go on: a bare code, the calibration code (it starts as a payload), a person', () => {
    expect(readAt(tokensRead(scannerTypes('352UW4', { scanner: 'us', pc: 'us', gapMs: 4 })))).toEqual([]);
    expect(readAt(tokensRead(scannerTypes(CALIBRATION_PAYLOAD, { scanner: 'us', pc: 'fr', gapMs: 4 })))).toEqual([]);
    expect(readAt(tokensRead(personTypes(QR, 'fr')))).toEqual([]);
  });

  it('never for a repeat (the same scan again within 1.5 s is ignored at its end), but again after it', () => {
    const scanner = createWedgeScanner({ knownSources: () => null });
    const first = scannerTypes(QR, { scanner: 'us', pc: 'fr', gapMs: 4 });
    const again = (startAt: number) => scannerTypes(QR, { scanner: 'us', pc: 'fr', gapMs: 4, startAt });
    expect(readAt(tokensRead(first, scanner))).toHaveLength(1);
    expect(readAt(tokensRead(again(1000), scanner))).toEqual([]);
    expect(readAt(tokensRead(again(5000), scanner))).toHaveLength(1);
  });

  it('a payload that goes on after its token is read once, and its end decides (here: not a countermark)', () => {
    const strokes = scannerTypes(`${QR}XY`, { scanner: 'us', pc: 'us', gapMs: 4 });
    const scanner = createWedgeScanner({ knownSources: () => null });
    const steps = strokes.map((stroke) => scanner.push(stroke, 'text'));
    expect(steps.filter((step) => step.tokenRead)).toHaveLength(1);
    expect(steps.at(-1)?.bursts[0]?.analysis.decision).toEqual({ kind: 'not_a_countermark' });
  });
});
