/**
 * The virtual printer: a printer with no hardware, the default in demo mode. It reads each job back through the
 * ESC/POS interpreter (so what it "prints" is what a real printer would), keeps the recent printouts for the
 * preview and tests, and can be told to be out of paper or offline to rehearse failures.
 */
import type { Dialect } from './escpos';
import { interpretEscPos, type Printout } from './interpreter';
import { columnsFor } from './slip';
import type { PrinterStatus } from './status';
import { failureForStatus, type PrinterTransport, type RenderedJob } from './transport';

export interface VirtualPrinter extends PrinterTransport {
  readonly kind: 'virtual';
  /** Newest last; the last 50 jobs. */
  readonly printouts: readonly VirtualPrintout[];
  setStatus(status: PrinterStatus): void;
}

export interface VirtualPrintout {
  title: string;
  bytes: Buffer;
  printout: Printout;
}

const KEPT = 50;

export function createVirtualPrinter(options: { dialect: () => Dialect }): VirtualPrinter {
  const printouts: VirtualPrintout[] = [];
  let status: PrinterStatus = { state: 'online', paperNearEnd: false };
  return {
    kind: 'virtual',
    printouts,
    setStatus(next) {
      status = next;
    },
    async status() {
      return status;
    },
    async print(job: RenderedJob) {
      const refusal = failureForStatus(status);
      if (refusal) throw refusal;
      const bytes = job.escpos();
      const printout = interpretEscPos(bytes, { dialect: options.dialect(), columns: columnsFor(job.paper) });
      printouts.push({ title: job.title, bytes, printout });
      if (printouts.length > KEPT) printouts.shift();
    },
    async close() {},
  };
}
