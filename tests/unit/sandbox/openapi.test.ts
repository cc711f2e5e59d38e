/**
 * Contract test: the sandbox's 200 answers validate against the official OpenAPI document of the platform
 * (../shared/platform/openapi-subset.json, OpenAPI 3.0.3), turned into JSON Schema for Ajv as its README says:
 * `nullable: true` becomes `anyOf [schema, null]`, `discriminator` is dropped, and `#/components/schemas/…`
 * refs resolve against the components added under an `$id`.
 * A second, stricter pass also forbids undocumented properties, to catch a misspelt field name.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newEvent, startTestSandbox, type TestSandbox } from './helpers';

const here = path.dirname(fileURLToPath(import.meta.url));
const SPEC_PATH = path.resolve(here, '../../../../shared/platform/openapi-subset.json');
const BASE_ID = 'https://guichet.invalid/openapi-subset.json';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
interface Spec {
  paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: Json }> }> }>>;
  components: { schemas: Record<string, Json> };
}

/** OpenAPI 3.0 schema → JSON Schema (draft-07) as Ajv wants it. */
function toJsonSchema(node: Json, strict: boolean): Json {
  if (Array.isArray(node)) return node.map((item) => toJsonSchema(item, strict));
  if (node === null || typeof node !== 'object') return node;
  const out: { [key: string]: Json } = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'discriminator' || key === 'nullable' || key === 'example') continue;
    if (key === '$ref' && typeof value === 'string' && value.startsWith('#/')) out[key] = BASE_ID + value;
    else if (key === 'properties' && value !== null && typeof value === 'object' && !Array.isArray(value)) {
      // Property names are data here, not keywords: convert each property's schema.
      out[key] = Object.fromEntries(
        Object.entries(value).map(([name, schema]) => [name, toJsonSchema(schema, strict)]),
      );
    } else out[key] = toJsonSchema(value, strict);
  }
  if (strict && out.properties !== undefined && out.additionalProperties === undefined)
    out.additionalProperties = false;
  return node.nullable === true ? { anyOf: [out, { type: 'null' }] } : out;
}

function buildAjv(spec: Spec, strict: boolean): Ajv {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  const schemas = Object.fromEntries(
    Object.entries(spec.components.schemas).map(([name, schema]) => [name, toJsonSchema(schema, strict)]),
  );
  ajv.addSchema({ $id: BASE_ID, components: { schemas } });
  return ajv;
}

let spec: Spec;
let lenient: Ajv;
let strict: Ajv;
let t: TestSandbox;

beforeAll(async () => {
  if (!existsSync(SPEC_PATH)) throw new Error(`OpenAPI document not found at ${SPEC_PATH}`);
  spec = JSON.parse(readFileSync(SPEC_PATH, 'utf8')) as Spec;
  lenient = buildAjv(spec, false);
  strict = buildAjv(spec, true);
  t = await startTestSandbox();
});
afterAll(async () => {
  await t.close();
});

/** The documented schema of `method path → status` (application/json), compiled. */
const compiled = new Map<string, ValidateFunction>();
function validatorFor(ajv: Ajv, apiPath: string, method: string, status = '200'): ValidateFunction {
  const key = `${ajv === strict ? 'strict' : 'lenient'} ${method} ${apiPath} ${status}`;
  const cached = compiled.get(key);
  if (cached) return cached;
  const schema = spec.paths[apiPath]?.[method]?.responses[status]?.content?.['application/json']?.schema;
  if (schema === undefined) throw new Error(`no documented ${status} JSON answer for ${method} ${apiPath}`);
  const validate = ajv.compile(toJsonSchema(schema, false) as object);
  compiled.set(key, validate);
  return validate;
}

function expectValid(apiPath: string, body: unknown, method = 'get'): void {
  for (const [name, ajv] of [
    ['documented schema', lenient],
    ['no undocumented properties', strict],
  ] as const) {
    const validate = validatorFor(ajv, apiPath, method);
    const ok = validate(body);
    expect(ok, `${apiPath} (${name}): ${ajv.errorsText(validate.errors)}`).toBe(true);
  }
}

describe('sandbox answers match the platform OpenAPI', () => {
  it('the validators are not vacuous', async () => {
    const valid = (await t.bookings()).find((b) => b.lookupOutcome === 'valid');
    const booking = await t.getJson<Record<string, unknown>>(`/public/bookings/v1/token/${valid?.token}`);
    const documented = validatorFor(lenient, '/public/bookings/v1/token/{token}', 'get');
    const noExtra = validatorFor(strict, '/public/bookings/v1/token/{token}', 'get');
    expect(documented(booking)).toBe(true);
    expect(documented({ ...booking, price: '5.50' })).toBe(false);
    expect(documented({ ...booking, status: 'PENDING' })).toBe(false);
    expect(documented({ ...booking, userPhoneNumber: null })).toBe(true);
    const { userEmail: _dropped, ...withoutEmail } = booking;
    expect(documented(withoutEmail)).toBe(false);
    expect(noExtra({ ...booking, token: 'ABC234' })).toBe(false);
    const datesBody = await t.getJson<{ dates: Record<string, unknown>[] }>('/public/offers/v1/events/101/dates');
    const dates = validatorFor(lenient, '/public/offers/v1/events/{event_id}/dates', 'get');
    expect(dates(datesBody)).toBe(true);
    expect(dates({ dates: [{ ...datesBody.dates[0], beginningDatetime: 'tomorrow' }] })).toBe(false);
    expect(dates({ dates: [{ ...datesBody.dates[0], quantity: 'lots' }] })).toBe(false);
    expect(dates({ dates: [{ ...datesBody.dates[0], quantity: 'unlimited' }] })).toBe(true);
    const venues = await t.getJson<{ venues: Record<string, unknown>[] }[]>('/public/offers/v1/offerer_venues');
    const venue = venues[0]?.venues[0] ?? {};
    const venuesStrict = validatorFor(strict, '/public/offers/v1/offerer_venues', 'get');
    const misspelt = { ...venue, location: { type: 'physical', adress: '1 rue X' } };
    expect(venuesStrict([{ ...venues[0], venues: [misspelt] }])).toBe(false);
    expect(venuesStrict(venues)).toBe(true);
  });

  it('GET /public/bookings/v1/token/{token}', async () => {
    const bookings = await t.bookings();
    const samples = [
      bookings.find((b) => b.lookupOutcome === 'valid' && b.quantity === 1),
      bookings.find((b) => b.lookupOutcome === 'valid' && b.quantity === 2),
    ];
    for (const sample of samples) {
      expectValid('/public/bookings/v1/token/{token}', await t.getJson(`/public/bookings/v1/token/${sample?.token}`));
    }
  });

  it('GET /public/bookings/v1/bookings (every offer, every page, every state)', async () => {
    const { events } = await t.getJson<{ events: { id: number }[] }>('/public/offers/v1/events');
    const statuses = new Set<string>();
    for (const event of events) {
      for (let cursor = 1; ;) {
        const body = await t.getJson<{ bookings: { id: number; status: string }[] }>(
          `/public/bookings/v1/bookings?offerId=${event.id}&firstIndex=${cursor}&limit=20`,
        );
        expectValid('/public/bookings/v1/bookings', body);
        for (const booking of body.bookings) statuses.add(booking.status);
        if (body.bookings.length < 20) break;
        cursor = (body.bookings[body.bookings.length - 1]?.id ?? 0) + 1;
      }
    }
    expect([...statuses].sort()).toEqual(['CANCELLED', 'CONFIRMED', 'REIMBURSED', 'USED']);
  });

  it('GET /public/offers/v1/offerer_venues', async () => {
    expectValid('/public/offers/v1/offerer_venues', await t.getJson('/public/offers/v1/offerer_venues'));
  });

  it('GET /public/offers/v1/events', async () => {
    expectValid('/public/offers/v1/events', await t.getJson('/public/offers/v1/events?venueId=1'));
  });

  it('GET /public/offers/v1/events/{event_id} and its dates', async () => {
    const { events } = await t.getJson<{ events: { id: number }[] }>('/public/offers/v1/events');
    expect(events.length).toBeGreaterThan(0);
    for (const event of events) {
      expectValid('/public/offers/v1/events/{event_id}', await t.getJson(`/public/offers/v1/events/${event.id}`));
      expectValid(
        '/public/offers/v1/events/{event_id}/dates',
        await t.getJson(`/public/offers/v1/events/${event.id}/dates`),
      );
    }
  });

  describe('write answers', () => {
    const send = async (method: string, apiPath: string, body: unknown) => {
      const response = await fetch(`${t.url}${apiPath}`, {
        method,
        headers: { authorization: `Bearer ${t.sandbox.apiKey}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      expect(response.status, `${method} ${apiPath}`).toBe(200);
      return (await response.json()) as Record<string, unknown>;
    };
    const eventBody = newEvent({ name: 'Film du contrat' });

    it('POST and PATCH /public/offers/v1/events…, POST and PATCH its dates', async () => {
      const created = await send('POST', '/public/offers/v1/events', eventBody);
      expectValid('/public/offers/v1/events', created, 'post');
      const id = created.id as number;
      const edited = await send('PATCH', `/public/offers/v1/events/${id}`, { isActive: false, name: 'Autre' });
      expectValid('/public/offers/v1/events/{event_id}', edited, 'patch');
      const pc = (created.priceCategories as { id: number }[])[0]?.id;
      const start = '2026-03-28T20:30:00+01:00';
      const dates = await send('POST', `/public/offers/v1/events/${id}/dates`, {
        dates: [
          { beginningDatetime: start, bookingLimitDatetime: start, priceCategoryId: pc, quantity: 30 },
          { beginningDatetime: start, bookingLimitDatetime: start, priceCategoryId: pc, quantity: 'unlimited' },
        ],
      });
      expectValid('/public/offers/v1/events/{event_id}/dates', dates, 'post');
      const stockId = (dates.dates as { id: number }[])[0]?.id;
      const patched = await send('PATCH', `/public/offers/v1/events/${id}/dates/${stockId}`, { quantity: 0 });
      expectValid('/public/offers/v1/events/{event_id}/dates/{stock_id}', patched, 'patch');
    });

    it('POST and PATCH /public/offers/v1/events/{event_id}/price_categories…', async () => {
      const created = await send('POST', '/public/offers/v1/events', eventBody);
      const tariffs = `/public/offers/v1/events/${created.id as number}/price_categories`;
      const added = await send('POST', tariffs, {
        priceCategories: [
          { label: 'Tarif réduit', price: 400 },
          { label: 'Moins de 14 ans', price: 0 },
        ],
      });
      expectValid('/public/offers/v1/events/{event_id}/price_categories', added, 'post');
      expect(added.priceCategories).toHaveLength(2);
      const pc = (added.priceCategories as { id: number }[])[0]?.id;
      const edited = await send('PATCH', `${tariffs}/${pc}`, { label: 'Réduit', price: 450 });
      expectValid('/public/offers/v1/events/{event_id}/price_categories/{price_category_id}', edited, 'patch');
    });
  });
});
