/**
 * Printing as the core sees it: the print queue wired to the settings, the slip sources and the contract's
 * `printer.*` calls, plus `onValidated` for the guichet (auto-print). Nothing here can make a validation fail:
 * the guichet's hook only schedules a job, after the ledger commit.
 */
import type { Logger } from 'pino';
import type {
  CallInput,
  CallOutput,
  EventPayload,
  PrintJobView,
  SlipPreview,
  Validation,
} from '../../../shared/contract';
import type { printingCalls } from '../../../shared/contract-printing';
import { ContractFailure } from '../contractFailure';
import type { Ledger } from '../db/ledger';
import type { SettingsStore } from '../db/settings';
import { pt } from './catalogue';
import { beneficiaryName, buildEntrySlip, entrySlipDataSchema, maskedCountermark } from './entrySlip';
import { interpretEscPos } from './interpreter';
import type { JobStore, PrintJobRow } from '../db/printJobs';
import { createChangeNotifier } from './changeNotifier';
import { createPrintQueue } from './printQueue';
import { describePrinter, formatPrinterSpec, parsePrinterSpec, type PrinterSpec } from './printerSpec';
import { loadPrintingSettings, savePrintingSettings, type PrintingSettings } from './printingSettings';
import type { SerialPortFactory } from './serialTransport';
import { columnsFor } from './slip';
import { createSlipSource, slipDataOfValidation, type SlipContext } from './slipSource';
import type { SystemPrinterHost } from './systemTransport';
import { PrintFailure } from './transport';
import { openTransport, type TransportHost } from './transports';
import { discoverUsbPrinters, hexId, type UsbBackend } from './usbTransport';
import { createVirtualPrinter } from './virtualPrinter';

/** What the host gives the core for printing (all optional: tests and browser mode give little). */
export interface PrinterDeps {
  /** The printer until one is saved in the settings (COUNTER_PRINTER); else virtual in demo mode, none live. */
  defaultSpec?: PrinterSpec;
  /** OS printing (Electron only). */
  system?: SystemPrinterHost;
  usb?: UsbBackend;
  serialPort?: SerialPortFactory;
  tcp?: TransportHost['tcp'];
  /** How often the printer's status is read between jobs, in ms (0: never). Default 10 s. */
  statusPollMs?: number;
  /** At most one `printer.changed` per this many ms (default `PRINTER_CHANGED_EVERY_MS`). */
  changeEventEveryMs?: number;
}

/** A status bar redrawn ten times a second looks live; more only takes time from the scans. */
const PRINTER_CHANGED_EVERY_MS = 100;

export interface PrintingDeps {
  /** The print queue's rows. */
  jobs: JobStore;
  settings: SettingsStore;
  /** Where a reprint reads its validation back from. */
  ledger: Pick<Ledger, 'withBooking'>;
  logger: Logger;
  now: () => string;
  mode: 'demo' | 'live';
  counterName: string;
  timeZone: () => string;
  venueName: () => string | null;
  emit: (payload: EventPayload<'printer.changed'>) => void;
  printer?: PrinterDeps;
}

type PrintingCall = keyof typeof printingCalls;
export type PrintingHandlers = {
  [N in PrintingCall]: (input: CallInput<N>) => Promise<CallOutput<N>> | CallOutput<N>;
};

const DAY_MS = 24 * 60 * 60_000;

export function createPrinting(deps: PrintingDeps) {
  const { logger, now } = deps;
  const host = deps.printer ?? {};
  const defaultSpec: PrinterSpec = host.defaultSpec ?? (deps.mode === 'demo' ? { kind: 'virtual' } : { kind: 'none' });
  const loaded = loadPrintingSettings(deps.settings, defaultSpec);
  let saved = loaded.saved;
  const store = deps.jobs;
  const slips = createSlipSource(deps.ledger);
  const context = (): SlipContext => ({
    counterName: deps.counterName,
    timeZone: deps.timeZone(),
    venueName: deps.venueName(),
  });

  const transportHost: TransportHost = {
    // The virtual printer reads jobs back in the dialect they are written in (read when a job runs).
    virtual: createVirtualPrinter({ dialect: () => queue.settings.dialect }),
    system: host.system,
    usb: host.usb,
    serialPort: host.serialPort,
    tcp: host.tcp,
  };
  // Folds the queue's changes into a few events a second (sent once the queue exists: it is read when sent).
  const changes = createChangeNotifier(
    (jobId) => deps.emit({ ...statusView(), jobId }),
    host.changeEventEveryMs ?? PRINTER_CHANGED_EVERY_MS,
  );
  const queue = createPrintQueue({
    store,
    logger,
    now,
    timeZone: deps.timeZone,
    settings: loaded.settings,
    statusPollMs: host.statusPollMs ?? 10_000,
    openTransport: (spec, settings) => openTransport(spec, settings.dialect, transportHost),
    onChange: (jobId) => changes.changed(jobId),
  });

  /** The printer's last known status and the queue's counts, as the status bar shows them. */
  function statusView(): CallOutput<'printer.status'> {
    const counts = store.counts();
    const { state, paperNearEnd, checkedAt } = queue.status;
    return {
      printerKind: queue.transport.kind,
      printerLabel: describePrinter(queue.spec),
      state,
      paperNearEnd,
      message: state === 'online' && paperNearEnd ? pt('state.paper_near_end') : pt(`state.${state}`),
      checkedAt,
      pendingJobs: counts.pending,
      failedJobs: counts.failed,
    };
  }

  function entryData(ledgerId: number) {
    const data = slips.forLedgerEntry(ledgerId, context());
    if (!data) throw new ContractFailure('not_printable', pt('failure.not_printable'));
    return data;
  }

  function jobView(job: PrintJobRow): PrintJobView {
    return {
      id: job.id,
      kind: job.kind,
      ledgerId: job.ledgerId,
      duplicate: job.duplicate,
      status: job.status,
      attempts: job.attempts,
      summary: summaryOf(job, queue.settings),
      failure: job.status === 'failed' ? job.failureMessage : null,
      failureCode: job.status === 'failed' ? job.failureCode : null,
      printer: job.printer,
      createdAt: job.createdAt,
      updatedAt: job.updatedAt,
      printedAt: job.printedAt,
    };
  }

  function settingsAnswer() {
    return {
      settings: queue.settings,
      saved,
      defaultPrinter: formatPrinterSpec(defaultSpec),
      defaultPrinterLabel: describePrinter(defaultSpec),
      systemPrinting: host.system !== undefined,
    };
  }

  const handlers: PrintingHandlers = {
    'printer.status': async ({ refresh }) => {
      // Only an explicit check waits for the printer (it may be behind a job); otherwise the last known status is
      // answered at once and a first check, if none ran yet, reports through `printer.changed`.
      if (refresh) await queue.refreshStatus();
      else if (queue.status.checkedAt === null) void queue.refreshStatus();
      return statusView();
    },
    'printer.testPage': () => ({ jobId: queue.add({ kind: 'test', ledgerId: null, duplicate: false, payload: {} }) }),
    'printer.jobs': () => ({
      jobs: store.list(new Date(Date.parse(now()) - DAY_MS).toISOString()).map(jobView),
    }),
    'printer.reprint': ({ ledgerId }) => {
      const data = entryData(ledgerId);
      // DUPLICATA only if a slip for this entry already came out: otherwise this one is the first.
      const duplicate = store.hasPrinted(ledgerId);
      return { jobId: queue.add({ kind: 'entry', ledgerId, duplicate, payload: data }) };
    },
    'printer.retry': ({ jobId }) => {
      if (!queue.retry(jobId)) throw new ContractFailure('print_job_unknown', pt('failure.unknown_job'));
      return { jobId };
    },
    'printer.cancel': ({ jobId }) => {
      if (!queue.cancel(jobId)) throw new ContractFailure('print_job_unknown', pt('failure.unknown_job'));
      return { jobId };
    },
    'printer.settings.get': () => settingsAnswer(),
    'printer.settings.set': async (input) => {
      const spec = parsePrinterSpec(input.printer);
      if (!spec) throw new ContractFailure('invalid_input', pt('settings.invalid_printer'));
      const next: PrintingSettings = { ...input, printer: formatPrinterSpec(spec) };
      savePrintingSettings(deps.settings, next);
      saved = true;
      await queue.applySettings(next);
      return settingsAnswer();
    },
    'printer.discover': async () => {
      let usbError: string | null = null;
      const usb = await discoverUsbPrinters(host.usb).catch((error: unknown) => {
        usbError = error instanceof PrintFailure ? error.message : String(error);
        return [];
      });
      const system = host.system ? await host.system.list().catch(() => []) : [];
      return {
        usb: usb.map((p) => ({ ...p, spec: `usb://${hexId(p.vendorId, p.productId)}` })),
        usbError,
        system: system.map((p) => ({ name: p.name, isDefault: p.isDefault, spec: `system:${p.name}` })),
      };
    },
    'printer.preview': ({ ledgerId, duplicate }) => {
      const settings = queue.settings;
      const slip = buildEntrySlip(entryData(ledgerId), {
        nameFormat: settings.nameFormat,
        duplicate: duplicate ?? false,
      });
      const printout = interpretEscPos(queue.render(slip).escpos(), {
        dialect: settings.dialect,
        columns: columnsFor(settings.paperWidth),
      });
      const items: SlipPreview['items'] = printout.items.map((item) => {
        if (item.kind === 'line') return { kind: 'line', align: item.align, spans: item.spans };
        if (item.kind === 'qr') return { kind: 'qr', align: item.align, payload: item.payload };
        return { kind: 'cut', mode: item.mode };
      });
      return { title: slip.title, paperWidth: settings.paperWidth, columns: columnsFor(settings.paperWidth), items };
    },
  };

  return {
    handlers,
    virtualPrinter: transportHost.virtual,
    queue,
    /** The guichet's hook: queue the entry slip once the validation is committed. Never throws, never waits. */
    onValidated(validation: Validation): void {
      try {
        if (!queue.settings.autoPrint || queue.spec.kind === 'none') return;
        const data = slipDataOfValidation(validation, context());
        setImmediate(() => {
          try {
            queue.add({ kind: 'entry', ledgerId: validation.ledgerId, duplicate: false, payload: data });
          } catch (error) {
            logger.error({ err: error, ledgerId: validation.ledgerId }, 'entry slip not queued');
          }
        });
      } catch (error) {
        logger.error({ err: error, ledgerId: validation.ledgerId }, 'entry slip not queued');
      }
    },
    /**
     * A secondary counter's slip for a validation its main counter recorded (the ledger id is the main counter's):
     * queued now, under this counter's name; null when automatic printing is off or there is no printer.
     */
    printValidation(validation: Validation): number | null {
      if (!queue.settings.autoPrint || queue.spec.kind === 'none') return null;
      const data = slipDataOfValidation(validation, context());
      return queue.add({ kind: 'entry', ledgerId: validation.ledgerId, duplicate: false, payload: data });
    },
    whenIdle: () => queue.whenIdle(),
    close: () => {
      changes.close();
      return queue.close();
    },
  };
}

export type Printing = ReturnType<typeof createPrinting>;

function summaryOf(job: PrintJobRow, settings: PrintingSettings): string {
  if (job.kind === 'test') return pt('test_page.title');
  let payload: unknown = null;
  try {
    payload = JSON.parse(job.payload);
  } catch {
    // summarised below as unreadable
  }
  const parsed = entrySlipDataSchema.safeParse(payload);
  if (!parsed.success) return pt('slip.entry_number', { id: job.ledgerId ?? '?' });
  const data = parsed.data;
  return [
    pt('slip.entry_number', { id: data.ledgerId }),
    data.offerName,
    beneficiaryName(data, settings.nameFormat),
    maskedCountermark(data.token),
  ]
    .filter(Boolean)
    .join(' · ');
}
