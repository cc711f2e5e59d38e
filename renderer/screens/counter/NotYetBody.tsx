import { useTranslation } from 'react-i18next';
import type { Verdict } from '../../../shared/contract';
import { useVenueTimeZone } from '../../context/appInfoContext';
import { formatWhen } from '../../format/seanceDay';
import { BeneficiaryName } from './BeneficiaryName';
import { BookingDetails } from './BookingDetails';
import { VerdictMessage } from './VerdictMessage';
import { WhoUnknownNote } from './WhoUnknownNote';

/**
 * Amber: an event booking still in its cancellation window. The date it becomes validable is said once, in large
 * type (the platform's own sentence repeats it, so it only shows when there is no date).
 */
export function NotYetBody({ verdict }: { verdict: Verdict }) {
  const { t } = useTranslation('ui');
  const timeZone = useVenueTimeZone();
  return (
    <>
      {verdict.validatableFrom ? (
        <p className="verdict__when" data-testid="validatable-from">
          {t('verdict.validatable_from', { when: formatWhen(verdict.validatableFrom, new Date(), timeZone) })}
        </p>
      ) : (
        <VerdictMessage isProminent>{verdict.message}</VerdictMessage>
      )}
      {!verdict.booking && <WhoUnknownNote />}
      <div className="verdict__body verdict__columns">
        <div className="verdict__who">{verdict.booking && <BeneficiaryName booking={verdict.booking} />}</div>
        <div className="verdict__what">{verdict.booking && <BookingDetails booking={verdict.booking} />}</div>
      </div>
    </>
  );
}
