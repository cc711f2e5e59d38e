/**
 * Replies cross the WebSocket as untyped JSON: each envelope is checked against the contract's output schema
 * of its call before a screen sees it. An unknown error code still carries its French message.
 */
import { z } from 'zod';
import { calls, errorCodeSchema, type CallName, type CallOutput, type Envelope } from '../../shared/contract';

const errorSchema = z.object({ code: errorCodeSchema.catch('internal'), message: z.string() });

const envelopeSchemas = new Map<CallName, z.ZodType>();

function envelopeSchema(name: CallName): z.ZodType {
  let schema = envelopeSchemas.get(name);
  if (!schema) {
    schema = z.discriminatedUnion('ok', [
      z.object({ ok: z.literal(true), value: calls[name].output }),
      z.object({ ok: z.literal(false), error: errorSchema }),
    ]);
    envelopeSchemas.set(name, schema);
  }
  return schema;
}

/** The envelope of a `name` reply, or null when it does not match the contract. */
export function parseEnvelope<N extends CallName>(name: N, raw: unknown): Envelope<CallOutput<N>> | null {
  const result = envelopeSchema(name).safeParse(raw);
  // The schema above is built from `calls[name].output`, so a success is exactly this call's envelope.
  return result.success ? (result.data as Envelope<CallOutput<N>>) : null;
}
