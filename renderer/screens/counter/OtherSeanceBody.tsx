import { useTranslation } from 'react-i18next';
import type { Verdict } from '../../../shared/contract';
import { useVenueTimeZone } from '../../context/appInfoContext';
import { formatSeanceDay } from '../../format/seanceDay';
import { BeneficiaryName } from './BeneficiaryName';
import { BookingDetails } from './BookingDetails';
import { VerdictMessage } from './VerdictMessage';

interface OtherSeanceBodyProps {
  verdict: Verdict;
  isBusy: boolean;
  /** Asks for the second, deliberate confirmation. */
  onRequestValidate: () => void;
}

/**
 * Amber: a valid booking, but not for a séance of the moment — the séance's day and time in large type (said once),
 * who and what; validating goes through a confirmation.
 */
export function OtherSeanceBody({ verdict, isBusy, onRequestValidate }: OtherSeanceBodyProps) {
  const { t } = useTranslation('ui');
  const timeZone = useVenueTimeZone();
  const start = verdict.booking?.seanceStart ?? null;
  return (
    <>
      {start && (
        <p className="verdict__when verdict__when--day" data-testid="seance-day">
          {formatSeanceDay(start, new Date(), timeZone)}
        </p>
      )}
      <div className="verdict__body verdict__columns">
        <div className="verdict__who">{verdict.booking && <BeneficiaryName booking={verdict.booking} />}</div>
        <div className="verdict__what">
          {verdict.booking && <BookingDetails booking={verdict.booking} showsSeance={false} />}
        </div>
      </div>
      <div className="verdict__footer">
        <VerdictMessage>{verdict.message}</VerdictMessage>
        <button
          type="button"
          className="button button--other-seance"
          data-testid="validate-other-button"
          disabled={isBusy}
          onClick={onRequestValidate}
        >
          {t('verdict.validate_other')}
        </button>
      </div>
    </>
  );
}
