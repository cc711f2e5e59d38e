/**
 * Turns a non-2xx answer of the platform into a typed PlatformError (see docs/platform.md, "Errors").
 * Error bodies are read leniently: `{"field": "message"}` or `{"field": ["message", ...]}`, anything else
 * (a 422 list, an HTML page from a proxy, nothing) only loses the detail, never the status.
 */
import { z } from 'zod';
import { t } from '../../../shared/i18n';
import { PlatformError } from './errors';
import { parseNotConfirmedDate } from './notConfirmed';

export interface ResponseContext {
  /**
   * A 404 means "unknown countermark" only on the token endpoints; on an event's dates or a booking listing
   * it means the offer is out of reach, which the cashier must not read as a bad countermark.
   */
  resource: 'countermark' | 'other';
  /** Zone the platform uses to word "à partir du DD/MM/YYYY à HH:MM". */
  timeZone: string;
}

const errorBodySchema = z.record(z.string(), z.unknown());
const messagesSchema = z.union([
  z.string().transform((s) => [s]),
  z.array(z.unknown()).transform((items) => items.filter((i): i is string => typeof i === 'string')),
]);

/** Messages of each field of an error body; empty when the body is not an object of strings/lists. */
export function errorMessages(body: unknown): Map<string, string[]> {
  const fields = new Map<string, string[]>();
  const parsed = errorBodySchema.safeParse(body);
  if (!parsed.success) return fields;
  for (const [field, value] of Object.entries(parsed.data)) {
    const messages = messagesSchema.safeParse(value);
    if (messages.success) fields.set(field, messages.data);
  }
  return fields;
}

export function errorFromResponse(status: number, body: unknown, ctx: ResponseContext): PlatformError {
  const fields = errorMessages(body);
  const base = { status, body };
  const booking = fields.get('booking') ?? [];
  const has = (pattern: RegExp) => booking.some((m) => pattern.test(m));

  if (status === 401) return new PlatformError('auth_invalid', base);
  if (status === 429) return new PlatformError('rate_limited', base);
  if (status === 404) {
    return ctx.resource === 'countermark' ? new PlatformError('countermark_unknown', base) : unexpected(status, body);
  }

  if (status === 403) {
    if (fields.has('auth')) return new PlatformError('provider_inactive', base);
    // The platform checks reimbursement first; a `payment` key means nothing else matters.
    if (fields.has('payment')) return new PlatformError('reimbursed', base);
    if (has(/structure ferm/i)) return new PlatformError('offerer_closed', base);
    if (has(/pourrez valider|délai d.annulation/i)) return notConfirmed(booking, base, ctx.timeZone);
    if (has(/not been used/i)) return new PlatformError('not_used', base);
    // Only a cancel asks this; the contract has no code for it, so a precise message rides on platform_error.
    if (has(/cannot be cancell?ed/i))
      return new PlatformError('platform_error', { ...base, message: t('errors.not_cancellable') });
    return unexpected(status, body);
  }

  if (status === 410) {
    // "has (already) been cancelled" vs "has (already) been validated"; older French wordings too.
    if (has(/cancell?ed|annul/i)) return new PlatformError('cancelled', base);
    if (has(/validated|validée/i)) return new PlatformError('already_used', base);
    return unexpected(status, body);
  }

  // 5xx, 400/422 (a bug on our side), 3xx (a misconfigured base URL), anything undocumented.
  return unexpected(status, body);
}

function notConfirmed(messages: string[], base: { status: number; body: unknown }, timeZone: string): PlatformError {
  for (const message of messages) {
    const date = parseNotConfirmedDate(message, timeZone);
    if (date) {
      return new PlatformError('not_confirmed', {
        ...base,
        validatableFrom: date.validatableFrom,
        message: t('errors.not_confirmed_from', { when: date.when }),
      });
    }
  }
  return new PlatformError('not_confirmed', base);
}

function unexpected(status: number, body: unknown): PlatformError {
  return new PlatformError('platform_error', { status, body });
}
