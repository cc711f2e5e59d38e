/**
 * `printer.changed` at a status bar's pace: the first change goes out at once, a burst is folded into one more event
 * that carries the state at its end, and a busy queue sends a few events a second, not two per slip.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createChangeNotifier } from '../../../electron/core/printing/changeNotifier';
import { startFakePrinter, type FakePrinter } from '../../support/fakePrinter';
import { recordValidation, startPrinting, until, type PrintingUnderTest } from './helpers';

describe('the change notifier', () => {
  function notifier(everyMs = 100) {
    let clock = 0;
    const sent: (number | null)[] = [];
    const n = createChangeNotifier(
      (jobId) => sent.push(jobId),
      everyMs,
      () => clock,
    );
    return { n, sent, advance: (ms: number) => (clock += ms) };
  }

  it('sends the first change at once, while it is being made', () => {
    const { n, sent } = notifier();
    n.changed(7);
    expect(sent).toEqual([7]);
  });

  it('folds the changes of a burst into one event at the end of the window, naming the newest job', async () => {
    const { n, sent, advance } = notifier(20);
    n.changed(1);
    n.changed(2);
    n.changed(null);
    n.changed(3);
    n.changed(null);
    expect(sent).toEqual([1]);
    advance(20);
    await until(() => sent.length === 2);
    expect(sent).toEqual([1, 3]);
  });

  it('names no job when only the printer status changed in the window', async () => {
    const { n, sent, advance } = notifier(20);
    n.changed(1);
    n.changed(null);
    advance(20);
    await until(() => sent.length === 2);
    expect(sent).toEqual([1, null]);
  });

  it('sends at once again after a quiet window', () => {
    const { n, sent, advance } = notifier(100);
    n.changed(1);
    advance(150);
    n.changed(2);
    expect(sent).toEqual([1, 2]);
  });

  it('sends nothing once closed, not even a folded change', async () => {
    const { n, sent } = notifier(20);
    n.changed(1);
    n.changed(2);
    n.close();
    n.changed(3);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(sent).toEqual([1]);
  });
});

describe('printer.changed from a busy queue', () => {
  let printer: FakePrinter;
  let under: PrintingUnderTest | null = null;
  afterEach(async () => {
    await under?.close();
    under = null;
    await printer.close();
  });

  it('carries the whole status and folds twenty slips into a few events, the last one with nothing left', async () => {
    printer = await startFakePrinter();
    under = startPrinting({ printer: printer.spec, deps: { changeEventEveryMs: 100 } });
    const u = under;
    await until(() => u.events.some((e) => e.state === 'online'));
    const before = u.events.length;
    const started = performance.now();
    for (let i = 0; i < 20; i++) u.printing.onValidated(recordValidation(u.db));
    await printer.waitForJobs(20);
    await until(() => u.events.at(-1)?.pendingJobs === 0);
    const elapsed = performance.now() - started;
    const events = u.events.slice(before);
    // Unfolded, each slip would send three (queued, taken, printed): 60 events.
    expect(events.length).toBeLessThanOrEqual(Math.ceil(elapsed / 100) + 2);
    expect(events.length).toBeLessThan(60);
    expect(events.at(-1)).toMatchObject({
      printerKind: 'tcp',
      state: 'online',
      message: 'Imprimante prête',
      pendingJobs: 0,
      failedJobs: 0,
    });
    expect(events.at(-1)!.jobId).not.toBeNull();
    expect(events.at(-1)!.printerLabel).toContain('127.0.0.1');
    // The event and the call agree on the state they describe.
    const { jobId: _job, ...view } = events.at(-1)!;
    expect(view).toEqual(await u.printing.handlers['printer.status']({}));
  });
});
