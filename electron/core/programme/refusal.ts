/**
 * Programme writes refused by the platform, explained in French. Wordings from pcapi
 * (`core/offers/validation.py`): editing a field of an offer that came from another source answers 400
 * `{"<field>": ["Vous ne pouvez pas modifier ce champ"]}` (`check_update_only_allowed_fields_for_offer_from_provider`);
 * editing dates of an imported offer answers 400 `{"global": ["Les offres importées ne sont pas modifiables"]}`
 * (`check_provider_can_edit_stock`); an unknown event or date answers 404 (`routes/public/individual_offers/v1/events.py`).
 */
import { t } from '../../../shared/i18n';
import { ContractFailure } from '../contractFailure';
import { isPlatformError } from '../platform/errors';
import { errorMessages } from '../platform/responseError';

const NOT_EDITABLE = /Vous ne pouvez pas modifier ce champ|offres importées ne sont pas modifiables/i;

/** Rethrows a platform refusal as a ContractFailure the manager can read; anything else unchanged. */
export function explainRefusal(error: unknown): never {
  if (isPlatformError(error) && error.status === 404) throw new ContractFailure('offer_unknown');
  if (isPlatformError(error) && (error.status === 400 || error.status === 422)) {
    const fields = errorMessages(error.body);
    const messages = [...fields.values()].flat();
    if (messages.some((m) => NOT_EDITABLE.test(m))) throw new ContractFailure('offer_not_editable');
    const detail = [...fields].map(([field, list]) => `${field} : ${list.join(', ')}`).join(' ; ');
    throw new ContractFailure('platform_refused', t('errors.platform_refused', { detail: detail || error.status }));
  }
  throw error;
}

/** Runs a write, explaining a refusal. */
export async function explained<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    explainRefusal(error);
  }
}
