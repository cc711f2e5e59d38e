import { useTranslation } from 'react-i18next';
import type { Verdict } from '../../../shared/contract';
import { BeneficiaryName } from './BeneficiaryName';
import { BookingDetails } from './BookingDetails';
import { IdCheckReminder } from './IdCheckReminder';
import { VerdictMessage } from './VerdictMessage';

interface ValidBodyProps {
  verdict: Verdict;
  isBusy: boolean;
  onValidate: () => void;
}

/** "À valider": who (and the identity check) on the left, what and when on the right, and the one button. */
export function ValidBody({ verdict, isBusy, onValidate }: ValidBodyProps) {
  const { t } = useTranslation('ui');
  return (
    <>
      <div className="verdict__body verdict__columns">
        <div className="verdict__who">
          {verdict.booking && <BeneficiaryName booking={verdict.booking} />}
          <IdCheckReminder />
        </div>
        <div className="verdict__what">{verdict.booking && <BookingDetails booking={verdict.booking} />}</div>
      </div>
      <div className="verdict__footer">
        <VerdictMessage>{verdict.message}</VerdictMessage>
        <button
          type="button"
          className="button button--validate"
          data-testid="validate-button"
          disabled={isBusy}
          onClick={onValidate}
        >
          {t('verdict.validate')}
        </button>
      </div>
    </>
  );
}
