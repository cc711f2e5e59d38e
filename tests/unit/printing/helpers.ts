/** A printing service on a real SQLite database, with the ledger rows a validation leaves, for the queue tests. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import type { EventPayload, Validation } from '../../../shared/contract';
import { createLedger } from '../../../electron/core/db/ledger';
import { createStores } from '../../../electron/core/db/stores';
import { closeDatabase, openDatabase, type CounterDb } from '../../../electron/core/db/open';
import { knownBookings, seances } from '../../../electron/core/db/schema';
import { parsePrinterSpec } from '../../../electron/core/printing/printerSpec';
import { createPrinting, type PrinterDeps, type Printing } from '../../../electron/core/printing/printingService';

export const NOW = '2026-11-27T19:30:00.000Z';

export interface PrintingUnderTest {
  db: CounterDb;
  printing: Printing;
  events: EventPayload<'printer.changed'>[];
  file: string;
  close(): Promise<void>;
}

export function tempDbFile(): string {
  return path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'guichet-print-')), 'guichet.sqlite');
}

export function startPrinting(
  options: { file?: string; printer?: string; deps?: PrinterDeps; mode?: 'demo' | 'live' } = {},
): PrintingUnderTest {
  const file = options.file ?? tempDbFile();
  const db = openDatabase(file);
  const events: EventPayload<'printer.changed'>[] = [];
  const stores = createStores(db, () => new Date().toISOString());
  const printing = createPrinting({
    jobs: stores.printJobs,
    settings: stores.settings,
    ledger: stores.ledger,
    logger: pino({ level: 'silent' }),
    now: () => new Date().toISOString(),
    mode: options.mode ?? 'live',
    counterName: 'Caisse 2',
    timeZone: () => 'Europe/Paris',
    venueName: () => 'Cinéma du Parc',
    emit: (payload) => events.push(payload),
    printer: {
      statusPollMs: 0,
      tcp: { connectTimeoutMs: 400, replyTimeoutMs: 300, jobTimeoutMs: 800 },
      ...(options.printer ? { defaultSpec: parsePrinterSpec(options.printer)! } : {}),
      ...options.deps,
    },
  });
  return {
    db,
    printing,
    events,
    file,
    async close() {
      await printing.close();
      closeDatabase(db);
    },
  };
}

let nextBooking = 9000;

/** What the guichet leaves behind a validation: the booking in the cache, its séance, the ledger row. */
export function recordValidation(
  db: CounterDb,
  booking: { firstName?: string; lastName?: string; offerName?: string; quantity?: number } = {},
): Validation {
  const bookingId = nextBooking++;
  const stockId = bookingId + 100_000;
  const token = `T${bookingId}`.slice(0, 6).padEnd(6, 'X');
  const quantity = booking.quantity ?? 1;
  db.insert(seances)
    .values({
      stockId,
      offerId: 77,
      beginningDatetime: '2026-11-27T20:00:00.000Z',
      priceCategoryLabel: 'Plein tarif',
      priceCents: 750,
      quantity: 100,
      bookedQuantity: 10,
      updatedAt: NOW,
    })
    .run();
  db.insert(knownBookings)
    .values({
      bookingId,
      token,
      status: 'USED',
      quantity,
      unitPriceCents: 750,
      priceCategoryLabel: 'Plein tarif',
      offerId: 77,
      offerName: booking.offerName ?? 'La Haine',
      stockId,
      venueId: 1,
      venueName: 'Cinéma du Parc',
      firstName: booking.firstName ?? 'Zoé',
      lastName: booking.lastName ?? 'Mercier',
      updatedAt: NOW,
    })
    .run();
  const ledgerId = createLedger(db).append({
    at: new Date().toISOString(),
    counterName: 'Caisse 2',
    kind: 'validation',
    token,
    bookingId,
    outcome: 'validated',
    platformStatus: 204,
    platformAnswer: null,
  });
  return {
    token,
    ledgerId,
    validatedAt: new Date().toISOString(),
    message: 'Validée : 1 place.',
    upload: 'sent',
    booking: {
      bookingId,
      firstName: booking.firstName ?? 'Zoé',
      lastName: booking.lastName ?? 'Mercier',
      offerName: booking.offerName ?? 'La Haine',
      seanceStart: '2026-11-27T20:00:00.000Z',
      quantity,
      isDuo: quantity === 2,
      unitPriceCents: 750,
      totalPriceCents: 750 * quantity,
      priceCategoryLabel: 'Plein tarif',
      venueName: 'Cinéma du Parc',
    },
  } as Validation;
}

export async function until(check: () => boolean, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export { closeDatabase, openDatabase };
