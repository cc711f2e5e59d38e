/**
 * `npm run bench:printing`: how long an entry slip takes, from the validation's commit to the last byte
 * acknowledged by a network printer (the fake TCP printer on 127.0.0.1, answering the status request that follows
 * the job), through the real print queue on a real SQLite file (synchronous = FULL); and the cost of rendering a
 * slip alone (slip model → ESC/POS bytes with node-thermal-printer, and → HTML). Prints medians and p99.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import type { Validation } from '../shared/contract';
import { createLedger } from '../electron/core/db/ledger';
import { createStores } from '../electron/core/db/stores';
import { closeDatabase, openDatabase } from '../electron/core/db/open';
import { buildEntrySlip, type EntrySlipData } from '../electron/core/printing/entrySlip';
import { renderEscPos } from '../electron/core/printing/escpos';
import { renderHtml } from '../electron/core/printing/html';
import { interpretEscPos } from '../electron/core/printing/interpreter';
import { parsePrinterSpec } from '../electron/core/printing/printerSpec';
import { createPrinting } from '../electron/core/printing/printingService';
import { startFakePrinter } from '../tests/support/fakePrinter';
import { ms, summary } from './stats';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 300);
const RENDERS = Number(process.env.BENCH_RENDERS ?? 2000);
const TARGET_MEDIAN_MS = 50;

const SLIP: EntrySlipData = {
  ledgerId: 1,
  token: 'AB12CD',
  validatedAt: '2026-11-27T19:31:00.000Z',
  counterName: 'Caisse 1',
  cinemaName: 'Cinéma Le Méliès',
  offerName: 'Le Comte de Monte-Cristo',
  seanceStart: '2026-11-27T19:45:00.000Z',
  quantity: 2,
  isDuo: true,
  priceCategoryLabel: 'Tarif réduit',
  unitPriceCents: 650,
  totalPriceCents: 1300,
  firstName: 'Éloïse',
  lastName: 'Lefèvre',
  timeZone: 'Europe/Paris',
};

function timeEach(rounds: number, work: () => void): number[] {
  const samples: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const start = performance.now();
    work();
    samples.push(performance.now() - start);
  }
  return samples;
}

function renderCost(): void {
  // Warm-up: JIT, Intl formatters, the encoder's lazy requires.
  for (let i = 0; i < 200; i++)
    renderEscPos(buildEntrySlip(SLIP, { nameFormat: 'full', duplicate: false }), {
      dialect: 'epson',
      paper: 80,
      codePage: 'WPC1252',
    });
  const model = summary(timeEach(RENDERS, () => buildEntrySlip(SLIP, { nameFormat: 'full', duplicate: false })));
  const slip = buildEntrySlip(SLIP, { nameFormat: 'full', duplicate: false });
  const epson = summary(
    timeEach(RENDERS, () => renderEscPos(slip, { dialect: 'epson', paper: 80, codePage: 'WPC1252' })),
  );
  const star = summary(
    timeEach(RENDERS, () => renderEscPos(slip, { dialect: 'star', paper: 58, codePage: 'PC858_EURO' })),
  );
  const html = summary(timeEach(RENDERS, () => renderHtml(slip, { paper: 80 })));
  const bytes = renderEscPos(slip, { dialect: 'epson', paper: 80, codePage: 'WPC1252' });
  const interpret = summary(timeEach(RENDERS, () => interpretEscPos(bytes, { dialect: 'epson', columns: 48 })));
  console.log(`Rendering one entry slip (${RENDERS} times, ${bytes.length} bytes of ESC/POS):`);
  console.log(`  slip model (text, dates, money)   median ${ms(model.median)}  p99 ${ms(model.p99)}`);
  console.log(`  → ESC/POS Epson 80 mm WPC1252     median ${ms(epson.median)}  p99 ${ms(epson.p99)}`);
  console.log(`  → ESC/POS Star 58 mm PC858        median ${ms(star.median)}  p99 ${ms(star.p99)}`);
  console.log(`  → HTML (OS printer)               median ${ms(html.median)}  p99 ${ms(html.p99)}`);
  console.log(`  virtual printer reading it back   median ${ms(interpret.median)}  p99 ${ms(interpret.p99)}`);
}

async function commitToAck(): Promise<void> {
  const printer = await startFakePrinter();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'guichet-bench-print-'));
  const db = openDatabase(path.join(dir, 'guichet.sqlite'));
  const ledger = createLedger(db);
  const stores = createStores(db, () => new Date().toISOString());
  const printing = createPrinting({
    jobs: stores.printJobs,
    settings: stores.settings,
    ledger: stores.ledger,
    logger: pino({ level: 'silent' }),
    now: () => new Date().toISOString(),
    mode: 'live',
    counterName: 'Banc',
    timeZone: () => 'Europe/Paris',
    venueName: () => 'Cinéma Le Méliès',
    emit: () => undefined,
    printer: { defaultSpec: parsePrinterSpec(printer.spec)!, statusPollMs: 0 },
  });

  const samples: number[] = [];
  try {
    for (let i = 0; i < ROUNDS + 20; i++) {
      const at = new Date().toISOString();
      const ledgerId = ledger.append({
        at,
        counterName: 'Banc',
        kind: 'validation',
        token: 'AB12CD',
        bookingId: null,
        outcome: 'validated',
        platformStatus: 204,
        platformAnswer: null,
      });
      // The ledger row is committed (and fsynced): the clock starts where the guichet calls its hook.
      const committed = performance.now();
      const validation: Validation = {
        token: 'AB12CD',
        ledgerId,
        validatedAt: at,
        message: 'Validée : 2 places.',
        upload: 'sent',
        booking: {
          bookingId: 1,
          firstName: 'Éloïse',
          lastName: 'Lefèvre',
          offerName: 'Le Comte de Monte-Cristo',
          seanceStart: SLIP.seanceStart,
          quantity: 2,
          isDuo: true,
          unitPriceCents: 650,
          totalPriceCents: 1300,
          priceCategoryLabel: 'Tarif réduit',
          venueName: 'Cinéma Le Méliès',
        },
      };
      printing.onValidated(validation);
      const jobs = await printer.waitForJobs(i + 1);
      const acked = jobs[i]!.ackedAt;
      if (acked === null) throw new Error(`job ${i} was never acknowledged`);
      if (i >= 20) samples.push(acked - committed); // the first rounds warm the JIT and the socket path
    }
  } finally {
    await printing.close();
    closeDatabase(db);
    await printer.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const result = summary(samples);
  console.log(`Validation commit → last byte acknowledged by the TCP printer (${result.n} slips, one at a time):`);
  console.log(`  median ${ms(result.median)}  p99 ${ms(result.p99)}  (target: median ≤ ${TARGET_MEDIAN_MS} ms)`);
  if (result.median > TARGET_MEDIAN_MS) console.log('  ⚠ median above target');
}

renderCost();
await commitToAck();
