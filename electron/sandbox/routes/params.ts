/**
 * Query parameters of the pass Culture routes, parsed with zod. A bad value answers 400 with the platform's
 * error shape, `{"<field>": ["message"]}`.
 */
import type { FastifyReply } from 'fastify';
import { z } from 'zod';

/** An integer query parameter (query strings are text). */
export const intParam = z.coerce.number().int();

export const paginationShape = {
  firstIndex: intParam.min(1).default(1),
  limit: intParam.min(1).max(50).default(50),
};

/** Parses `query` or answers 400; returns undefined when it answered. */
export function parseQuery<T extends z.ZodType>(
  schema: T,
  query: unknown,
  reply: FastifyReply,
): z.infer<T> | undefined {
  const result = schema.safeParse(query);
  if (result.success) return result.data;
  const body: Record<string, string[]> = {};
  for (const issue of result.error.issues) {
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
