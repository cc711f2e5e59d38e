/**
 * Prints a report slip on the counter's printer. The print queue (printing/printQueue.ts) only knows entry
 * slips and test pages, and its job kinds are part of the printing side's schema, so a report does not go
 * through it: it waits for the queue to be idle, then goes straight to the printer's transport, one report at a
 * time, and the caller learns at once whether it printed. An entry slip queued meanwhile can still meet it on
 * the wire; a "report" job kind in the queue is the follow-up that removes that window.
 */
import type { Printing } from '../printing/printingService';
import { describePrinter } from '../printing/printerSpec';
import type { Slip } from '../printing/slip';
import { asPrintFailure } from '../printing/transport';

export function createReportPrinter(printing: Pick<Printing, 'queue' | 'whenIdle'>) {
  let turn: Promise<unknown> = Promise.resolve();
  return function printReport(slip: Slip): Promise<{ printer: string }> {
    const run = turn.then(async () => {
      await printing.whenIdle();
      const { queue } = printing;
      try {
        await queue.transport.print(queue.render(slip));
      } catch (error) {
        throw asPrintFailure(error);
      }
      return { printer: describePrinter(queue.spec) };
    });
    turn = run.catch(() => undefined);
    return run;
  };
}
