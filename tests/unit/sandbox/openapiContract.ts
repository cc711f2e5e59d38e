/**
 * The official OpenAPI document (../shared/platform/openapi-subset.json, OpenAPI 3.1.0) as a checker of HTTP
 * exchanges, the way its README says: Ajv's 2020-12 class (`strict: false`, so `example` and `discriminator` are
 * ignored) with ajv-formats, after rewriting each `nullable: true` node as `anyOf [node, {"type": "null"}]`.
 *
 * An exchange is checked from both ends: the request (its path template and operation, path and query parameters
 * — each declared and valid, the required ones present —, a body where one is documented, always required in 3.1)
 * and the answer (a documented status; a documented JSON body validates). "Strict" also forbids properties the
 * document does not declare, for what the sandbox answers and what the client sends; the client itself must not
 * be that strict with what it receives (shared/platform/schemas.ts), so "relaxed" opens every object, even those
 * the document closes with `additionalProperties: false` (as the README says for what the client receives).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { ValidateFunction } from 'ajv';
import type { Dispatcher } from 'undici';
import { createPlatformDispatcher } from '../../../electron/core/platform/roundTrip';

const here = path.dirname(fileURLToPath(import.meta.url));
export const SPEC_PATH = path.resolve(here, '../../../../shared/platform/openapi-subset.json');
const BASE_ID = 'https://guichet.invalid/openapi-subset.json';

/** Every operation the counter calls, by the document's operationId (`fetchImage` reads a public URL, not the API). */
export const CLIENT_OPERATIONS = [
  'CancelBookingValidationByToken',
  'DeleteEventStock',
  'EditEvent',
  'GetBookingByToken',
  'GetBookings',
  'GetEvent',
  'GetEventStocks',
  'GetEvents',
  'GetOffererVenues',
  'PatchEventPriceCategory',
  'PatchEventStock',
  'PostEventOffer',
  'PostEventPriceCategories',
  'PostEventStocks',
  'ValidateBookingByToken',
];

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

interface Parameter {
  name: string;
  in: 'query' | 'path' | 'header';
  required?: boolean;
  schema: Json;
}
interface Operation {
  operationId: string;
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content: Record<string, { schema: Json }> };
  responses: Record<string, { content?: Record<string, { schema: Json }> }>;
}
export interface Spec {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Json> };
}

export function loadSpec(): Spec {
  return JSON.parse(readFileSync(SPEC_PATH, 'utf8')) as Spec;
}

const isObject = (node: Json): node is JsonObject => node !== null && typeof node === 'object' && !Array.isArray(node);

/**
 * One schema node for Ajv 2020: `nullable: true` wrapped as anyOf-null (wrapping, not adding "null" to `type`, so
 * nodes with `enum`, `$ref` or no `type` behave too), local `$ref`s made absolute, and — strict — every object that
 * lists its properties closed to others, or — relaxed — every object open, `additionalProperties: false` dropped.
 */
export function toJsonSchema(node: Json, strict: boolean): Json {
  if (Array.isArray(node)) return node.map((item) => toJsonSchema(item, strict));
  if (!isObject(node)) return node;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'nullable') continue;
    // Relaxed: the platform may add a field to any answer at any time, and the client must read it anyway.
    if (key === 'additionalProperties' && value === false && !strict) continue;
    if (key === '$ref' && typeof value === 'string' && value.startsWith('#/')) out[key] = BASE_ID + value;
    else if (key === 'properties' && isObject(value)) {
      // Property names are data here, not keywords.
      out[key] = Object.fromEntries(
        Object.entries(value).map(([name, schema]) => [name, toJsonSchema(schema, strict)]),
      );
    } else out[key] = toJsonSchema(value, strict);
  }
  if (strict && out.properties !== undefined && out.additionalProperties === undefined)
    out.additionalProperties = false;
  return node.nullable === true ? { anyOf: [out, { type: 'null' }] } : out;
}

export interface Exchange {
  method: string;
  /** Path and query, as sent. */
  url: string;
  /** The JSON text sent, or undefined. */
  requestBody: string | undefined;
  status: number;
  responseText: string;
}

export interface Checked {
  operationId: string;
  problems: string[];
}

export function createChecker(spec: Spec, strict: boolean) {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({
    $id: BASE_ID,
    components: {
      schemas: Object.fromEntries(
        Object.entries(spec.components.schemas).map(([name, schema]) => [name, toJsonSchema(schema, strict)]),
      ),
    },
  });
  const compiled = new Map<Json, ValidateFunction>();
  const validator = (schema: Json): ValidateFunction => {
    let validate = compiled.get(schema);
    if (!validate) {
      validate = ajv.compile(toJsonSchema(schema, strict) as object);
      compiled.set(schema, validate);
    }
    return validate;
  };
  const errorsOf = (validate: ValidateFunction) => ajv.errorsText(validate.errors);

  // Static segments before parameters: `/events/categories` is not event "categories".
  const templates = Object.keys(spec.paths)
    .map((template) => ({
      template,
      names: [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string),
      pattern: new RegExp(`^${template.replace(/\{\w+\}/g, '([^/]+)')}$`),
    }))
    .sort((a, b) => a.names.length - b.names.length);

  /** A parameter's text against its schema: as text, or as the integer it spells (query strings are text). */
  function checkParameter(where: string, parameter: Parameter, text: string, problems: string[]): void {
    const validate = validator(parameter.schema);
    if (validate(text)) return;
    if (/^-?\d+$/.test(text) && validate(Number(text))) return;
    problems.push(`${where} ${parameter.name}=${text}: ${errorsOf(validate)}`);
  }

  function check(exchange: Exchange): Checked {
    const url = new URL(exchange.url, 'http://platform.invalid');
    const method = exchange.method.toLowerCase();
    const match = templates
      .map((t) => ({ ...t, found: t.pattern.exec(url.pathname) }))
      .find((t) => t.found && spec.paths[t.template]?.[method]);
    if (!match?.found)
      return { operationId: '?', problems: [`${exchange.method} ${url.pathname}: not in the document`] };
    const operation = spec.paths[match.template]![method]!;
    const problems: string[] = [];
    const parameters = operation.parameters ?? [];

    match.names.forEach((name, i) => {
      const parameter = parameters.find((p) => p.in === 'path' && p.name === name);
      if (!parameter) problems.push(`path parameter ${name} undocumented`);
      else checkParameter('path', parameter, decodeURIComponent(match.found![i + 1] ?? ''), problems);
    });
    for (const [name, text] of url.searchParams) {
      const parameter = parameters.find((p) => p.in === 'query' && p.name === name);
      if (!parameter) problems.push(`query parameter ${name} undocumented`);
      else checkParameter('query', parameter, text, problems);
    }
    for (const p of parameters) {
      if (p.in === 'query' && p.required && !url.searchParams.has(p.name)) problems.push(`query ${p.name} missing`);
    }

    const bodySchema = operation.requestBody?.content['application/json']?.schema;
    if (operation.requestBody && bodySchema === undefined) problems.push('request body not JSON in the document');
    if (bodySchema !== undefined) {
      if (exchange.requestBody === undefined) {
        if (operation.requestBody?.required) problems.push('request body required, none sent');
      } else {
        const validate = validator(bodySchema);
        if (!validate(JSON.parse(exchange.requestBody))) problems.push(`request body: ${errorsOf(validate)}`);
      }
    } else if (exchange.requestBody !== undefined) problems.push('a request body where none is documented');

    const response = operation.responses[String(exchange.status)];
    if (!response) problems.push(`status ${exchange.status} undocumented`);
    const responseSchema = response?.content?.['application/json']?.schema;
    if (responseSchema !== undefined) {
      const validate = validator(responseSchema);
      let body: unknown;
      try {
        body = JSON.parse(exchange.responseText);
      } catch {
        problems.push(`answer ${exchange.status} is not JSON`);
      }
      if (body !== undefined && !validate(body)) problems.push(`answer ${exchange.status}: ${errorsOf(validate)}`);
    }
    return { operationId: operation.operationId, problems };
  }

  return {
    check,
    /** The compiled schema of any node of the document (its `$ref`s resolved against the whole document). */
    schemaValidator: validator,
    /** The compiled schema of a documented answer (for direct probes of the validators). */
    answerValidator(template: string, method: string, status = '200'): ValidateFunction {
      const schema = spec.paths[template]?.[method]?.responses[status]?.content?.['application/json']?.schema;
      if (schema === undefined) throw new Error(`no documented ${status} JSON answer for ${method} ${template}`);
      return validator(schema);
    },
  };
}

export type Checker = ReturnType<typeof createChecker>;

/**
 * The engine's own connection pool (platform/roundTrip.ts: undici's `request` on `createPlatformDispatcher`), with an
 * interceptor recording every exchange as it crosses the wire: the request as undici sends it (method, path and
 * query, body) and the answer as it arrives (status, body; decoded when it came compressed). The client under test
 * takes it as its `dispatcher`, so what is checked is what the product's transport sends and reads, not a test
 * fetch's. Close it when done.
 */
export function recordingDispatcher(exchanges: Exchange[]): Dispatcher {
  return createPlatformDispatcher().compose(
    (dispatch) => (options, handler) =>
      dispatch(
        options,
        recordingHandler(handler, (status, encoding, body) =>
          exchanges.push({
            method: options.method,
            url: options.path,
            requestBody: typeof options.body === 'string' ? options.body : undefined,
            status,
            responseText: (encoding === 'gzip' ? gunzipSync(body) : body).toString('utf8'),
          }),
        ),
      ),
  );
}

/** Passes every event on to undici's own handler, keeping the status and the body's bytes for `done`. */
function recordingHandler(
  handler: Dispatcher.DispatchHandler,
  done: (status: number, encoding: string, body: Buffer) => void,
): Dispatcher.DispatchHandler {
  let status = 0;
  let encoding = '';
  const chunks: Buffer[] = [];
  return {
    onRequestStart: (controller, context) => handler.onRequestStart?.(controller, context),
    onRequestUpgrade: (controller, statusCode, headers, socket) =>
      handler.onRequestUpgrade?.(controller, statusCode, headers, socket),
    onResponseStart(controller, statusCode, headers, statusMessage) {
      status = statusCode;
      encoding = String(headers['content-encoding'] ?? '').toLowerCase();
      handler.onResponseStart?.(controller, statusCode, headers, statusMessage);
    },
    onResponseData(controller, chunk) {
      chunks.push(chunk);
      handler.onResponseData?.(controller, chunk);
    },
    onResponseEnd(controller, trailers) {
      done(status, encoding, Buffer.concat(chunks));
      handler.onResponseEnd?.(controller, trailers);
    },
    onResponseError: (controller, error) => handler.onResponseError?.(controller, error),
  };
}
