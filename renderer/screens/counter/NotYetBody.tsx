import { useTranslation } from 'react-i18next';
import type { Verdict } from '../../../shared/contract';
import { formatSeance } from '../../../shared/dates';
import { useVenueTimeZone } from '../../context/appInfoContext';
import { BeneficiaryName } from './BeneficiaryName';
import { BookingDetails } from './BookingDetails';
import { VerdictMessage } from './VerdictMessage';

/** Amber: an event booking still in its cancellation window; says from when it can be validated. */
export function NotYetBody({ verdict }: { verdict: Verdict }) {
  const { t } = useTranslation('ui');
  const timeZone = useVenueTimeZone();
  return (
    <div className="verdict__body">
      {verdict.validatableFrom && (
        <p className="verdict__when" data-testid="validatable-from">
          {t('verdict.validatable_from', { when: formatSeance(verdict.validatableFrom, timeZone) })}
        </p>
      )}
      <VerdictMessage isProminent={!verdict.validatableFrom}>{verdict.message}</VerdictMessage>
      {verdict.booking && <BeneficiaryName booking={verdict.booking} />}
      {verdict.booking && <BookingDetails booking={verdict.booking} />}
    </div>
  );
}
