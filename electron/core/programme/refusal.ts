/**
 * Programme writes refused by the platform, explained in French. Wordings from pcapi
 * (`core/offers/validation.py`): editing a field of an offer that came from another source answers 400
 * `{"<field>": ["Vous ne pouvez pas modifier ce champ"]}` (`check_update_only_allowed_fields_for_offer_from_provider`);
 * editing dates or tariffs of an imported offer answers 400 `{"global": ["Les offres importées ne sont pas
 * modifiables"]}` (`check_provider_can_edit_stock`); a séance that has begun, or a tariff one of them uses
 * (`edit_price_category` edits each of its stocks), answers 400 `{"global": ["Les évènements passés ne sont pas
 * modifiables"]}` (`check_event_expiration`); a second tariff of the same label and price answers 400
 * `{"priceCategories": ["The price category <label> already exists"]}` (`check_for_duplicated_price_categories`);
 * an unknown event, date or tariff answers 404 (`routes/public/individual_offers/v1/events.py`). Any other field
 * error gets a French sentence naming the field (fieldErrors.ts).
 */
import { t } from '../../../shared/i18n';
import { ContractFailure } from '../contractFailure';
import { isPlatformError } from '../platform/errors';
import { errorMessages } from '../platform/responseError';
import { fieldErrorSentences, type RequestContext } from './fieldErrors';

const NOT_EDITABLE = /Vous ne pouvez pas modifier ce champ|offres importées ne sont pas modifiables/i;
const PAST_SEANCE = /évènements passés ne sont pas modifiables/i;
const DUPLICATE_TARIFF = /^The price category (.+) already exists$/;

/** Rethrows a platform refusal as a ContractFailure the manager can read; anything else unchanged. */
export function explainRefusal(error: unknown, context: RequestContext = {}): never {
  if (isPlatformError(error) && error.status === 404) {
    // Creating a film where the key no longer reaches the venue is the venue's problem, not a film gone missing.
    throw new ContractFailure(error.code === 'venue_unknown' ? 'venue_unknown' : 'offer_unknown');
  }
  if (isPlatformError(error) && (error.status === 400 || error.status === 422)) {
    const fields = errorMessages(error.body);
    const messages = [...fields.values()].flat();
    if (messages.some((m) => NOT_EDITABLE.test(m))) throw new ContractFailure('offer_not_editable');
    if (messages.some((m) => PAST_SEANCE.test(m))) {
      throw new ContractFailure('platform_refused', t('errors.past_seance_not_editable'));
    }
    const duplicate = messages.map((m) => DUPLICATE_TARIFF.exec(m)).find((match) => match !== null);
    if (duplicate) {
      const label = duplicate[1] ?? '';
      throw new ContractFailure('price_category_duplicate', t('errors.price_category_duplicate', { label }));
    }
    const sentences = fieldErrorSentences(fields, context);
    const detail = sentences.length > 0 ? sentences.join(' ') : t('programme.refusal.no_detail');
    throw new ContractFailure('platform_refused', t('errors.platform_refused', { detail }));
  }
  throw error;
}

/** The French message of a failed write, explained as explainRefusal would (for a partial success). */
export function refusalMessage(error: unknown, context: RequestContext = {}): string {
  try {
    explainRefusal(error, context);
  } catch (explainedError) {
    if (explainedError instanceof Error) return explainedError.message;
  }
  return t('programme.refusal.no_detail');
}

/** Runs a write, explaining a refusal (`context` names the séances and tariffs it sent). */
export async function explained<T>(write: () => Promise<T>, context: RequestContext = {}): Promise<T> {
  try {
    return await write();
  } catch (error) {
    explainRefusal(error, context);
  }
}
