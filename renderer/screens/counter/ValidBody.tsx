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

/** Green: who, the identity check, what and when, and the one button (or Enter) that lets them in. */
export function ValidBody({ verdict, isBusy, onValidate }: ValidBodyProps) {
  const { t } = useTranslation('ui');
  return (
    <div className="verdict__body">
      {verdict.booking && <BeneficiaryName booking={verdict.booking} />}
      <IdCheckReminder />
      {verdict.booking && <BookingDetails booking={verdict.booking} />}
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
    </div>
  );
}
