/**
 * What a secondary accepts from its main counter's socket (mainClient.ts): a reply only in the shape of its call's
 * contract output (or of a LAN-only request's own schema), an event only under one of the contract's names.
 */
import { z } from 'zod';
import { calls, errorCodeSchema, type CallName, type Envelope, type EventName } from '../../shared/contract';
import { EVENT_NAMES, isCallName } from '../../shared/channels';
import { t } from '../../shared/i18n';

export function isEventName(name: string): name is EventName {
  return (EVENT_NAMES as readonly string[]).includes(name);
}

/**
 * A reply from the LAN, checked against the contract's output schema of its call (as the page checks the engine's
 * replies): a main counter of another version, or anything else answering, never reaches a screen unchecked.
 */
const envelopeSchemas = new Map<CallName, z.ZodType>();

export function lanEnvelope<T>(value: z.ZodType<T>) {
  return z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), value }),
    z.object({
      ok: z.literal(false),
      error: z.object({ code: errorCodeSchema.catch('internal'), message: z.string() }),
    }),
  ]);
}

export function envelopeOf(name: CallName, raw: unknown): Envelope<unknown> {
  if (!isCallName(name)) return { ok: false, error: { code: 'internal', message: t('errors.main_unreachable') } };
  const schema = envelopeSchemas.get(name) ?? envelopeSchema(name);
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data as Envelope<unknown>;
  return { ok: false, error: { code: 'internal', message: t('errors.main_unreachable') } };
}

function envelopeSchema(name: CallName): z.ZodType {
  const schema = z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), value: calls[name].output }),
    z.object({
      ok: z.literal(false),
      error: z.object({ code: errorCodeSchema.catch('internal'), message: z.string() }),
    }),
  ]);
  envelopeSchemas.set(name, schema);
  return schema;
}
