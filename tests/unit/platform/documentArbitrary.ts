/**
 * fast-check arbitraries of JSON values drawn from the schemas of the official OpenAPI document
 * (../shared/platform/openapi-subset.json), for property tests of what the client reads. The schemas are first
 * rewritten as the contract checker does (openapiContract.ts: `nullable: true` as anyOf-null, relaxed), so what is
 * generated is what that checker accepts: the test checks each value with Ajv before using it.
 *
 * What a schema allows, every part of it: each type of a type list, every enum value, each branch of an
 * anyOf/oneOf (a oneOf value matches no other branch), optional properties sometimes absent, an unknown property
 * now and then where the object is open (always, relaxed), numbers to their bounds, empty and long strings and
 * arrays, and the formats the answers use written every way RFC 3339 allows. A keyword this file does not know
 * throws, so a recut document using a new one fails loudly instead of being half-generated.
 */
import fc from 'fast-check';
import { toJsonSchema, type Json, type Spec } from '../sandbox/openapiContract';

type JsonObject = { [key: string]: Json };

/** Keywords that describe without constraining. */
const ANNOTATIONS = new Set([
  'title',
  'description',
  'example',
  'examples',
  'default',
  'deprecated',
  'readOnly',
  'writeOnly',
  'discriminator',
  '$comment',
]);
const CONSTRAINTS = new Set([
  '$ref',
  'allOf',
  'anyOf',
  'oneOf',
  'enum',
  'const',
  'type',
  'properties',
  'required',
  'additionalProperties',
  'items',
  'minItems',
  'maxItems',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'minLength',
  'maxLength',
  'pattern',
  'format',
]);

/**
 * Integers stay within ±(2^53 − 1). JSON allows larger ones, but the client refuses them on purpose (zod's
 * `.int()` is a safe integer): a JavaScript number cannot hold them exactly, so an id would silently name another
 * booking. documentAnswers.test.ts checks that refusal reaches the cashier as a clear error.
 */
const SAFE = { min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER };

/** Names of fields the platform might add: identifiers, a few of them named like Object's own members. */
const unknownFieldName = fc.oneof(
  { weight: 5, arbitrary: fc.stringMatching(/^[a-z][A-Za-z0-9_]{0,15}$/) },
  { weight: 1, arbitrary: fc.constantFrom('constructor', 'toString', 'valueOf', 'hasOwnProperty') },
);
const anyJson: fc.Arbitrary<Json> = fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>;

export interface DocumentArbitraries {
  /** Values of a node of the document as written there (local `$ref`s, `nullable: true`). */
  forSchema(schema: Json): fc.Arbitrary<Json>;
}

/**
 * `validates(node, value)`: does the value satisfy this node of the rewritten document (Ajv, relaxed)? It only
 * tells oneOf branches apart.
 */
export function documentArbitraries(spec: Spec, validates: (node: Json, value: Json) => boolean): DocumentArbitraries {
  const components = new Map(
    Object.entries(spec.components.schemas).map(([name, schema]) => [name, toJsonSchema(schema, false)]),
  );
  const built = new Map<string, fc.Arbitrary<Json>>();
  const building = new Set<string>();

  function referenced(ref: string): fc.Arbitrary<Json> {
    const name = /#\/components\/schemas\/([^/]+)$/.exec(ref)?.[1];
    const schema = name === undefined ? undefined : components.get(name);
    if (name === undefined || schema === undefined) throw new Error(`unresolved $ref ${ref}`);
    const known = built.get(name);
    if (known) return known;
    if (building.has(name)) throw new Error(`recursive schema ${name}: not supported`);
    building.add(name);
    const arbitrary = of(schema);
    building.delete(name);
    built.set(name, arbitrary);
    return arbitrary;
  }

  function of(node: Json): fc.Arbitrary<Json> {
    if (node === true) return anyJson;
    if (!isObject(node)) throw new Error(`not a schema: ${JSON.stringify(node)}`);
    const keywords = Object.keys(node).filter((key) => !ANNOTATIONS.has(key));
    const unknown = keywords.filter((key) => !CONSTRAINTS.has(key));
    if (unknown.length > 0) throw new Error(`unsupported keyword(s) ${unknown.join(', ')}`);
    const alone = (keyword: string) => {
      if (keywords.length > 1) throw new Error(`${keyword} beside ${keywords.join(', ')}: not supported`);
    };

    if (typeof node.$ref === 'string') {
      alone('$ref');
      return referenced(node.$ref);
    }
    if (Array.isArray(node.allOf)) {
      // The document wraps one $ref in allOf (to carry a description); a real intersection would need merging.
      alone('allOf');
      if (node.allOf.length !== 1) throw new Error('allOf of several schemas: not supported');
      return of(node.allOf[0]!);
    }
    if (Array.isArray(node.anyOf)) {
      alone('anyOf');
      return fc.oneof(...node.anyOf.map(of));
    }
    if (Array.isArray(node.oneOf)) {
      alone('oneOf');
      const branches = node.oneOf;
      // A value of one branch that another accepts too (a location without its optional `type`, say) is valid
      // for neither: oneOf wants exactly one.
      return fc.oneof(
        ...branches.map((branch, i) =>
          of(branch).filter((value) => branches.every((other, j) => j === i || !validates(other, value))),
        ),
      );
    }
    if ('const' in node) return fc.constant(node.const!);
    if (Array.isArray(node.enum)) return fc.constantFrom(...node.enum);

    const types = Array.isArray(node.type) ? node.type : node.type === undefined ? [] : [node.type];
    if (types.length === 0) return node.properties === undefined ? anyJson : objectOf(node);
    return fc.oneof(
      ...types.map((type): fc.Arbitrary<Json> => {
        switch (type) {
          case 'null':
            return fc.constant(null);
          case 'boolean':
            return fc.boolean();
          case 'integer':
            return integerOf(node);
          case 'number':
            return numberOf(node);
          case 'string':
            return stringOf(node);
          case 'array':
            return arrayOf(node);
          case 'object':
            return objectOf(node);
          default:
            throw new Error(`unknown type ${String(type)}`);
        }
      }),
    );
  }

  function arrayOf(node: JsonObject): fc.Arbitrary<Json> {
    const minLength = numeric(node.minItems) ?? 0;
    // Short lists keep a run quick; empty ones come often (fast-check favours them).
    const maxLength = Math.min(numeric(node.maxItems) ?? Infinity, minLength + 4);
    return fc.array(node.items === undefined ? anyJson : of(node.items), { minLength, maxLength });
  }

  function objectOf(node: JsonObject): fc.Arbitrary<Json> {
    const properties = isObject(node.properties ?? null) ? (node.properties as JsonObject) : {};
    const required = Array.isArray(node.required) ? (node.required as string[]) : [];
    const names = new Set([...Object.keys(properties), ...required]);
    const documented = fc.record(
      Object.fromEntries([...names].map((name) => [name, name in properties ? of(properties[name]!) : anyJson])),
      { requiredKeys: required },
    );
    if (node.additionalProperties === false) return documented as fc.Arbitrary<Json>;
    const extraValue = isObject(node.additionalProperties ?? null) ? of(node.additionalProperties!) : anyJson;
    const extra = fc.dictionary(
      unknownFieldName.filter((name) => !names.has(name)),
      extraValue,
      { maxKeys: 2 },
    );
    // Documented fields are written last: an unknown one never takes their place.
    return fc
      .tuple(fc.oneof({ weight: 3, arbitrary: fc.constant({}) }, { weight: 1, arbitrary: extra }), documented)
      .map(([added, fields]) => ({ ...added, ...fields }) as Json);
  }

  return { forSchema: (schema) => of(toJsonSchema(schema, false)) };
}

function integerOf(node: JsonObject): fc.Arbitrary<Json> {
  let min = SAFE.min;
  let max = SAFE.max;
  const minimum = numeric(node.minimum);
  const maximum = numeric(node.maximum);
  const exclusiveMinimum = numeric(node.exclusiveMinimum);
  const exclusiveMaximum = numeric(node.exclusiveMaximum);
  if (minimum !== undefined) min = Math.max(min, Math.ceil(minimum));
  if (maximum !== undefined) max = Math.min(max, Math.floor(maximum));
  if (exclusiveMinimum !== undefined) min = Math.max(min, Math.floor(exclusiveMinimum) + 1);
  if (exclusiveMaximum !== undefined) max = Math.min(max, Math.ceil(exclusiveMaximum) - 1);
  if (min > max) throw new Error(`no integer in [${min}, ${max}]`);
  // Mostly everyday values, then anywhere in range, then the bounds themselves.
  const everydayMin = Math.max(min, Math.min(max, -10));
  const everydayMax = Math.min(max, Math.max(min, 10_000));
  return fc.oneof(
    { weight: 4, arbitrary: fc.integer({ min: everydayMin, max: everydayMax }) },
    { weight: 2, arbitrary: fc.integer({ min, max }) },
    { weight: 1, arbitrary: fc.constantFrom(min, max) },
  );
}

function numberOf(node: JsonObject): fc.Arbitrary<Json> {
  const min = numeric(node.minimum) ?? numeric(node.exclusiveMinimum);
  const max = numeric(node.maximum) ?? numeric(node.exclusiveMaximum);
  return fc
    .double({ noNaN: true, noDefaultInfinity: true, min, max })
    .filter((n) => Number.isFinite(n) && n !== node.exclusiveMinimum && n !== node.exclusiveMaximum);
}

function stringOf(node: JsonObject): fc.Arbitrary<Json> {
  const minLength = numeric(node.minLength) ?? 0;
  const maxLength = numeric(node.maxLength) ?? 10_000;
  // Ajv counts code points, as `[...text].length` does.
  const fits = (text: string) => {
    const length = [...text].length;
    return length >= minLength && length <= maxLength;
  };
  if (typeof node.format === 'string') return formatted(node.format, minLength, maxLength).filter(fits);
  if (typeof node.pattern === 'string') return fc.stringMatching(new RegExp(node.pattern, 'u')).filter(fits);
  return text(minLength, maxLength);
}

/** Any Unicode text (emoji, accents, controls), mostly short, sometimes empty, now and then thousands long. */
function text(minLength: number, maxLength: number): fc.Arbitrary<string> {
  const short = fc.string({ unit: 'binary', minLength, maxLength: Math.min(maxLength, Math.max(minLength, 30)) });
  if (maxLength <= 30) return short;
  const long = fc.string({ unit: 'binary', minLength: Math.max(minLength, 31), maxLength: Math.min(maxLength, 3000) });
  return fc.oneof({ weight: 9, arbitrary: short }, { weight: 1, arbitrary: long });
}

function formatted(format: string, minLength: number, maxLength: number): fc.Arbitrary<string> {
  switch (format) {
    case 'date-time':
      return rfc3339DateTime;
    case 'date':
      return calendarDay.map((day) => dayText(day));
    case 'uri':
      return uri(minLength, maxLength);
    case 'email':
      return fc.emailAddress();
    default:
      throw new Error(`unknown format ${format}`);
  }
}

/** Years 0000 to 9999, the span of RFC 3339's four-digit year; mostly around today. */
const calendarDay = fc
  .oneof(
    {
      weight: 3,
      arbitrary: fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2035-12-31T23:59:59Z') }),
    },
    {
      weight: 1,
      arbitrary: fc.date({ min: new Date('0000-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z') }),
    },
  )
  .filter((date) => !Number.isNaN(date.getTime()));

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const dayText = (d: Date) => `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;

/**
 * A date-time as RFC 3339 (and the checker's ajv-formats) allow it: `T`, `t` or a space between date and time; no
 * fraction or one to nine digits; `Z`, `z` or an offset up to ±23:59 (also `+0100` and `+01`, which ajv-formats
 * accepts); now and then a leap second, which is valid only at 23:59:60 UTC.
 */
const rfc3339DateTime: fc.Arbitrary<string> = fc
  .record({
    wall: calendarDay,
    separator: fc.oneof(
      { weight: 8, arbitrary: fc.constant('T') },
      { weight: 1, arbitrary: fc.constantFrom('t', ' ') },
    ),
    fraction: fc.oneof(
      { weight: 2, arbitrary: fc.constant('') },
      { weight: 2, arbitrary: fc.stringMatching(/^\.\d{6}$/) },
      { weight: 1, arbitrary: fc.stringMatching(/^\.\d{1,9}$/) },
    ),
    offsetMinutes: fc.oneof(
      { weight: 3, arbitrary: fc.constant(0) },
      { weight: 2, arbitrary: fc.constantFrom(60, 120, -180, 330, 600, -600) },
      { weight: 1, arbitrary: fc.integer({ min: -(23 * 60 + 59), max: 23 * 60 + 59 }) },
    ),
    zone: fc.oneof(
      { weight: 6, arbitrary: fc.constant('colon') },
      { weight: 1, arbitrary: fc.constantFrom('Z', 'z', 'compact', 'hours') },
    ),
    leapSecond: fc.oneof({ weight: 20, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
  })
  .map(({ wall, separator, fraction, offsetMinutes, zone, leapSecond }) => {
    // `Z` says the offset is zero; an hours-only offset has no minutes.
    const offset =
      zone === 'Z' || zone === 'z' ? 0 : zone === 'hours' ? Math.trunc(offsetMinutes / 60) * 60 : offsetMinutes;
    let local = wall;
    let seconds = pad(wall.getUTCSeconds());
    if (leapSecond) {
      // 23:59:60 UTC, written in the offset's local time (`local`'s UTC fields are the wall clock's).
      const lastMinute = new Date(wall.getTime());
      lastMinute.setUTCHours(23, 59, 0, 0);
      local = new Date(lastMinute.getTime() + offset * 60_000);
      seconds = '60';
    }
    const sign = offset < 0 ? '-' : '+';
    const hh = pad(Math.trunc(Math.abs(offset) / 60));
    const mm = pad(Math.abs(offset) % 60);
    const suffix =
      zone === 'Z' || zone === 'z'
        ? zone
        : zone === 'compact'
          ? `${sign}${hh}${mm}`
          : zone === 'hours'
            ? `${sign}${hh}`
            : `${sign}${hh}:${mm}`;
    const time = `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${seconds}`;
    return `${dayText(local)}${separator}${time}${fraction}${suffix}`;
  })
  // A leap second's local day may fall outside the four-digit years.
  .filter((text) => /^\d{4}-/.test(text));

/** URIs of several schemes, up to the schema's length (a YouTube link, a long CDN path). */
function uri(minLength: number, maxLength: number): fc.Arbitrary<string> {
  const prefix = 'https://cdn.example.org/';
  const padded = fc
    .integer({ min: Math.max(minLength, prefix.length), max: Math.max(prefix.length, Math.min(maxLength, 4000)) })
    .map((length) => prefix + 'p'.repeat(length - prefix.length));
  return fc.oneof(
    fc.webUrl({ withQueryParameters: true, withFragments: true }),
    fc.constantFrom(
      'https://www.youtube.com/watch?v=aqz-KE-bpKQ',
      'http://example.org',
      'urn:isbn:9782070368228',
      'mailto:cinema@example.org',
    ),
    padded,
  );
}

function isObject(node: Json): node is JsonObject {
  return node !== null && typeof node === 'object' && !Array.isArray(node);
}

function numeric(value: Json | undefined): number | undefined {
  return typeof value === 'number' ? value : undefined;
}
