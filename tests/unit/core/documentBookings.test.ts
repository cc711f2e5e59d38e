/**
 * What the engine does with every booking the official OpenAPI document allows, not only those our sandbox makes.
 * The product is checked against an independent implementation of the platform, which may send empty or very long
 * names, emoji and combining accents, `priceCategoryLabel` or `confirmationDate` null, a price of 0 or of billions,
 * any quantity, dates far in the past or future with odd offsets, unknown fields, every status.
 * tests/unit/platform/documentAnswers.test.ts shows the client reads such answers; this file follows them through
 * the real core (createCore, a real SQLite file) and its contract, as the guichet's screen calls it.
 *
 * Property-based. Each run draws a booking from the document's GetBookingResponse and a page of GetDatesResponse
 * holding the booking's séance (documentArbitrary.ts, each checked by Ajv against the document first), serves
 * them from a local server with a 204 for the validation, and, under a new token:
 * - `counter.lookup` answers a verdict (never an exception; an `ok: false` envelope would have to carry a known
 *   code and a sentence of the French catalogue): green or amber, with the name, film, quantity, price and séance
 *   as sent (names and titles cleaned as shared/text.ts says, the séance as the same instant);
 * - `counter.validate` (confirming another séance when the verdict is amber) validates exactly the bookings the
 *   shared rule says are validatable (shared/validatable.ts), with the PATCH sent once, and refuses the others in
 *   French without sending anything;
 * - the booking is in the mirror: the name search finds it by its last name (when that name has letters the
 *   search knows, see searchableName);
 * - the validation is in the ledger (`ledger.today`) and its entry slip renders (`printer.preview`).
 * One core for the file; on failure fast-check prints the seed and the shrunk booking and page.
 * Names, titles, quantity and price are mostly everyday values (the document's strings rarely hold a Latin letter,
 * its integers are rarely 1 or 2), the document's own values the rest of the time. One case is left out, on
 * purpose: a total price beyond 2^53 cents (see `drawn`).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../electron/core';
import { normalizeForSearch } from '../../../electron/core/db/bookingCache';
import { errorCodeSchema, type BookingView, type Envelope, type Verdict } from '../../../shared/contract';
import type { BookingRow, LedgerRow, Validation } from '../../../shared/contract';
import type { BookingStatus } from '../../../shared/platform/schemas';
import { ANY_SEANCE_WINDOW } from '../../../shared/seanceWindow';
import { cleanText, LABEL_MAX, NAME_MAX, TITLE_MAX } from '../../../shared/text';
import { validatability } from '../../../shared/validatable';
import { CLIENT_OPERATIONS, type Json } from '../sandbox/openapiContract';
import { documentTools, expectCatalogueMessage, fillPath, instantOf, success } from '../platform/documentOperations';
import { API_KEY, offererVenuesJson } from '../platform/fixtures';
import { startServer, type TestServer } from '../platform/server';

/** Runs of the property: about 7 ms each on a 2-core PC (lookup, validations, search, journal, slip). */
const NUM_RUNS = 300;

type JsonRecord = { [key: string]: Json };

const { bodies, byId, checkAgainstDocument } = documentTools(CLIENT_OPERATIONS);
const bookingSchema = success(byId('GetBookingByToken')).schema!;
const datesSchema = success(byId('GetEventStocks')).schema!;
const dateSchema: Json = { $ref: '#/components/schemas/DateResponse' };

/** The document's path of an operation, its parameters filled in. */
const pathOf = (operationId: string, parameters: Record<string, string | number>) =>
  fillPath(byId(operationId).template, parameters);

/**
 * People's names as a cinema meets them: accents (composed, or a letter and a combining accent), apostrophes,
 * hyphens and particles, other scripts, emoji, and now and then a name hundreds of characters long. The document's
 * own strings (any Unicode, mostly no Latin letter at all) stay in the mix, but alone they would almost never give
 * the name search something to find.
 */
const NAMES = [
  'Martin',
  'Lefèvre',
  'Le\u0301a',
  'N’Diaye',
  "O'Brien",
  'Dupont-Moreau',
  'de La Fontaine',
  'Zoë',
  'ÉLOÏSE',
  'Łukasz',
  'Nguyễn',
  'Ørsted',
  'Straße',
  'Ελένη',
  'Иван',
  '山田',
  'محمد',
  'Ali 🎬',
  '👩‍👩‍👧',
  'x',
];
const personName = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...NAMES) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...NAMES), fc.constantFrom(...NAMES)).map(([a, b]) => `${a} ${b}`) },
  { weight: 2, arbitrary: fc.stringMatching(/^[A-Za-zÀ-ÖØ-öø-ÿ' -]{1,40}$/) },
  {
    weight: 1,
    arbitrary: fc.tuple(fc.constantFrom(...NAMES), fc.integer({ min: 20, max: 400 })).map(([n, k]) => n.repeat(k)),
  },
);
/** A field's document value (undefined: kept as drawn) or, more often, a value of `everyday`. */
const mostly = <T>(everyday: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 1, arbitrary: fc.constant(undefined) }, { weight: 3, arbitrary: everyday });

/** A booking and its séance's page as the document allows them; the page always holds the booking's stockId. */
const drawn = fc
  .record({
    booking: bodies.forSchema(bookingSchema),
    page: bodies.forSchema(datesSchema),
    seance: bodies.forSchema(dateSchema),
    at: fc.nat(),
    everyday: fc.record({
      userFirstName: mostly(personName),
      userLastName: mostly(personName),
      offerName: mostly(personName),
      // 1 or 2, as the document's description says; its schema allows any integer (kept a quarter of the time).
      quantity: mostly(fc.constantFrom(1, 2)),
      price: mostly(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 3000 }))),
    }),
  })
  .map(({ booking, page, seance, at, everyday }) => {
    const chosen = Object.entries(everyday).filter(([, value]) => value !== undefined);
    const b = { ...(booking as JsonRecord), ...Object.fromEntries(chosen) } as JsonRecord;
    const others = ((page as JsonRecord).dates as JsonRecord[]).filter((d) => d.id !== b.stockId);
    const dates = [...others];
    dates.splice(at % (others.length + 1), 0, { ...(seance as JsonRecord), id: b.stockId! });
    return { booking: b, page: { ...(page as JsonRecord), dates } as Json };
  })
  // Avoided, not fixed: a total price beyond 2^53 cents (price × quantity, both integers the document leaves
  // unbounded) is no exact JavaScript number; the verdict's `totalPriceCents` then fails the contract's output
  // check and the cashier gets "Erreur interne" for the lookup. Refusing such a booking as malformed or showing it
  // without a total is a product decision, left open.
  .filter(({ booking }) => Number.isSafeInteger((booking.price as number) * (booking.quantity as number)));

let server: TestServer;
let core: Core;
let dataDir: string;
/** A new countermark per run, shrinking included: the engine's mirror and ledger outlive each run. */
let tokens = 0;
const nextToken = () => `Q${(tokens++).toString(36).toUpperCase().padStart(5, '0')}`;
/**
 * The séance starts the engine has been served, by stockId (ms): it remembers every date of a page it reads, and
 * reads a film's dates only for a séance it does not know yet.
 */
const served = new Map<number, number>();
/** Booking ids served so far, and where new ones start when a run draws one again. */
const bookingIds = new Set<number>();
const FRESH_IDS = 2 ** 50;

beforeAll(async () => {
  server = await startServer();
  server.reply('GET', pathOf('GetOffererVenues', {}), { status: 200, json: offererVenuesJson });
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'guichet-document-bookings-'));
  core = await createCore({
    dataDir,
    platform: { baseUrl: server.baseUrl, apiKey: API_KEY },
    mode: 'live',
    counterName: 'Caisse test',
    logger: pino({ level: 'silent' }),
    // Generous: the property is about what is answered, not how fast (a 2-core PC running other test files).
    lookupTimeoutMs: 10_000,
    syncPeriodMs: 0,
    rateLimitPerMinute: 1_000_000,
    seanceWindow: ANY_SEANCE_WINDOW,
    printer: { defaultSpec: { kind: 'none' } },
  });
});
afterAll(async () => {
  await core?.close();
  await server?.close();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

const KNOWN_CODES: readonly string[] = errorCodeSchema.options;

/** The value of an envelope; a refusal must be a known code with a sentence of the French catalogue. */
function valueOf<T>(envelope: Envelope<unknown>, call: string): T {
  if (!envelope.ok) {
    expect(KNOWN_CODES, `${call}: unknown code`).toContain(envelope.error.code);
    expectCatalogueMessage(envelope.error.message);
    throw new Error(`${call} refused: ${envelope.error.code} ${envelope.error.message}`);
  }
  return envelope.value as T;
}

/**
 * Printable, trimmed text within `max` code points, its only spaces single ordinary ones: what cleanText keeps as
 * it is (it makes any other space, a no-break one say, an ordinary one).
 */
const plain = (text: string, max: number) =>
  // eslint-disable-next-line no-control-regex -- the characters cleanText removes
  !/[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]|\s{2}|[^\S ]/.test(text) &&
  text === text.trim() &&
  [...text].length <= max;

/** A name as the engine keeps it (shared/text.ts), and unchanged when there was nothing to clean. */
function expectCleaned(received: string, sent: string, max: number, at: string): void {
  expect(received, at).toBe(cleanText(sent, max));
  if (plain(sent, max)) expect(received, at).toBe(sent);
}

/**
 * What to type in the name search to find a last name: the name itself, cut to the 80 characters the search
 * takes. Null when nothing of it is searchable: the search compares Latin letters and digits once accents are
 * dropped (normalizeForSearch), so a name in Greek, Cyrillic, Arabic or CJK letters, or only emoji, is found by
 * the film and séance, not by name. (So is a Latin name typed without its letter outside a–z: "Lukasz" does not
 * find "Łukasz", nor "Strasse" "Straße"; not checked here.)
 */
function searchableName(lastName: string): string | null {
  let query = '';
  for (const char of lastName) {
    if (query.length + char.length > 80) break;
    query += char;
  }
  return normalizeForSearch(query) === '' ? null : query;
}

function expectView(view: BookingView | null, sent: JsonRecord, seanceStart: number | undefined): void {
  expect(view).not.toBeNull();
  const v = view!;
  expect(v.bookingId).toBe(sent.id);
  expectCleaned(v.firstName, (sent.userFirstName as string | null | undefined) ?? '', NAME_MAX, 'firstName');
  expectCleaned(v.lastName, (sent.userLastName as string | null | undefined) ?? '', NAME_MAX, 'lastName');
  expectCleaned(v.offerName, sent.offerName as string, TITLE_MAX, 'offerName');
  expectCleaned(v.venueName, sent.venueName as string, TITLE_MAX, 'venueName');
  expect(v.quantity).toBe(sent.quantity);
  expect(v.isDuo).toBe(sent.quantity === 2);
  expect(v.unitPriceCents).toBe(sent.price);
  expect(v.totalPriceCents).toBe((sent.price as number) * (sent.quantity as number));
  const label = sent.priceCategoryLabel;
  expect(v.priceCategoryLabel).toBe(typeof label === 'string' ? cleanText(label, LABEL_MAX) : null);
  if (seanceStart === undefined) expect(v.seanceStart).toBeNull();
  else expect(Date.parse(v.seanceStart!)).toBe(seanceStart);
}

describe('every booking the document allows, through the engine', () => {
  it('is looked up, validated when validatable, mirrored, written to the ledger', async () => {
    await fc.assert(
      fc.asyncProperty(drawn, async (run) => {
        let { booking } = run;
        const { page } = run;
        const token = nextToken();
        // A booking id names one booking: a second run drawing the same id gets a new one (the engine refreshes
        // bookings it knows in the background, and two tokens of one id would only be the test's own confusion).
        if (bookingIds.has(booking.id as number)) booking = { ...booking, id: FRESH_IDS + bookingIds.size };
        bookingIds.add(booking.id as number);
        checkAgainstDocument(bookingSchema, booking);
        checkAgainstDocument(datesSchema, page);
        const sent = JSON.parse(JSON.stringify(booking)) as JsonRecord;
        const stockId = sent.stockId as number;
        const datesPath = pathOf('GetEventStocks', { event_id: sent.offerId as number });
        const usePath = pathOf('ValidateBookingByToken', { token });
        server.reply('GET', pathOf('GetBookingByToken', { token }), { status: 200, json: booking });
        server.reply('GET', datesPath, { status: 200, json: page });
        server.reply('PATCH', usePath, { status: 204 });
        const requestsBefore = server.requests.length;

        let datesRead = 0;
        /** After each call: when the engine read the film's dates, it remembered each, the last of an id winning. */
        const noteDates = () => {
          const reads = server.requests
            .slice(requestsBefore)
            .filter((r) => r.method === 'GET' && r.url.split('?')[0] === datesPath).length;
          if (reads === datesRead) return;
          datesRead = reads;
          for (const d of (page as JsonRecord).dates as JsonRecord[])
            served.set(d.id as number, instantOf(d.beginningDatetime as string)!);
        };

        const verdict = valueOf<Verdict>(await core.dispatch('counter.lookup', { text: token }), 'lookup');
        noteDates();
        expect(['valid', 'other_seance']).toContain(verdict.kind);
        expect(verdict).toMatchObject({ token, source: 'platform', reason: null });
        expectView(verdict.booking, sent, served.get(stockId));

        // The shared rule on the booking as sent, its date read independently (a leap second is a valid instant).
        const confirmation = (sent.confirmationDate as string | null | undefined) ?? null;
        const rule = validatability(
          {
            status: sent.status as BookingStatus,
            confirmationDate: confirmation === null ? null : new Date(instantOf(confirmation)!).toISOString(),
          },
          new Date(),
        );
        const codes = {
          used: 'already_used',
          cancelled: 'cancelled',
          reimbursed: 'reimbursed',
          not_yet: 'not_confirmed',
        };
        if (verdict.kind === 'other_seance') {
          // Amber: refused until the cashier confirms, the séance's date written out in the refusal.
          const unconfirmed = await core.dispatch('counter.validate', { token });
          expect(unconfirmed).toMatchObject({
            ok: false,
            error: { code: rule.ok ? 'seance_outside_window' : codes[rule.reason] },
          });
          if (!unconfirmed.ok) expectCatalogueMessage(unconfirmed.error.message);
        }
        const validated = await core.dispatch('counter.validate', {
          token,
          ...(verdict.kind === 'other_seance' ? { acceptOtherSeance: true } : {}),
        });
        noteDates();
        const patches = server.requests.slice(requestsBefore).filter((r) => r.method === 'PATCH');
        if (rule.ok) {
          const validation = valueOf<Validation>(validated, 'validate');
          expect(validation).toMatchObject({ token, upload: 'sent' });
          expectView(validation.booking, sent, served.get(stockId));
          expect(patches.map((r) => r.url)).toEqual([usePath]);
          const { rows } = valueOf<{ rows: LedgerRow[] }>(await core.dispatch('ledger.today', {}), 'ledger');
          expect(rows.find((r) => r.id === validation.ledgerId)).toMatchObject({
            kind: 'validation',
            token,
            bookingId: sent.id,
            outcome: 'validated',
          });
          valueOf(await core.dispatch('printer.preview', { ledgerId: validation.ledgerId }), 'preview');
        } else {
          expect(validated).toMatchObject({ ok: false, error: { code: codes[rule.reason] } });
          if (!validated.ok) expectCatalogueMessage(validated.error.message);
          expect(patches).toEqual([]);
        }

        const query = searchableName(verdict.booking!.lastName);
        if (query !== null) {
          const found = valueOf<{ bookings: BookingRow[] }>(
            await core.dispatch('bookings.search', { query, scope: 'all', limit: 200 }),
            'search',
          );
          // A full page may be other bookings of the same name: the mirror grows over the runs, and the search
          // lists the first 200 in name order (only in runs far longer than NUM_RUNS).
          if (found.bookings.length < 200) expect(found.bookings.map((b) => b.bookingId)).toContain(sent.id);
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });
});
