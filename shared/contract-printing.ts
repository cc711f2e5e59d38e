/**
 * Contract calls and events of printing: the printer's status, the print queue (entry slips, reprints marked
 * DUPLICATA, test pages), printer settings with USB/OS printer discovery, and slip previews. Merged into
 * `contract.ts`. Printing never blocks the guichet: these calls only queue jobs or read state.
 */
import { z } from 'zod';

const isoUtc = z.string().describe('ISO 8601 instant in UTC');

export const printerStateSchema = z.enum([
  'online',
  'offline',
  'cover_open',
  'paper_out',
  'error',
  'unreachable',
  'unknown',
  'none',
]);
export type PrinterStateView = z.infer<typeof printerStateSchema>;

export const printerStatusSchema = z.object({
  printerKind: z.enum(['none', 'virtual', 'tcp', 'usb', 'serial', 'system']),
  /** The printer as the cashier knows it, e.g. "Réseau 192.168.1.50:9100". */
  printerLabel: z.string(),
  state: printerStateSchema,
  paperNearEnd: z.boolean(),
  /** French, for the status bar. */
  message: z.string(),
  checkedAt: isoUtc.nullable(),
  pendingJobs: z.number().int(),
  failedJobs: z.number().int(),
});
export type PrinterStatusView = z.infer<typeof printerStatusSchema>;

export const printJobSchema = z.object({
  id: z.number().int(),
  kind: z.enum(['entry', 'test']),
  ledgerId: z.number().int().nullable(),
  duplicate: z.boolean(),
  status: z.enum(['pending', 'printing', 'printed', 'failed', 'cancelled']),
  attempts: z.number().int(),
  /** French: what the job prints (film, masked countermark, name as printed). */
  summary: z.string(),
  /** French: why the last attempt failed; null unless failed. */
  failure: z.string().nullable(),
  failureCode: z.string().nullable(),
  printer: z.string().nullable(),
  createdAt: isoUtc,
  updatedAt: isoUtc,
  printedAt: isoUtc.nullable(),
});
export type PrintJobView = z.infer<typeof printJobSchema>;

export const printingSettingsViewSchema = z.object({
  /** none · virtual · tcp://host:port · usb://vid:pid · system:Name · serial:path@baud */
  printer: z.string().max(256),
  paperWidth: z.union([z.literal(58), z.literal(80)]),
  dialect: z.enum(['epson', 'star']),
  codePage: z.enum(['WPC1252', 'PC858_EURO']),
  nameFormat: z.enum(['full', 'initials']),
  autoPrint: z.boolean(),
});
export type PrintingSettingsView = z.infer<typeof printingSettingsViewSchema>;

const printerSettingsAnswer = z.object({
  settings: printingSettingsViewSchema,
  /** False while the host's default (COUNTER_PRINTER, or the virtual printer in demo mode) is in use. */
  saved: z.boolean(),
  defaultPrinter: z.string(),
  /** French: that printer as the manager names it ("Imprimante virtuelle", "Réseau 192.168.1.50:9100"). */
  defaultPrinterLabel: z.string(),
  /** Whether this host can print through the OS (Electron), so `system:` printers make sense. */
  systemPrinting: z.boolean(),
});

export const discoveredPrintersSchema = z.object({
  usb: z.array(
    z.object({ spec: z.string(), name: z.string(), vendorId: z.number().int(), productId: z.number().int() }),
  ),
  /** French: why USB could not be listed here (no access, no driver), or null. */
  usbError: z.string().nullable(),
  system: z.array(z.object({ spec: z.string(), name: z.string(), isDefault: z.boolean() })),
});
export type DiscoveredPrinters = z.infer<typeof discoveredPrintersSchema>;

const previewSpanSchema = z.object({
  text: z.string(),
  bold: z.boolean(),
  underline: z.boolean(),
  inverted: z.boolean(),
  width: z.number().int(),
  height: z.number().int(),
});
export const slipPreviewSchema = z.object({
  title: z.string(),
  paperWidth: z.union([z.literal(58), z.literal(80)]),
  columns: z.number().int(),
  /** What the printer would put on paper: the slip's ESC/POS bytes read back by the virtual printer. */
  items: z.array(
    z.discriminatedUnion('kind', [
      z.object({
        kind: z.literal('line'),
        align: z.enum(['left', 'center', 'right']),
        spans: z.array(previewSpanSchema),
      }),
      z.object({ kind: z.literal('qr'), align: z.enum(['left', 'center', 'right']), payload: z.string() }),
      z.object({ kind: z.literal('cut'), mode: z.enum(['full', 'partial']) }),
    ]),
  ),
});
export type SlipPreview = z.infer<typeof slipPreviewSchema>;

const empty = z.object({}).strict();
const jobAnswer = z.object({ jobId: z.number().int() });

export const printingCalls = {
  /** The printer's last known status (`refresh`: ask the printer now). */
  'printer.status': { input: z.object({ refresh: z.boolean().optional() }).strict(), output: printerStatusSchema },
  'printer.testPage': { input: empty, output: jobAnswer },
  /** Today's jobs and every job still waiting or failed, newest first. */
  'printer.jobs': { input: empty, output: z.object({ jobs: z.array(printJobSchema) }) },
  /** A new slip for a validation in the ledger, marked DUPLICATA. */
  'printer.reprint': { input: z.object({ ledgerId: z.number().int().positive() }).strict(), output: jobAnswer },
  /** A failed job queued again (the same slip: not a duplicate, the first one never printed). */
  'printer.retry': { input: z.object({ jobId: z.number().int().positive() }).strict(), output: jobAnswer },
  /** A failed job the cashier gives up on (the person has gone). */
  'printer.cancel': { input: z.object({ jobId: z.number().int().positive() }).strict(), output: jobAnswer },
  'printer.settings.get': { input: empty, output: printerSettingsAnswer },
  'printer.settings.set': { input: printingSettingsViewSchema.strict(), output: printerSettingsAnswer },
  /** USB printers (printer class) and OS printers this machine can see. */
  'printer.discover': { input: empty, output: discoveredPrintersSchema },
  /** The slip of a ledger entry as it would print now (current paper width, code page, name format). */
  'printer.preview': {
    input: z.object({ ledgerId: z.number().int().positive(), duplicate: z.boolean().optional() }).strict(),
    output: slipPreviewSchema,
  },
} as const;

export const printingEvents = {
  /**
   * A job or the printer's status changed: the status as `printer.status` answers it now, for the status bar and the
   * alert, and a cue to reload the queue. At most about ten a second: changes in between are folded into the next.
   */
  'printer.changed': printerStatusSchema.extend({
    /** The newest job among the changes this event stands for; null when only the printer's status changed. */
    jobId: z.number().int().nullable(),
  }),
} as const;
