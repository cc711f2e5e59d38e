/**
 * What the `/public/offers/v1` write routes share: bodies parsed the pydantic way, the price rule of a tariff, and
 * the platform's wordings for an unknown event and an imported offer (pcapi `routes/public/individual_offers/v1/
 * events.py`, `core/offers/validation.py` `check_provider_can_edit_stock`).
 */
import type { FastifyReply } from 'fastify';
import { z } from 'zod';

/** Dates and tariff routes word a missing event so; `GET`/`PATCH …/events/{id}` differ. */
export const EVENT_NOT_FOUND = { event_id: ['The event could not be found'] };
export const IMPORTED_NOT_EDITABLE = { global: ['Les offres importées ne sont pas modifiables'] };

/** Euro cents, 0..30000 (OpenAPI PriceCategoryCreation). */
export const price = z
  .number()
  .int('Input should be a valid integer')
  .min(0, 'Input should be greater than or equal to 0')
  .max(30000, 'Input should be less than or equal to 30000');

export const priceCategoryCreation = z.object({
  label: z.string().min(1).max(50),
  price,
  idAtProvider: z.string().max(70).nullish(),
});

/** Every request body of these routes is required (OpenAPI 3.1 document: `requestBody.required: true`). */
const BODY_REQUIRED = { __root__: ['Input should be a valid dictionary or object to extract fields from'] };

/** Parses a JSON body the pydantic way, or answers 400 `{"<path>": ["message"]}`; no body at all is refused too. */
export function parseBody<T extends z.ZodType>(schema: T, body: unknown, reply: FastifyReply): z.infer<T> | undefined {
  if (body === undefined || body === null) {
    reply.code(400).send(BODY_REQUIRED);
    return undefined;
  }
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const errors: Record<string, string[]> = {};
  for (const issue of result.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) (errors[key] ??= []).push('Extra inputs are not permitted');
      continue;
    }
    const field = issue.path.length > 0 ? issue.path.join('.') : '__root__';
    (errors[field] ??= []).push(issue.message);
  }
  reply.code(400).send(errors);
  return undefined;
}
