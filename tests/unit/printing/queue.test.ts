/**
 * The print queue: auto-print after a validation, a failed job kept with its reason under each fault of the fake
 * network printer, one-click retry once the printer is back, DUPLICATA reprints, jobs surviving a restart.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ContractFailure } from '../../../electron/core/contractFailure';
import { createJobStore } from '../../../electron/core/db/printJobs';
import { createLedger } from '../../../electron/core/db/ledger';
import { startFakePrinter, type FakePrinter, type FakePrinterFault } from '../../support/fakePrinter';
import {
  closeDatabase,
  openDatabase,
  recordValidation,
  startPrinting,
  tempDbFile,
  until,
  type PrintingUnderTest,
} from './helpers';

let printer: FakePrinter;
let under: PrintingUnderTest | null = null;
beforeEach(async () => {
  printer = await startFakePrinter();
});
afterEach(async () => {
  await under?.close();
  under = null;
  await printer.close();
});

function start(options: Parameters<typeof startPrinting>[0] = {}): PrintingUnderTest {
  under = startPrinting({ printer: printer.spec, ...options });
  return under;
}

const jobsOf = async (u: PrintingUnderTest) => (await u.printing.handlers['printer.jobs']({})).jobs;

describe('auto-print', () => {
  it('prints the entry slip of a validation on the network printer, without being asked', async () => {
    const u = start();
    u.printing.onValidated(recordValidation(u.db, { firstName: 'Inès', lastName: 'Benoît' }));
    const [job] = await printer.waitForJobs(1);
    const text = job!.printout.lines.join('\n');
    expect(text).toContain('Inès BENOÎT');
    expect(text).toContain('La Haine');
    expect(text).toContain('vendredi 27 novembre à 21:00');
    await until(() => u.events.some((e) => e.jobId !== null && e.pendingJobs === 0));
    expect((await jobsOf(u))[0]).toMatchObject({ status: 'printed', kind: 'entry', duplicate: false, failure: null });
  });

  it('prints nothing when auto-print is off', async () => {
    const u = start();
    const { settings } = await u.printing.handlers['printer.settings.get']({});
    await u.printing.handlers['printer.settings.set']({ ...settings, autoPrint: false });
    u.printing.onValidated(recordValidation(u.db));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await jobsOf(u)).toEqual([]);
  });

  it('returns at once and never throws, whatever the printer does', async () => {
    await printer.setFault('stall');
    const u = start();
    const validation = recordValidation(u.db);
    const started = performance.now();
    expect(() => u.printing.onValidated(validation)).not.toThrow();
    expect(() => u.printing.onValidated({ ...validation, booking: null, ledgerId: -1 })).not.toThrow();
    expect(performance.now() - started).toBeLessThan(100);
  });

  it('the virtual printer is the default in demo mode', async () => {
    const u = startPrinting({ mode: 'demo' });
    under = u;
    u.printing.onValidated(recordValidation(u.db, { lastName: 'Façon' }));
    await until(() => u.printing.virtualPrinter.printouts.length === 1);
    expect(u.printing.virtualPrinter.printouts[0]!.printout.lines.join('\n')).toContain('Zoé FAÇON');
    expect(await u.printing.handlers['printer.status']({})).toMatchObject({ printerKind: 'virtual', state: 'online' });
  });
});

describe('a printer fault', () => {
  it.each([
    ['refuse', 'unreachable', /injoignable/],
    ['stall', 'timeout', /ne répond pas/],
    ['paper_out', 'paper_out', /papier/],
    ['cover_open', 'cover_open', /capot/],
    ['drop', 'dropped', /coupée/],
  ] as [FakePrinterFault, string, RegExp][])(
    '%s: the job stays failed with its reason, and prints on retry once the printer is back',
    async (fault, code, message) => {
      await printer.setFault(fault);
      const u = start();
      u.printing.onValidated(recordValidation(u.db));
      await until(() => u.events.some((e) => e.failedJobs === 1));
      const [failed] = await jobsOf(u);
      expect(failed).toMatchObject({ status: 'failed', failureCode: code, attempts: 1 });
      expect(failed!.failure).toMatch(message);
      expect(await u.printing.handlers['printer.status']({})).toMatchObject({ failedJobs: 1 });

      await printer.setFault('none');
      await u.printing.handlers['printer.retry']({ jobId: failed!.id });
      const [received] = await printer.waitForJobs(1);
      expect(received!.printout.lines.join('\n')).not.toContain('DUPLICATA');
      await u.printing.whenIdle();
      expect((await jobsOf(u))[0]).toMatchObject({ id: failed!.id, status: 'printed', attempts: 2, failure: null });
      expect(await u.printing.handlers['printer.status']({ refresh: true })).toMatchObject({
        state: 'online',
        failedJobs: 0,
      });
    },
  );

  it('the status bar learns the printer is down after a failed job', async () => {
    await printer.setFault('refuse');
    const u = start();
    u.printing.onValidated(recordValidation(u.db));
    await until(() => u.events.some((e) => e.state === 'unreachable'));
    expect(await u.printing.handlers['printer.status']({})).toMatchObject({
      state: 'unreachable',
      message: 'Imprimante injoignable',
    });
  });

  it('a failed job can be given up', async () => {
    await printer.setFault('paper_out');
    const u = start();
    u.printing.onValidated(recordValidation(u.db));
    await until(() => u.events.some((e) => e.failedJobs === 1));
    const [failed] = await jobsOf(u);
    await u.printing.handlers['printer.cancel']({ jobId: failed!.id });
    expect((await jobsOf(u))[0]).toMatchObject({ status: 'cancelled' });
    expect(() => u.printing.handlers['printer.cancel']({ jobId: failed!.id })).toThrow(ContractFailure);
    expect(() => u.printing.handlers['printer.retry']({ jobId: 999 })).toThrow(/introuvable/);
  });
});

describe('reprint from the journal', () => {
  it('marks DUPLICATA once a slip came out, and settles the earlier failures of that entry', async () => {
    const u = start();
    const validation = recordValidation(u.db);
    u.printing.onValidated(validation);
    await printer.waitForJobs(1);
    await u.printing.whenIdle();
    const reprinted = u.printing.handlers['printer.reprint']({ ledgerId: validation.ledgerId });
    const jobs = await printer.waitForJobs(2);
    await reprinted;
    const text = jobs[1]!.printout.lines.join('\n');
    expect(text).toContain('DUPLICATA');
    expect(text).toContain('Zoé MERCIER');
    expect(jobs[1]!.printout.qrCodes).toEqual([`GUICHET:v1;LEDGER:${validation.ledgerId}`]);
  });

  it('a reprint of an entry whose slip never printed is the first slip, not a duplicate', async () => {
    await printer.setFault('refuse');
    const u = start();
    const validation = recordValidation(u.db);
    u.printing.onValidated(validation);
    await until(() => u.events.some((e) => e.failedJobs === 1));
    await printer.setFault('none');
    const reprinted = u.printing.handlers['printer.reprint']({ ledgerId: validation.ledgerId });
    const [job] = await printer.waitForJobs(1);
    await reprinted;
    expect(job!.printout.lines.join('\n')).not.toContain('DUPLICATA');
    await u.printing.whenIdle();
    // The reprint settled the failed job: no alert left.
    expect(await u.printing.handlers['printer.status']({})).toMatchObject({ failedJobs: 0 });
  });

  it('refuses entries that have no slip', async () => {
    const u = start();
    const lookup = createLedger(u.db).append({
      at: new Date().toISOString(),
      counterName: 'Caisse 2',
      kind: 'lookup',
      token: 'ZZZZ22',
      bookingId: null,
      outcome: 'unknown',
      platformStatus: 404,
      platformAnswer: null,
    });
    expect(() => u.printing.handlers['printer.reprint']({ ledgerId: lookup })).toThrow(/ticket/);
    expect(() => u.printing.handlers['printer.reprint']({ ledgerId: 123_456 })).toThrow(ContractFailure);
  });

  it('previews a slip as the printer would print it', async () => {
    const u = start();
    const validation = recordValidation(u.db, { quantity: 2 });
    const preview = await u.printing.handlers['printer.preview']({ ledgerId: validation.ledgerId, duplicate: true });
    const lines = preview.items.flatMap((item) =>
      item.kind === 'line' ? [item.spans.map((s) => s.text).join('')] : [],
    );
    expect(lines.join('\n')).toContain('DUO - 2 places');
    expect(lines.join('\n')).toContain('DUPLICATA');
    expect(preview.items.some((item) => item.kind === 'qr')).toBe(true);
    expect(preview.items.at(-1)).toEqual({ kind: 'cut', mode: 'full' });
    expect(preview).toMatchObject({ paperWidth: 80, columns: 48 });
  });
});

describe('across a restart', () => {
  it('resumes recent pending jobs; a job caught printing or queued long ago waits for the cashier', async () => {
    const file = tempDbFile();
    // The last run's database, as a stop left it (written directly: no queue may run on it meanwhile).
    const db = openDatabase(file);
    const store = createJobStore(db);
    const recent = recordValidation(db);
    const payload = (ledgerId: number) => ({
      ledgerId,
      token: 'AB12CD',
      validatedAt: new Date().toISOString(),
      counterName: 'Caisse 2',
      cinemaName: 'Cinéma du Parc',
      offerName: 'La Haine',
      seanceStart: null,
      quantity: 1,
      isDuo: false,
      priceCategoryLabel: null,
      unitPriceCents: null,
      totalPriceCents: null,
      firstName: 'Zoé',
      lastName: 'Mercier',
      timeZone: 'Europe/Paris',
    });
    const now = new Date().toISOString();
    const pendingId = store.add(
      { kind: 'entry', ledgerId: recent.ledgerId, duplicate: false, payload: payload(recent.ledgerId) },
      now,
    );
    const printingId = store.add({ kind: 'entry', ledgerId: 2, duplicate: false, payload: payload(2) }, now);
    db.$client.prepare("UPDATE print_jobs SET status = 'printing' WHERE id = ?").run(printingId);
    const staleId = store.add(
      { kind: 'entry', ledgerId: 3, duplicate: false, payload: payload(3) },
      '2026-01-01T00:00:00.000Z',
    );
    closeDatabase(db);

    const second = start({ file });
    const [job] = await printer.waitForJobs(1);
    expect(job!.printout.lines.join('\n')).toContain('Zoé MERCIER');
    await second.printing.whenIdle();
    const jobs = await jobsOf(second);
    expect(jobs.find((j) => j.id === pendingId)).toMatchObject({ status: 'printed' });
    expect(jobs.find((j) => j.id === printingId)).toMatchObject({ status: 'failed', failureCode: 'interrupted' });
    expect(jobs.find((j) => j.id === staleId)).toMatchObject({ status: 'failed', failureCode: 'stale' });
    expect(printer.jobs).toHaveLength(1);
  });

  it('keeps the printer chosen in the settings', async () => {
    const file = tempDbFile();
    const first = startPrinting({ file, mode: 'demo' });
    const { settings } = await first.printing.handlers['printer.settings.get']({});
    await first.printing.handlers['printer.settings.set']({
      ...settings,
      printer: printer.spec,
      paperWidth: 58,
      nameFormat: 'initials',
    });
    await first.close();
    const second = start({ file, mode: 'demo' });
    expect(await second.printing.handlers['printer.settings.get']({})).toMatchObject({
      saved: true,
      defaultPrinter: printer.spec,
      settings: { printer: printer.spec, paperWidth: 58, nameFormat: 'initials' },
    });
    await expect(
      Promise.resolve().then(() => second.printing.handlers['printer.settings.set']({ ...settings, printer: 'lpt1' })),
    ).rejects.toMatchObject({ code: 'invalid_input' });
  });
});

describe('test page', () => {
  it('prints the settings, accents and the euro sign', async () => {
    const u = start();
    const printed = u.printing.handlers['printer.testPage']({});
    const [job] = await printer.waitForJobs(1);
    await printed;
    const text = job!.printout.lines.join('\n');
    expect(text).toContain('PAGE DE TEST');
    expect(text).toContain('àâäçéèêëîïôöûùüÿ');
    expect(text).toContain('12,50 €');
    expect(text).toContain(`Réseau 127.0.0.1:${printer.port}`);
  });
});
