/**
 * A 400 of the offer routes, `{"<field path>": ["message", …]}`, as French sentences naming the field: "Début de
 * la séance du 12/06/2026 à 20:30 : la date est déjà passée…". Field paths are the API's aliases (`name`,
 * `dates.0.beginningDatetime`, `priceCategories.1.label`, `location.PhysicalLocation.venueId`), pcapi's model
 * names for fields an imported offer cannot change (`durationMinutes`, `isDuo`), or `imageFile` for a poster.
 * Messages are pcapi's (pydantic 1 on the public API: "ensure this value has at most 90 characters"; pydantic 2
 * wordings too: "String should have at most 90 characters"), its own English sentences (`core/offers`,
 * `routes/public/individual_offers/v1`), or already French. An unknown English message keeps its text, quoted,
 * after the French field name: the manager still learns which field, and support gets the exact words.
 */
import { t } from '../../../shared/i18n';
import type { frCommon } from '../../../shared/i18n/fr/common';

/** What a sent séance or tariff is called in a sentence, by its index in the request (`dates.0`…). */
export interface RequestContext {
  /** "du 12/06/2026 à 20:30", in the order the séances were sent. */
  seances?: readonly string[];
  /** Tariff labels, in the order they were sent. */
  tariffs?: readonly string[];
}

const FIELD_KEYS: Record<string, keyof typeof frCommon.programme.field> = {
  name: 'name',
  description: 'description',
  eventDuration: 'duration',
  durationMinutes: 'duration',
  enableDoubleBookings: 'duo',
  isDuo: 'duo',
  isActive: 'active',
  videoUrl: 'video',
  image: 'poster',
  imageFile: 'poster',
  file: 'poster',
  credit: 'poster_credit',
  priceCategories: 'tariffs',
  label: 'tariff_label',
  price: 'tariff_price',
  dates: 'seances',
  beginningDatetime: 'seance_start',
  bookingLimitDatetime: 'seance_limit',
  quantity: 'seance_seats',
  priceCategoryId: 'seance_tariff',
  price_category_id: 'tariff',
  idAtProvider: 'reference',
  location: 'venue',
  venueId: 'venue',
  venue_id: 'venue',
  accessibility: 'accessibility',
  categoryRelatedFields: 'category',
  category: 'category',
  hasTicket: 'ticket',
  bookingEmail: 'booking_email',
  bookingContact: 'booking_contact',
  publicationDate: 'publication',
  publicationDatetime: 'publication',
  bookingAllowedDatetime: 'booking_opening',
  externalTicketOfficeUrl: 'ticket_office',
  itemCollectionDetails: 'collection',
  event_id: 'film',
  stock_id: 'seance',
};

/** Messages pcapi sends, read by meaning; the first match gives the French explanation. */
const MESSAGES: readonly [RegExp, (match: RegExpExecArray) => string][] = [
  [/must be in the future/i, () => t('programme.refusal.in_past')],
  [/timezone-aware/i, () => t('programme.refusal.naive_date')],
  [/duration must be under 1440/i, () => t('programme.film.duration_too_long')],
  [/must be from the youtube/i, () => t('programme.film.video_not_youtube')],
  [/cannot be found on youtube/i, () => t('programme.refusal.video_not_found')],
  [/at most (\d+) characters?/i, (m) => t('programme.refusal.max_chars', { count: Number(m[1]) })],
  [/at least (\d+) characters?/i, (m) => t('programme.refusal.min_chars', { count: Number(m[1]) })],
  [/at most (\d+) items?/i, (m) => t('programme.refusal.max_items', { count: Number(m[1]) })],
  [
    /maximum number of stock entries allowed per offer is (\d+)/i,
    (m) => t('programme.refusal.max_seances', { count: Number(m[1]) }),
  ],
  [/^field required$|^missing$|ce champ est obligatoire/i, () => t('programme.refusal.required')],
  [/extra (fields|inputs) (are )?not permitted/i, () => t('programme.refusal.unknown_field')],
  [/valid integer/i, () => t('programme.refusal.integer')],
  [/less than or equal to (\d+)/i, (m) => t('programme.refusal.at_most', { value: m[1] })],
  [/greater than or equal to (\d+)/i, (m) => t('programme.refusal.at_least', { value: m[1] })],
  [/must be positive/i, () => t('programme.refusal.at_least', { value: 0 })],
  [/valid email/i, () => t('programme.refusal.email')],
  [/url scheme|valid url/i, () => t('programme.refusal.url')],
  [/image is too small/i, () => t('programme.refusal.image_small')],
  [/image is too large/i, () => t('programme.refusal.image_large')],
  [/format is not accepted|bad image format/i, () => t('programme.poster.not_an_image')],
  [/not a valid image/i, () => t('programme.refusal.image_unreadable')],
  [/file is too large/i, () => t('programme.refusal.image_heavy')],
  [/image ratio/i, () => t('programme.refusal.image_ratio')],
  [/valid base64/i, () => t('programme.refusal.image_unreadable')],
  [/price category could not be found/i, () => t('programme.refusal.tariff_gone')],
  [/price categories must be unique/i, () => t('programme.refusal.tariffs_twins')],
  [/already taken by another/i, () => t('programme.refusal.reference_taken')],
  [/will not be (published|bookable) before its `bookingLimitDatetime`/i, () => t('programme.refusal.not_bookable')],
  [/category cannot be changed/i, () => t('programme.refusal.category_fixed')],
  [/could not be found|cannot be found/i, () => t('programme.refusal.gone')],
];

/** French already (pcapi words some rules in French): said as it is. */
const FRENCH = /[àâçéèêëîïôùûü]|\b(le|la|les|des|une|ne|pas|est|sont)\b/i;

function sentence(text: string): string {
  const trimmed = text.trim();
  const capitalised = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?…]$/.test(capitalised) ? capitalised : `${capitalised}.`;
}

/** "Début de la séance du 12/06/2026 à 20:30", "Nom du tarif « Réduit »", "Titre"; null for `global`. */
export function fieldLabel(path: string, context: RequestContext = {}): string | null {
  if (path === 'global' || path === '__root__' || path === '') return null;
  const segments = path.split('.');
  const named = segments.filter((segment) => !/^\d+$/.test(segment));
  // The deepest segment we can name: `location.PhysicalLocation.venueId` is the venue.
  const key = [...named]
    .reverse()
    // Own keys only: a field the platform names `toString` or `constructor` would find Object's members.
    .map((segment) => (Object.hasOwn(FIELD_KEYS, segment) ? FIELD_KEYS[segment] : undefined))
    .find((k) => k !== undefined);
  const label = key ? t(`programme.field.${key}`) : t('programme.field.other', { field: path });
  const indexAt = segments.findIndex((segment) => /^\d+$/.test(segment));
  // A single séance sent, and a field of it named without its index (`quantity` of a date edit).
  if (indexAt < 0 && key?.startsWith('seance_') && context.seances?.length === 1) {
    return `${label} ${context.seances[0]}`;
  }
  if (indexAt <= 0) return label;
  const index = Number(segments[indexAt]);
  const collection = segments[indexAt - 1];
  if (collection === 'dates') {
    const seance = context.seances?.[index];
    const which = seance ?? t('programme.field.number', { number: index + 1 });
    return key === 'seances' ? t('programme.field.seance_which', { which }) : `${label} ${which}`;
  }
  if (collection === 'priceCategories') {
    const tariff = context.tariffs?.[index];
    const which = tariff ? `« ${tariff} »` : t('programme.field.number', { number: index + 1 });
    return key === 'tariffs' ? t('programme.field.tariff_which', { which }) : `${label} ${which}`;
  }
  return label;
}

/** One message of one field, explained in French. */
export function explainMessage(message: string): string {
  // A document-valid ValidationError may carry a blank `msg` (and `type`): the field is still named, with no empty
  // quotation « » after it.
  if (message.trim() === '') return t('programme.refusal.no_reason');
  for (const [pattern, explain] of MESSAGES) {
    const match = pattern.exec(message);
    if (match) return explain(match);
  }
  if (FRENCH.test(message)) return message.trim();
  return t('programme.refusal.platform_words', { message: message.trim() });
}

/** Every field error of a 400 body, one French sentence each. */
export function fieldErrorSentences(fields: Map<string, string[]>, context: RequestContext = {}): string[] {
  const sentences: string[] = [];
  for (const [path, messages] of fields) {
    const label = fieldLabel(path, context);
    for (const message of messages) {
      const explanation = explainMessage(message);
      sentences.push(sentence(label ? `${label} : ${explanation}` : explanation));
    }
  }
  return sentences;
}
