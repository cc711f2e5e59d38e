import { useTranslation } from 'react-i18next';
import type { Verdict } from '../../../shared/contract';
import { formatTime } from '../../../shared/dates';
import { useVenueTimeZone } from '../../context/appInfoContext';
import type { UndoRequest } from './counterPanel';
import { BeneficiaryName } from './BeneficiaryName';
import { BookingDetails } from './BookingDetails';
import { UndoButton } from './UndoButton';
import { VerdictMessage } from './VerdictMessage';

interface RefusedBodyProps {
  verdict: Verdict;
  isBusy: boolean;
  onRequestUndo: (request: UndoRequest) => void;
}

/** Red: why not, in plain French; a validation made here can still be undone from this panel. */
export function RefusedBody({ verdict, isBusy, onRequestUndo }: RefusedBodyProps) {
  const { t } = useTranslation('ui');
  const timeZone = useVenueTimeZone();
  const { booking, undo } = verdict;
  return (
    <div className="verdict__body">
      <VerdictMessage isProminent>{verdict.message}</VerdictMessage>
      {booking && <BeneficiaryName booking={booking} />}
      {booking && <BookingDetails booking={booking} showsPrice={false} />}
      {undo && (
        <div className="verdict__footer">
          <p className="verdict__note" data-testid="validated-here">
            {t('verdict.validated_here_at', { time: formatTime(undo.validatedAt, timeZone) })}
          </p>
          <UndoButton isBusy={isBusy} onClick={() => onRequestUndo({ token: verdict.token, booking })} />
        </div>
      )}
    </div>
  );
}
