/**
 * Query parameters of the pass Culture routes, parsed the way pcapi's pydantic models do: each under its camelCase
 * alias or its snake_case name, integers from text, messages in pydantic's words. A bad value answers 400 with the
 * platform's error shape, `{"<field>": ["message"]}`.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';

const NOT_AN_INTEGER = 'Input should be a valid integer, unable to parse string as an integer';
const EXTRA_FORBIDDEN = 'Extra inputs are not permitted';

/** An integer query parameter (query strings are text). */
export const intParam = z
  .string({ error: (issue) => (issue.input === undefined ? 'Field required' : NOT_AN_INTEGER) })
  .trim()
  .regex(/^[+-]?\d+$/, NOT_AN_INTEGER)
  .transform(Number);

const boundedInt = (min: number, max = Number.MAX_SAFE_INTEGER) =>
  intParam.pipe(
    z
      .number()
      .min(min, `Input should be greater than or equal to ${min}`)
      .max(max, `Input should be less than or equal to ${max}`),
  );

export const paginationShape = {
  firstIndex: boundedInt(1).default(1),
  limit: boundedInt(1, 50).default(50),
};

/** `first_index` → `firstIndex`: pcapi's models accept the field name as well as its alias. */
function camelKeys(query: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (query === null || typeof query !== 'object') return out;
  for (const [key, value] of Object.entries(query)) {
    out[key.replace(/_([a-z])/g, (_match, letter: string) => letter.toUpperCase())] = value;
  }
  return out;
}

/** Parses `query` or answers 400; returns undefined when it answered. */
export function parseQuery<T extends z.ZodType>(
  schema: T,
  query: unknown,
  reply: FastifyReply,
): z.infer<T> | undefined {
  const result = schema.safeParse(camelKeys(query));
  if (result.success) return result.data;
  const body: Record<string, string[]> = {};
  for (const issue of result.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) (body[key] ??= []).push(EXTRA_FORBIDDEN);
      continue;
    }
    const field = issue.path.length > 0 ? issue.path.join('.') : 'global';
    (body[field] ??= []).push(issue.message);
  }
  reply.code(400).send(body);
  return undefined;
}

/** A path id, or undefined when it is not a positive integer (the platform then answers 404). */
export function pathId(raw: string): number | undefined {
  return /^\d{1,9}$/.test(raw) ? Number(raw) : undefined;
}

/** Slices a list sorted by id the platform's way: ids ≥ `firstIndex`, at most `limit`. */
export function page<T extends { id: number }>(items: T[], firstIndex: number, limit: number): T[] {
  return items.filter((item) => item.id >= firstIndex).slice(0, limit);
}

/**
 * `page(items.filter(keep), firstIndex, limit)` without filtering the whole list first: it stops once the page is
 * full (a season's 100,000 bookings are listed 50 at a time).
 */
export function pageWhere<T extends { id: number }>(
  items: readonly T[],
  firstIndex: number,
  limit: number,
  keep: (item: T) => boolean,
): T[] {
  const found: T[] = [];
  for (const item of items) {
    if (found.length >= limit) break;
    if (item.id >= firstIndex && keep(item)) found.push(item);
  }
  return found;
}

/** `http://host:port` of this request, for absolute URLs in answers (poster images). */
export function publicBase(request: FastifyRequest): string {
  return `http://${request.headers.host ?? '127.0.0.1'}`;
}
