/**
 * Turns a non-2xx answer of the platform into a typed PlatformError (see docs/platform.md, "Errors").
 * Classification goes by status and field first (`auth`, `payment`, `booking`, `global`, `offerId`, `venueId`…),
 * and reads a message's wording only where one status and field stand for several cases (a 403 or 410 `booking`).
 * A value may be a string or a list of strings. A wording we do not know still reaches the cashier in the
 * platform's own words; anything else (a 422 list, an HTML page from a proxy, nothing) only loses the detail,
 * never the status.
 */
import { z } from 'zod';
import type { ErrorCode } from '../../../shared/contract';
import { t } from '../../../shared/i18n';
import { PlatformError } from './errors';
import { parseNotConfirmedDate } from './notConfirmed';

export interface ResponseContext {
  /**
   * What the route's 404 means when its body names nothing (the document gives each operation's 404 a meaning but
   * no body, so another implementation may send none): an unknown countermark on the token routes only; a film
   * out of reach on a film's routes and a film's listing, which the cashier must not read as a bad countermark and
   * the sync skips; the venue on the venue's film list and listing; `other`, a 404 the document does not list
   * (the offerer's venues), stays a platform error.
   */
  resource: 'countermark' | 'offer' | 'venue' | 'other';
  /** Zone the platform uses to word "à partir du DD/MM/YYYY à HH:MM". */
  timeZone: string;
}

const errorBodySchema = z.record(z.string(), z.unknown());
const messagesSchema = z.union([
  z.string().transform((s) => [s]),
  z.array(z.unknown()).transform((items) => items.filter((i): i is string => typeof i === 'string')),
]);

/** One item of the document's ValidationError; `loc` is documented as strings, pydantic writes list indices as numbers. */
const validationItemSchema = z.object({
  loc: z.array(z.union([z.string(), z.number()])),
  msg: z.string(),
  type: z.string().optional(),
});
/** Where pydantic says the field was (`["body", "name"]`, `["query", "venueId"]`): not part of the field's name. */
const LOCATIONS = new Set(['body', 'query', 'path', 'header', 'cookie']);

/**
 * Messages of each field of an error body: pcapi's `{"<field>": "message" | ["message", …]}`, or the document's
 * ValidationError list (below); empty when the body is neither.
 */
export function errorMessages(body: unknown): Map<string, string[]> {
  if (Array.isArray(body)) return validationErrorMessages(body);
  const fields = new Map<string, string[]>();
  const parsed = errorBodySchema.safeParse(body);
  if (!parsed.success) return fields;
  for (const [field, value] of Object.entries(parsed.data)) {
    const messages = messagesSchema.safeParse(value);
    if (messages.success) fields.set(field, messages.data);
  }
  return fields;
}

/**
 * The OpenAPI document's ValidationError, the 422 body (and the 400's "list of errors"): `[{"loc": ["body", "dates",
 * "0", "beginningDatetime"], "msg": "…", "type": "…"}, …]`. Read as pcapi's own 400s are, `{"dates.0.beginningDatetime":
 * ["…"]}`, so that the programme names each field in French (programme/fieldErrors.ts) and the listing's filter
 * refusals are recognised; read as a field map, the list gave no field at all and the manager lost every detail.
 * The location and blank segments are dropped; a blank `msg` gives way to `type`; a bare string is a `global` message.
 */
function validationErrorMessages(items: unknown[]): Map<string, string[]> {
  const fields = new Map<string, string[]>();
  const add = (field: string, message: string) => fields.set(field, [...(fields.get(field) ?? []), message]);
  for (const item of items) {
    if (typeof item === 'string') {
      add('global', item);
      continue;
    }
    const parsed = validationItemSchema.safeParse(item);
    if (!parsed.success) continue;
    const { loc, msg, type } = parsed.data;
    const segments = loc.map(String).filter((segment) => segment.trim() !== '');
    if (LOCATIONS.has(segments[0] ?? '')) segments.shift();
    add(segments.join('.'), msg.trim() === '' ? (type ?? '') : msg);
  }
  return fields;
}

/**
 * Fields naming what a 404 could not find. `offerId`/`venueId` are the 2026 listing's (`{"offerId": "we could not
 * find this offer"}`, `{"venueId": "we could not find this venue"}`); `offer` the previous listing's; the others
 * the offer routes' path parameters.
 */
const OFFER_FIELDS = ['offerId', 'offer', 'event_id', 'stock_id', 'price_category_id'];
const VENUE_FIELDS = ['venueId', 'venue', 'venue_id'];

type Base = { status: number; body: unknown };

export function errorFromResponse(status: number, body: unknown, ctx: ResponseContext): PlatformError {
  const fields = errorMessages(body);
  const base: Base = { status, body };
  switch (status) {
    case 401:
      return new PlatformError('auth_invalid', base);
    case 429:
      return new PlatformError('rate_limited', base);
    case 404:
      return notFound(fields, base, ctx);
    case 403:
      return forbidden(fields, base, ctx);
    case 410:
      return gone(fields, base, ctx);
    case 400:
    case 422:
      return badRequest(fields, base);
    default:
      // 5xx, 3xx (a misconfigured base URL), anything undocumented.
      return new PlatformError('platform_error', base);
  }
}

function notFound(fields: Map<string, string[]>, base: Base, ctx: ResponseContext): PlatformError {
  // The token routes answer `{"global": "This countermark cannot be found"}`, also for another venue's booking.
  if (ctx.resource === 'countermark') return new PlatformError('countermark_unknown', base);
  if (VENUE_FIELDS.some((f) => fields.has(f))) return new PlatformError('venue_unknown', base);
  if (OFFER_FIELDS.some((f) => fields.has(f))) return new PlatformError('offer_unknown', base);
  // `global` is too vague a field: the words decide (`GET …/events?venueId=` says "Venue cannot be found").
  const global = fields.get('global') ?? [];
  if (global.some((m) => /venue/i.test(m))) return new PlatformError('venue_unknown', base);
  if (global.some((m) => /offer|event|stock|price/i.test(m))) return new PlatformError('offer_unknown', base);
  if (ctx.resource === 'venue') return new PlatformError('venue_unknown', base);
  if (ctx.resource === 'offer') return new PlatformError('offer_unknown', base);
  return new PlatformError('platform_error', base);
}

function forbidden(fields: Map<string, string[]>, base: Base, ctx: ResponseContext): PlatformError {
  if (fields.has('auth')) return new PlatformError('provider_inactive', base);
  // A booking's verdicts belong to the token routes: a 403 on a film or a listing ("You do not have the necessary
  // rights to use this API") must not tell the manager a booking was reimbursed, whatever field its body names.
  if (ctx.resource !== 'countermark') return refusedInItsOwnWords(fields, base, ctx);
  // The platform checks reimbursement first; a `payment` key means nothing else matters.
  if (fields.has('payment')) return new PlatformError('reimbursed', base);
  const booking = fields.get('booking');
  if (booking) {
    // One field, several refusals: only here does the wording decide.
    const has = (pattern: RegExp) => booking.some((m) => pattern.test(m));
    if (has(/structure ferm/i)) return new PlatformError('offerer_closed', base);
    if (has(/pourrez valider|délai d.annulation/i)) return notConfirmed(booking, base, ctx.timeZone);
    if (has(/not been used/i)) return new PlatformError('not_used', base);
    // Only a cancel asks this; the contract has no code for it, so a precise message rides on platform_error.
    if (has(/cannot be cancell?ed/i))
      return new PlatformError('platform_error', { ...base, message: t('errors.not_cancellable') });
  }
  return refusedInItsOwnWords(fields, base, ctx);
}

function gone(fields: Map<string, string[]>, base: Base, ctx: ResponseContext): PlatformError {
  const booking = fields.get('booking');
  if (booking) {
    // "has (already) been cancelled" vs "has (already) been validated"; older French wordings too.
    if (booking.some((m) => /cancell?ed|annul/i.test(m))) return new PlatformError('cancelled', base);
    if (booking.some((m) => /validated|validée/i.test(m))) return new PlatformError('already_used', base);
  }
  return refusedInItsOwnWords(fields, base, ctx);
}

/**
 * A 400/422 is a request the platform did not accept: a bug on our side, or a platform older or newer than this
 * client. The listing's `{"global": ["`offerId` or `venueId` must be set"]}` and a refused query field (an older
 * platform answers `{"venueId": ["Extra inputs are not permitted"], …}`) are `invalid_input`; programme refusals
 * are explained from the body by the programme writer (programme/refusal.ts).
 */
function badRequest(fields: Map<string, string[]>, base: Base): PlatformError {
  const listing = (fields.get('global') ?? []).some((m) => /offerId.*venueId|venueId.*offerId/i.test(m));
  if (listing || VENUE_FIELDS.some((f) => fields.has(f)) || fields.has('offerId')) {
    // A field refused without a word (`{"venueId": []}`) is still named: "Demande invalide : " alone says nothing.
    const detail = said(fields) || t('errors.fields_refused', { fields: [...fields.keys()].join(', ') });
    return new PlatformError('invalid_input', { ...base, message: t('errors.invalid_input', { detail }) });
  }
  return new PlatformError('platform_error', base);
}

/**
 * A 403 or 410 whose wording this client does not know: on a countermark the cashier reads the platform's own
 * words (`booking_refused`, a refusal, never retried); elsewhere a platform_error that quotes them.
 */
function refusedInItsOwnWords(fields: Map<string, string[]>, base: Base, ctx: ResponseContext): PlatformError {
  const text = said(fields);
  if (!text) return new PlatformError('platform_error', base);
  const code: ErrorCode = ctx.resource === 'countermark' ? 'booking_refused' : 'platform_error';
  const message =
    code === 'booking_refused'
      ? t('errors.booking_refused', { text })
      : t('errors.platform_said', { status: base.status, text });
  return new PlatformError(code, { ...base, message });
}

/** Every message of the body, in the platform's words, one sentence. */
function said(fields: Map<string, string[]>): string {
  return [...fields.values()]
    .flat()
    .map((m) => m.trim())
    .filter((m) => m !== '')
    .join(' ; ');
}

function notConfirmed(messages: string[], base: Base, timeZone: string): PlatformError {
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
