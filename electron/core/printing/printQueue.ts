/**
 * The print queue: jobs are rows in SQLite, run one at a time in the background by a single worker, so a slow or
 * absent printer never holds up the guichet. A job that fails keeps its reason and waits for the cashier
 * (retry, cancel, or a reprint from the journal); nothing is retried behind their back, so no slip comes out
 * unexpectedly minutes later. The printer's status is polled on the same worker, between jobs.
 */
import type { Logger } from 'pino';
import { pt } from './catalogue';
import { buildEntrySlip, entrySlipDataSchema } from './entrySlip';
import { renderEscPos } from './escpos';
import { renderHtml } from './html';
import type { JobStore, NewPrintJob, PrintJobRow } from '../db/printJobs';
import { describePrinter, parsePrinterSpec, type PrinterSpec } from './printerSpec';
import type { PrintingSettings } from './printingSettings';
import type { Slip } from './slip';
import type { PrinterStatus } from './status';
import { buildTestPage } from './testPage';
import { asPrintFailure, PrintFailure, type PrinterTransport, type RenderedJob } from './transport';

export interface PrintQueueDeps {
  store: JobStore;
  logger: Logger;
  now: () => string;
  timeZone: () => string;
  settings: PrintingSettings;
  openTransport: (spec: PrinterSpec, settings: PrintingSettings) => PrinterTransport;
  /** Called whenever a job or the printer's status changed. */
  onChange: (jobId: number | null) => void;
  statusPollMs: number;
  /** Pending jobs older than this at start are not printed any more (default 15 min). */
  staleAfterMs?: number;
}

export interface PrinterStatusSnapshot extends PrinterStatus {
  checkedAt: string | null;
}

export function createPrintQueue(deps: PrintQueueDeps) {
  const { store, logger, now } = deps;
  let settings = deps.settings;
  let spec = parsePrinterSpec(settings.printer) ?? { kind: 'none' as const };
  let transport = deps.openTransport(spec, settings);
  let status: PrinterStatusSnapshot = {
    state: spec.kind === 'none' ? 'none' : 'unknown',
    paperNearEnd: false,
    checkedAt: null,
  };
  let closed = false;
  let draining: Promise<void> | null = null;
  let kickedWhileDraining = false;
  // Jobs and status checks share the printer: many accept one connection at a time.
  let printerTurn: Promise<unknown> = Promise.resolve();
  const idleWaiters: (() => void)[] = [];

  function exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = printerTurn.then(work, work);
    printerTurn = run.catch(() => undefined);
    return run;
  }

  const staleBefore = new Date(Date.parse(now()) - (deps.staleAfterMs ?? 15 * 60_000)).toISOString();
  store.recover(now(), staleBefore, { interrupted: pt('failure.interrupted'), stale: pt('failure.stale') });

  function slipOf(job: PrintJobRow): Slip {
    if (job.kind === 'test') {
      return buildTestPage({
        printerLabel: describePrinter(spec),
        paper: settings.paperWidth,
        dialect: settings.dialect === 'star' ? 'Star' : 'Epson ESC/POS',
        codePage: settings.codePage,
        at: now(),
        timeZone: deps.timeZone(),
      });
    }
    const parsed = entrySlipDataSchema.safeParse(safeJson(job.payload));
    if (!parsed.success) throw new PrintFailure('unexpected', `job ${job.id}: unreadable slip data`);
    return buildEntrySlip(parsed.data, { nameFormat: settings.nameFormat, duplicate: job.duplicate });
  }

  function rendered(slip: Slip): RenderedJob {
    const current = settings;
    return {
      title: slip.title,
      paper: current.paperWidth,
      escpos: () =>
        renderEscPos(slip, { dialect: current.dialect, paper: current.paperWidth, codePage: current.codePage }),
      html: () => renderHtml(slip, { paper: current.paperWidth }),
    };
  }

  function setStatus(next: PrinterStatus): void {
    const changed = next.state !== status.state || next.paperNearEnd !== status.paperNearEnd;
    status = { state: next.state, paperNearEnd: next.paperNearEnd, detail: next.detail, checkedAt: now() };
    if (changed) deps.onChange(null);
  }

  async function runJob(job: PrintJobRow): Promise<void> {
    try {
      await transport.print(rendered(slipOf(job)));
      store.printed(job.id, now());
      if (job.ledgerId !== null) store.settleFailuresOf(job.ledgerId, now());
      if (status.state !== 'online' && transport.kind !== 'system')
        setStatus({ state: 'online', paperNearEnd: status.paperNearEnd });
    } catch (error) {
      const failure = asPrintFailure(error);
      store.failed(job.id, failure.code, failure.message, now());
      logger.warn({ jobId: job.id, code: failure.code, detail: failure.detail }, 'print job failed');
      // What the printer says now, for the status bar (runs after this job, on the printer's turn).
      void refreshStatus();
    }
  }

  async function drain(): Promise<void> {
    for (;;) {
      if (closed) return;
      const job = store.takeNext(now(), describePrinter(spec));
      if (!job) return;
      deps.onChange(job.id);
      await exclusive(() => runJob(job));
      deps.onChange(job.id);
    }
  }

  function kick(): void {
    if (closed) return;
    if (draining) {
      kickedWhileDraining = true;
      return;
    }
    kickedWhileDraining = false;
    draining = drain()
      .catch((error: unknown) => logger.error({ err: error }, 'print queue stopped'))
      .finally(() => {
        draining = null;
        if (kickedWhileDraining) kick();
        else for (const wake of idleWaiters.splice(0)) wake();
      });
  }

  function refreshStatus(): Promise<PrinterStatusSnapshot> {
    return exclusive(async () => {
      const current = transport;
      const next = await current.status().catch((error: unknown) => ({
        state: 'unreachable' as const,
        paperNearEnd: false,
        detail: String(error),
      }));
      if (current === transport) setStatus(next);
      return status;
    });
  }

  const poll =
    deps.statusPollMs > 0
      ? setInterval(() => {
          if (!draining) void refreshStatus();
        }, deps.statusPollMs)
      : null;
  poll?.unref();
  // Started on the next turn, once the caller holds the queue: resumes jobs left pending by the last run.
  setImmediate(() => {
    void refreshStatus();
    kick();
  });

  return {
    get settings() {
      return settings;
    },
    get spec() {
      return spec;
    },
    get transport() {
      return transport;
    },
    get status() {
      return status;
    },
    refreshStatus,
    add(job: NewPrintJob): number {
      const id = store.add(job, now());
      deps.onChange(id);
      kick();
      return id;
    },
    retry(jobId: number): boolean {
      const ok = store.retry(jobId, now());
      if (ok) {
        deps.onChange(jobId);
        kick();
      }
      return ok;
    },
    cancel(jobId: number): boolean {
      const ok = store.cancel(jobId, now());
      if (ok) deps.onChange(jobId);
      return ok;
    },
    /** The slip a job or a ledger entry prints, rendered with the current settings. */
    render(slip: Slip): RenderedJob {
      return rendered(slip);
    },
    async applySettings(next: PrintingSettings): Promise<void> {
      const nextSpec = parsePrinterSpec(next.printer) ?? { kind: 'none' as const };
      await exclusive(async () => {
        const previous = transport;
        settings = next;
        spec = nextSpec;
        transport = deps.openTransport(nextSpec, next);
        if (previous !== transport) await previous.close().catch(() => undefined);
        status = { state: nextSpec.kind === 'none' ? 'none' : 'unknown', paperNearEnd: false, checkedAt: null };
      });
      deps.onChange(null);
      void refreshStatus();
    },
    /** Resolves once no job is waiting or running (tests, benchmark, shutdown). */
    whenIdle(): Promise<void> {
      if (!draining) return Promise.resolve();
      return new Promise((resolve) => idleWaiters.push(resolve));
    },
    async close(): Promise<void> {
      if (poll) clearInterval(poll);
      const running = draining;
      closed = true;
      await running;
      await printerTurn;
      await transport.close().catch(() => undefined);
    },
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
