/**
 * The operations of the official OpenAPI document the client calls, as the property tests drive them
 * (documentAnswers.test.ts: success answers and the cashier's refusals; documentErrors.test.ts: every other
 * operation's refusals): each operation with its path filled in, the client method the app calls for it, the
 * statuses the document lists, and what a refusal may carry — the documented body when there is one, any JSON,
 * the platform's own shapes, a proxy's page, nothing. Kept in one place so both tests drive the same calls.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { createPlatformClient, type PlatformClient } from '../../../electron/core/platform/client';
import { createPlatformDispatcher } from '../../../electron/core/platform/roundTrip';
import { frCommon } from '../../../shared/i18n/fr/common';
import { documentArbitraries, type DocumentArbitraries } from './documentArbitrary';
import { API_KEY } from './fixtures';
import { startServer, type TestServer } from './server';
import { createChecker, loadSpec, type Json, type Spec } from '../sandbox/openapiContract';

/**
 * The document as the property tests use it: the operations `operationIds` name, a value generator, and Ajv's
 * relaxed check (unknown fields allowed) that every generated value must pass first.
 */
export function documentTools(operationIds: readonly string[]) {
  const spec = loadSpec();
  const relaxed = createChecker(spec, false);
  const operations = clientOperations(spec, operationIds);
  return {
    bodies: documentArbitraries(spec, (node, value) => relaxed.schemaValidator(node)(value)),
    operations,
    byId: (id: string) => operations.find((o) => o.operationId === id)!,
    /** Fails the test, with Ajv's errors, when a generated value is outside the document (the generator drifted). */
    checkAgainstDocument(schema: Json, value: Json | undefined): void {
      const validate = relaxed.schemaValidator(schema);
      expect(validate(value), `generated value outside the document: ${JSON.stringify(validate.errors)}`).toBe(true);
    },
  };
}

/** A client on the product's own transport, talking to a local test server; `close` ends both. */
export async function clientOnTestServer(): Promise<{
  server: TestServer;
  client: PlatformClient;
  close: () => Promise<void>;
}> {
  const server = await startServer();
  const dispatcher = createPlatformDispatcher();
  const client = createPlatformClient({ baseUrl: server.baseUrl, apiKey: API_KEY, dispatcher });
  return {
    server,
    client,
    async close() {
      await dispatcher.close();
      await server.close();
    },
  };
}

export const TOKEN = 'AB2CD3';
export const EVENT_ID = 42;
export const STOCK_ID = 4201;
export const PRICE_CATEGORY_ID = 7;
export const VENUE_ID = 535;
/** What the calls below put in each path parameter of the document's templates. */
const PATH_PARAMETERS: Record<string, string> = {
  token: TOKEN,
  event_id: String(EVENT_ID),
  stock_id: String(STOCK_ID),
  price_category_id: String(PRICE_CATEGORY_ID),
};

/** The client method the app calls for each operation of CLIENT_OPERATIONS, with the values above. */
export const CALLS: Record<string, (client: PlatformClient) => Promise<unknown>> = {
  GetBookingByToken: (c) => c.getBookingByToken(TOKEN),
  ValidateBookingByToken: (c) => c.useToken(TOKEN),
  CancelBookingValidationByToken: (c) => c.keepToken(TOKEN),
  GetBookings: (c) => c.listBookings({ venueId: VENUE_ID }),
  GetEventStocks: (c) => c.getEventDates(EVENT_ID),
  GetEvents: (c) => c.listEvents(VENUE_ID),
  GetEvent: (c) => c.getEvent(EVENT_ID),
  PostEventOffer: (c) =>
    c.createEvent({
      venueId: VENUE_ID,
      name: 'Film',
      isDuo: false,
      priceCategories: [{ label: 'Tarif unique', price: 700 }],
      idAtProvider: 'guichet:1',
    }),
  EditEvent: (c) => c.editEvent(EVENT_ID, { name: 'Film (VOST)' }),
  PostEventPriceCategories: (c) => c.addPriceCategories(EVENT_ID, [{ label: 'Réduit', price: 450 }]),
  PatchEventPriceCategory: (c) => c.editPriceCategory(EVENT_ID, PRICE_CATEGORY_ID, { price: 400 }),
  PostEventStocks: (c) =>
    c.addDates(EVENT_ID, [
      {
        beginningDatetime: '2026-03-28T20:30:00+01:00',
        bookingLimitDatetime: '2026-03-28T20:30:00+01:00',
        priceCategoryId: PRICE_CATEGORY_ID,
        quantity: 30,
      },
    ]),
  PatchEventStock: (c) => c.editDate(EVENT_ID, STOCK_ID, { quantity: 12 }),
  DeleteEventStock: (c) => c.deleteDate(EVENT_ID, STOCK_ID),
  GetOffererVenues: (c) => c.getOffererVenues(),
};

export interface DocumentedOperation {
  operationId: string;
  method: string;
  /** The document's path template (`/public/bookings/v1/token/{token}`). */
  template: string;
  /** The path with its parameters filled in as the calls above fill them. */
  path: string;
  responses: Spec['paths'][string][string]['responses'];
}

/** A path template with the parameters given filled in (encoded); the others left as they are. */
export function fillPath(template: string, parameters: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in parameters ? encodeURIComponent(String(parameters[name])) : whole,
  );
}

export function clientOperations(spec: Spec, operationIds: readonly string[]): DocumentedOperation[] {
  return Object.entries(spec.paths).flatMap(([template, methods]) =>
    Object.entries(methods)
      .filter(([, operation]) => operationIds.includes(operation.operationId))
      .map(([method, operation]) => ({
        operationId: operation.operationId,
        method: method.toUpperCase(),
        template,
        path: fillPath(template, PATH_PARAMETERS),
        responses: operation.responses,
      })),
  );
}

/** The documented success status and its JSON schema (undefined when the answer has no body). */
export function success(operation: DocumentedOperation): { status: number; schema: Json | undefined } {
  const status = Object.keys(operation.responses).find((s) => s.startsWith('2'));
  if (status === undefined) throw new Error(`${operation.operationId}: no documented success`);
  return { status: Number(status), schema: responseSchema(operation, status) };
}

/** The refusals the document lists for an operation (4xx, 5xx). */
export function errorStatuses(operation: DocumentedOperation): number[] {
  return Object.keys(operation.responses)
    .map(Number)
    .filter((status) => status >= 400);
}

export function responseSchema(operation: DocumentedOperation, status: number | string): Json | undefined {
  return operation.responses[String(status)]?.content?.['application/json']?.schema;
}

/** A refusal as the test server sends it: a JSON body, a text body, or neither. */
export interface ErrorAnswer {
  status: number;
  body?: Json;
  text?: string;
  /** The body was drawn from the status's schema in the document (the tests check it with Ajv first). */
  documented?: true;
}

/** The platform's wordings, and others: the classifier must cope with any text. */
const message = fc.oneof(
  fc.constantFrom(
    'This countermark cannot be found',
    'This booking has already been validated',
    'This booking has been cancelled',
    'This booking has already been reimbursed',
    'This booking has not been used',
    'This booking cannot be cancelled anymore',
    'Vous ne pouvez plus valider de contremarque sur une structure fermée',
    'Inactive provider',
    'API key required',
    'we could not find this offer',
    'Venue cannot be found',
    'ensure this value has at most 90 characters',
    'The datetime must be in the future.',
    'Les offres importées ne sont pas modifiables',
  ),
  fc
    .tuple(
      fc.integer({ min: 0, max: 40 }),
      fc.integer({ min: 0, max: 14 }),
      fc.integer({ min: 0, max: 9999 }),
      fc.integer({ min: 0, max: 30 }),
      fc.integer({ min: 0, max: 70 }),
    )
    .map(
      ([day, month, year, hour, minute]) =>
        `Vous pourrez valider cette contremarque à partir du ${day}/${month}/${year} à ${hour}:${minute}, ` +
        'une fois le délai d’annulation passé.',
    ),
  fc.string({ unit: 'binary', maxLength: 300 }),
);

/** Fields pcapi names in its `{"<field>": "message" | ["message", …]}` bodies, on the token and offer routes. */
const FIELD_NAMES = [
  'global',
  'booking',
  'payment',
  'auth',
  'offerId',
  'venueId',
  'event_id',
  'stock_id',
  'price_category_id',
  'name',
  'dates.0.beginningDatetime',
  'priceCategories.0.label',
];
const errorFields = fc.dictionary(
  fc.oneof(fc.constantFrom(...FIELD_NAMES), fc.string({ maxLength: 10 })),
  fc.oneof(message, fc.array(message, { maxLength: 3 }), fc.jsonValue({ maxDepth: 1 })),
  { maxKeys: 3 },
);

/**
 * The key sent back: a proxy's or a debugging server's page quoting the request's headers, a body naming the key
 * it refuses. Whatever the platform says, the key must reach neither the message nor the error kept for the ledger.
 */
const echoingKey = fc.oneof(
  fc.constantFrom(
    { text: `<html><body><pre>Authorization: Bearer ${API_KEY}</pre></body></html>` },
    { body: { auth: `API key ${API_KEY} is not valid` } as Json },
    { body: { global: [`Bearer ${API_KEY}`], headers: { authorization: `Bearer ${API_KEY}` } } as Json },
  ),
  fc
    .tuple(fc.constantFrom('auth', 'global', 'booking', 'name', 'venueId'), fc.string({ maxLength: 20 }))
    .map(([field, words]) => ({ body: { [field]: `${words}${API_KEY}${words}` } as Json })),
);

/**
 * A refusal of `status`: its documented JSON body when the document gives one (checked by Ajv in the tests), any
 * JSON (the document says nothing of it, or an implementation strays from it), the platform's field bodies, the key
 * echoed, a text page, or no body at all.
 */
export function errorAnswer(
  operation: DocumentedOperation,
  status: number,
  bodies: DocumentArbitraries,
): fc.Arbitrary<ErrorAnswer> {
  const schema = responseSchema(operation, status);
  const json = (arbitrary: fc.Arbitrary<unknown>) =>
    arbitrary.map((body): ErrorAnswer => ({ status, body: body as Json }));
  const kinds: fc.Arbitrary<ErrorAnswer>[] = [
    fc.constant({ status }),
    json(errorFields),
    json(fc.jsonValue({ maxDepth: 2 })),
    echoingKey.map((echo): ErrorAnswer => ({ status, ...echo })),
    fc
      .constantFrom('<html><body>Bad Gateway</body></html>', '', 'Too Many Requests', '[object Object]')
      .map((text): ErrorAnswer => ({ status, text })),
  ];
  // The documented body as often as all the others together.
  return schema === undefined
    ? fc.oneof(...kinds)
    : fc.oneof(
        { weight: 1, arbitrary: fc.oneof(...kinds) },
        {
          weight: 1,
          arbitrary: bodies.forSchema(schema).map((body): ErrorAnswer => ({ status, body, documented: true })),
        },
      );
}

/** A refusal of any status the document lists for the operation. */
export function anyErrorAnswer(operation: DocumentedOperation, bodies: DocumentArbitraries): fc.Arbitrary<ErrorAnswer> {
  return fc.constantFrom(...errorStatuses(operation)).chain((status) => errorAnswer(operation, status, bodies));
}

/** The test server's reply for an answer. */
export function replyOf(answer: ErrorAnswer) {
  return {
    status: answer.status,
    ...(answer.body === undefined ? {} : { json: answer.body }),
    ...(answer.text === undefined ? {} : { text: answer.text }),
  };
}

/** Each `errors.*` wording of the French catalogue, its `{{placeholders}}` as named groups. */
const ERROR_WORDINGS = Object.entries(frCommon.errors).map(([key, wording]) => {
  const names: string[] = [];
  const pattern = wording
    .split(/(\{\{[^}]+\}\})/)
    .map((part) => {
      const placeholder = /^\{\{-?\s*(\w+)\s*\}\}$/.exec(part);
      if (!placeholder) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(placeholder[1]!);
      return '([\\s\\S]*)';
    })
    .join('');
  return { key, names, pattern: new RegExp(`^${pattern}$`) };
});

/**
 * A message for the cashier or the manager: one of the catalogue's `errors.*` wordings, each of its placeholders
 * filled with something readable — never blank, `undefined`, `[object Object]` or a stack trace — and no part of
 * the API key anywhere. Returns the catalogue key it matched.
 */
export function expectCatalogueMessage(text: string): string {
  expect(text).not.toContain(API_KEY);
  expect(text).not.toContain(API_KEY.slice(-64));
  const matched = ERROR_WORDINGS.map((wording) => ({ wording, found: wording.pattern.exec(text) })).find(
    (m) => m.found !== null,
  );
  expect(matched, `not a wording of the catalogue: ${JSON.stringify(text)}`).toBeDefined();
  const { wording, found } = matched!;
  wording.names.forEach((name, i) => {
    const value = found![i + 1] ?? '';
    const at = `errors.${wording.key} {{${name}}} in ${JSON.stringify(text)}`;
    expect(value.trim(), at).not.toBe('');
    expect(value, at).not.toMatch(/^(undefined|null|NaN)$|\[object \w+\]|\n\s+at\s/);
  });
  return wording.key;
}

/**
 * The instant an RFC 3339 date-time stands for, in ms, read here independently of the product's parser: the
 * fraction truncated to milliseconds, and a leap second (`:60`) as the minute's last millisecond — JavaScript
 * has no instant for it, and that keeps its day and its order.
 */
export function instantOf(text: string): number | null {
  const m =
    /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(?:[Zz]|([+-])(\d{2})(?::?(\d{2}))?)$/.exec(text);
  if (!m) return null;
  const [, year, month, day, hours, minutes, seconds, fraction = '', sign, offsetHours, offsetMinutes] = m;
  const leap = Number(seconds) === 60;
  const date = new Date(0);
  // setUTCFullYear, not Date.UTC: Date.UTC reads years 0–99 as 1900–1999.
  date.setUTCFullYear(Number(year), Number(month) - 1, Number(day));
  date.setUTCHours(
    Number(hours),
    Number(minutes),
    leap ? 59 : Number(seconds),
    leap ? 999 : Number(fraction.padEnd(3, '0').slice(0, 3)),
  );
  const offset = sign === undefined ? 0 : (Number(offsetHours) * 60 + Number(offsetMinutes ?? 0)) * 60_000;
  return date.getTime() - (sign === '-' ? -offset : offset);
}
