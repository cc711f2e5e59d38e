/**
 * Every refusal the official OpenAPI document lists for the client's other operations — the sync's bookings
 * listing and the manager's programme calls (documentAnswers.test.ts covers the cashier's) — becomes a typed
 * PlatformError, never another exception: the product is checked against other implementations of the platform,
 * which may answer any documented status with the documented body, any other body, or none.
 *
 * Property-based, for each operation and each documented non-2xx status: the documented body (422's
 * ValidationError, drawn by documentArbitrary.ts and checked by Ajv first), any JSON, pcapi's `{"<field>": …}`
 * bodies, a body echoing the API key, a proxy's text page, no body. The client's method must reject with a
 * PlatformError of that status, whose code is one responseError.ts gives that status off the countermark routes,
 * whose message is a wording of the French catalogue with its blanks filled, and in which the key appears nowhere.
 *
 * Then the manager's side: a validation refusal (400/422) of a programme call, explained as the programme writer
 * explains it (programme/refusal.ts), keeps the field-level detail of the document's body — each field named in
 * French, each reason explained or quoted — never an empty, "[object Object]" or stack-trace message.
 * On failure fast-check prints the seed and the shrunk answer.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ContractFailure } from '../../../electron/core/contractFailure';
import type { PlatformClient } from '../../../electron/core/platform/client';
import { isPlatformError, type PlatformError } from '../../../electron/core/platform/errors';
import { explainRefusal } from '../../../electron/core/programme/refusal';
import type { ErrorCode } from '../../../shared/contract';
import { t } from '../../../shared/i18n';
import { CLIENT_OPERATIONS, type Json } from '../sandbox/openapiContract';
import {
  CALLS,
  clientOnTestServer,
  documentTools,
  EVENT_ID,
  errorAnswer,
  errorStatuses,
  expectCatalogueMessage,
  replyOf,
  responseSchema,
  type DocumentedOperation,
  type ErrorAnswer,
} from './documentOperations';
import { API_KEY } from './fixtures';
import type { TestServer } from './server';

/** Runs per operation and status: 12 operations, 66 statuses in all, about 25 ms a status on a 2-core PC. */
const NUM_RUNS = 30;
/** Runs per programme call and validation status: 9 calls, 17 statuses, about 50 ms a status. */
const PROGRAMME_RUNS = 40;

/** The cashier's calls, whose refusals documentAnswers.test.ts checks (a 404 there is an unknown countermark). */
const CASHIER_OPERATIONS = ['GetBookingByToken', 'ValidateBookingByToken', 'CancelBookingValidationByToken'];
const OTHER_OPERATIONS = CLIENT_OPERATIONS.filter((id) => !CASHIER_OPERATIONS.includes(id)).sort();
/** The calls the manager's programme screens make, whose refusals programme/refusal.ts explains. */
const PROGRAMME_OPERATIONS = [
  'GetEvent',
  'GetEventStocks',
  'PostEventOffer',
  'EditEvent',
  'PostEventPriceCategories',
  'PatchEventPriceCategory',
  'PostEventStocks',
  'PatchEventStock',
  'DeleteEventStock',
].sort();

/**
 * The codes each documented refusal may become away from the countermark routes (responseError.ts): the key
 * refused or its provider off; a film, séance, tariff or venue out of reach, or a 404 naming nothing; a request
 * refused — `invalid_input` for the listing's filters, else `platform_error`, which the programme explains from the
 * body; the rate limit. Never a countermark's verdict (`reimbursed`, `already_used`…) for a film or a listing.
 */
const CODES_BY_STATUS: Record<number, ErrorCode[]> = {
  400: ['invalid_input', 'platform_error'],
  401: ['auth_invalid'],
  403: ['provider_inactive', 'platform_error'],
  404: ['offer_unknown', 'venue_unknown', 'platform_error'],
  422: ['invalid_input', 'platform_error'],
  429: ['rate_limited'],
};

const { bodies, operations, byId, checkAgainstDocument } = documentTools(OTHER_OPERATIONS);

let server: TestServer;
let client: PlatformClient;
let close: () => Promise<void>;
beforeAll(async () => ({ server, client, close } = await clientOnTestServer()));
afterAll(() => close());

/** Serves the answer to the operation's call and returns what the client rejected with. */
async function refusal(operation: DocumentedOperation, answer: ErrorAnswer): Promise<PlatformError> {
  if (answer.documented) checkAgainstDocument(responseSchema(operation, answer.status)!, answer.body);
  server.reply(operation.method, operation.path, replyOf(answer));
  const error = await CALLS[operation.operationId]!(client).then(
    () => new Error('resolved'),
    (e: unknown) => e,
  );
  expect(isPlatformError(error), `not a PlatformError: ${String(error)}`).toBe(true);
  return error as PlatformError;
}

describe('the operations refused here', () => {
  it('are every operation the client calls but the cashier’s, each status a code of CODES_BY_STATUS', () => {
    expect(operations.map((o) => o.operationId).sort()).toEqual(OTHER_OPERATIONS);
    expect(OTHER_OPERATIONS).toEqual(expect.arrayContaining(PROGRAMME_OPERATIONS));
    for (const operation of operations) {
      expect(errorStatuses(operation).length, operation.operationId).toBeGreaterThan(0);
      for (const status of errorStatuses(operation)) {
        expect(Object.keys(CODES_BY_STATUS), `${operation.operationId} ${status}`).toContain(String(status));
      }
    }
  });
});

describe('every documented refusal of the sync’s and the manager’s calls becomes a typed PlatformError', () => {
  it.each(OTHER_OPERATIONS)('%s', async (operationId) => {
    const operation = byId(operationId);
    for (const status of errorStatuses(operation)) {
      await fc.assert(
        fc.asyncProperty(errorAnswer(operation, status, bodies), async (answer) => {
          const error = await refusal(operation, answer);
          expect(error.status).toBe(status);
          expect(CODES_BY_STATUS[status], `${operationId} ${status}: ${error.code}`).toContain(error.code);
          expectCatalogueMessage(error.message);
          // What the ledger and the logs keep of it.
          expect(JSON.stringify(error)).not.toContain(API_KEY);
          expect(String(error.stack)).not.toContain(API_KEY);
        }),
        // Always the answer without a body, and an empty JSON object.
        { numRuns: NUM_RUNS, examples: [[{ status }], [{ status, body: {} }]] },
      );
    }
  });
});

/**
 * What each operation's 404 stands for, per its description in the document ("The event offer could not be found.",
 * "The venue could not found for your API key."…), which gives it no body: another implementation may send none, or
 * one naming nothing. The sync skips a film or a venue out of reach on these codes and goes on with the others
 * (sync/newBookings.ts, statusRefresh.ts, mirrorSync.ts); a platform error there would stop the whole pass.
 */
const NOT_FOUND_MEANS: Record<string, ErrorCode> = {
  GetBookings: 'venue_unknown', // listed by venue (CALLS); by film it is the film, below
  GetEvents: 'venue_unknown',
  PostEventOffer: 'venue_unknown',
  GetEvent: 'offer_unknown',
  EditEvent: 'offer_unknown',
  GetEventStocks: 'offer_unknown',
  PostEventStocks: 'offer_unknown',
  PatchEventStock: 'offer_unknown',
  DeleteEventStock: 'offer_unknown',
  PostEventPriceCategories: 'offer_unknown',
  PatchEventPriceCategory: 'offer_unknown',
};

describe('a 404 naming nothing means what the document says of that operation', () => {
  const bodiesNamingNothing: ErrorAnswer[] = [
    { status: 404 },
    { status: 404, body: {} },
    { status: 404, body: { detail: 'Not Found' } },
    { status: 404, text: '<html><body>404 Not Found</body></html>' },
  ];

  it.each(Object.entries(NOT_FOUND_MEANS))('%s: %s', async (operationId, code) => {
    expect(errorStatuses(byId(operationId))).toContain(404);
    for (const answer of bodiesNamingNothing) {
      const error = await refusal(byId(operationId), answer);
      expect(error.code, JSON.stringify(answer)).toBe(code);
    }
  });

  it('a film’s booking listing: the film', async () => {
    server.reply('GET', '/public/bookings/v1/bookings', { status: 404 });
    await expect(client.listBookings({ offerId: EVENT_ID })).rejects.toMatchObject({ code: 'offer_unknown' });
  });

  it('the offerer’s venues, whose 404 the document does not list: a platform error (a wrong address, say)', async () => {
    server.reply('GET', '/public/offers/v1/offerer_venues', { status: 404 });
    await expect(client.getOffererVenues()).rejects.toMatchObject({ code: 'platform_error' });
  });
});

/** The séance and tariff the programme writer would name in its request context. */
const CONTEXT = { seances: ['du 28/03/2026 à 20:30'], tariffs: ['Réduit'] };

/** Field paths the offer routes validate, as a ValidationError's `loc` (location first, as pydantic writes it). */
const LOCS: string[][] = [
  ['body', 'name'],
  ['name'],
  ['body', 'eventDuration'],
  ['body', 'dates', '0', 'beginningDatetime'],
  ['body', 'dates', '0', 'quantity'],
  ['body', 'priceCategories', '0', 'label'],
  ['body', 'priceCategories', '0', 'price'],
  ['body', 'videoUrl'],
  ['query', 'limit'],
];
/** The French name each last field of LOCS must be given (the catalogue's programme.field). */
const FRENCH_FIELD: Record<string, string> = {
  name: 'Titre',
  eventDuration: 'Durée',
  beginningDatetime: 'Début de la séance',
  quantity: 'Places de la séance',
  label: 'Nom du tarif',
  price: 'Prix du tarif',
  videoUrl: 'Bande-annonce',
  limit: 'Champ « limit »',
};
/** pydantic's and pcapi's reasons (two wordings of pydantic, a French rule, one unknown, none). */
const MESSAGES = [
  'Field required',
  'field required',
  'ensure this value has at most 90 characters',
  'String should have at most 140 characters',
  'Input should be greater than or equal to 0',
  'The datetime must be in the future.',
  'Le stock total ne peut être inférieur au nombre de réservations',
  'some brand new rule',
  '',
];

/** A document-valid ValidationError naming the fields the offer routes validate. */
const fieldRefusal = fc.array(
  fc.record(
    {
      loc: fc.constantFrom(...LOCS),
      msg: fc.constantFrom(...MESSAGES),
      type: fc.constantFrom('missing', 'value_error', 'string_too_long', ''),
      ctx: fc.constantFrom({}, { limit_value: 90 }),
    },
    { requiredKeys: ['loc', 'msg', 'type'] },
  ),
  { minLength: 1, maxLength: 3 },
);

interface Element {
  loc: string[];
  msg: string;
  type: string;
}
const isElement = (item: Json): item is Json & Element =>
  item !== null && typeof item === 'object' && !Array.isArray(item) && Array.isArray(item.loc);

/** The manager's message for a refused programme call, as programme/refusal.ts gives it. */
function explained(error: PlatformError): ContractFailure {
  try {
    explainRefusal(error, CONTEXT);
  } catch (failure) {
    expect(failure, `not a ContractFailure: ${String(failure)}`).toBeInstanceOf(ContractFailure);
    return failure as ContractFailure;
  }
  throw new Error('explainRefusal returned');
}

/** The message, its platform quotations (« … ») taken out: what the manager reads in French. */
const outsideQuotes = (message: string) => message.replace(/«[^»]*»/g, '«»');

describe('a validation refusal of a programme call keeps its field-level detail, in French', () => {
  it.each(PROGRAMME_OPERATIONS)('%s', async (operationId) => {
    const operation = byId(operationId);
    const statuses = errorStatuses(operation).filter((status) => status === 400 || status === 422);
    expect(statuses).toContain(422);
    const schema = responseSchema(operation, 422)!;
    for (const status of statuses) {
      // ValidationError as the document draws it (fields and reasons of any text), and naming the routes' fields;
      // also as the 400's body, which the document describes as "a list of errors" without a schema.
      const body = fc.oneof(bodies.forSchema(schema), fieldRefusal as fc.Arbitrary<Json>);
      await fc.assert(
        fc.asyncProperty(body, async (sent) => {
          checkAgainstDocument(schema, sent);
          const failure = explained(await refusal(operation, { status, body: sent }));
          expect(['platform_refused', 'offer_not_editable', 'price_category_duplicate']).toContain(failure.code);
          expectCatalogueMessage(failure.message);
          const elements = (sent as Json[]).filter(isElement);
          if (elements.some((e) => e.msg.trim() !== '' || e.type.trim() !== '')) {
            expect(failure.message, 'a reason was given').not.toContain(t('programme.refusal.no_detail'));
          }
          if (failure.code !== 'platform_refused') return;
          // Every field named in French; every reason explained, or quoted when this version does not know it.
          for (const element of elements) {
            const named = LOCS.some((loc) => loc.join('.') === element.loc.join('.'));
            if (named) expect(failure.message).toContain(FRENCH_FIELD[element.loc.at(-1)!]);
            const reason = element.msg.trim();
            if (MESSAGES.includes(element.msg) && reason !== '' && !/[éè]/.test(reason)) {
              expect(outsideQuotes(failure.message), 'an English reason outside quotes').not.toContain(reason);
            }
          }
          // No field or reason quoted empty (unless the body itself wrote guillemets).
          if (!/[«»]/.test(JSON.stringify(sent))) expect(failure.message, 'an empty quotation').not.toMatch(/«\s*»/);
        }),
        { numRuns: PROGRAMME_RUNS, examples: [[[]]] },
      );
    }
  });

  it('the ValidationError of the document, as the manager reads it', async () => {
    const operation = byId('PostEventStocks');
    const body: Json = [
      {
        loc: ['body', 'dates', '0', 'beginningDatetime'],
        msg: 'The datetime must be in the future.',
        type: 'value_error',
      },
      { loc: ['body', 'dates', '0', 'quantity'], msg: '', type: 'missing' },
      { loc: ['body', 'name'], msg: ' ', type: '' },
    ];
    const failure = explained(await refusal(operation, { status: 422, body, documented: true }));
    expect(failure.code).toBe('platform_refused');
    expect(failure.message).toBe(
      'pass Culture a refusé l’envoi. ' +
        'Début de la séance du 28/03/2026 à 20:30 : la date est déjà passée ; pass Culture n’accepte qu’une date à venir. ' +
        'Places de la séance du 28/03/2026 à 20:30 : à renseigner, pass Culture le demande. ' +
        'Titre : refusé par pass Culture, sans motif donné.',
    );
  });
});

describe('regressions found by these properties', () => {
  it('a 403 of a film listing naming `payment` or `booking` is no countermark verdict', async () => {
    const operation = byId('GetEvents');
    for (const body of [{ payment: '' }, { booking: ['This booking has not been used'] }] as Json[]) {
      const error = await refusal(operation, { status: 403, body });
      expect(error.code).toBe('platform_error');
      expectCatalogueMessage(error.message);
    }
  });

  it('a listing filter refused without a word still says which', async () => {
    const error = await refusal(byId('GetBookings'), { status: 422, body: { venueId: [] } });
    expect(error.code).toBe('invalid_input');
    expect(error.message).toBe('Demande invalide : pass Culture refuse « venueId » sans dire pourquoi.');
  });

  it('the listing’s filter refused in the document’s ValidationError is read as in pcapi’s field body', async () => {
    const body: Json = [{ loc: ['query', 'venueId'], msg: 'Extra inputs are not permitted', type: 'extra_forbidden' }];
    const error = await refusal(byId('GetBookings'), { status: 422, body, documented: true });
    expect(error.code).toBe('invalid_input');
    expect(error.message).toBe('Demande invalide : Extra inputs are not permitted');
  });

  it('the key echoed by a refusal is masked in the body kept and in the message', async () => {
    // The key across the 200th character, where the excerpt kept of a text body is cut: none of its secret kept.
    const page = await refusal(byId('GetEvent'), { status: 502, text: `${'x'.repeat(150)}Bearer ${API_KEY} refused` });
    expect(page.body).toBe(`${'x'.repeat(150)}Bearer ••• refused`);
    const quoted = await refusal(byId('GetEvents'), { status: 403, body: { global: `key ${API_KEY} refused` } });
    expect(quoted.message).toBe('pass Culture refuse la demande (403) : « key ••• refused »');
    // The JSON escapes (\u0066 for f) spell the same key once parsed.
    const escaped = JSON.stringify({ auth: API_KEY }).replaceAll('f', '\\u0066');
    const spelt = await refusal(byId('GetEvent'), { status: 401, text: escaped });
    expect(spelt.body).toEqual({ auth: '•••' });
    expect(JSON.stringify([page, quoted, spelt])).not.toContain('f'.repeat(20));
  });
});
