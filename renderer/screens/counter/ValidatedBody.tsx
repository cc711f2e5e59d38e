import type { BookingView, Validation } from '../../../shared/contract';
import type { UndoRequest } from './counterPanel';
import { BeneficiaryName } from './BeneficiaryName';
import { BookingDetails } from './BookingDetails';
import { UndoButton } from './UndoButton';
import { UploadPendingNote } from './UploadPendingNote';
import { VerdictMessage } from './VerdictMessage';

interface ValidatedBodyProps {
  validation: Validation;
  booking: BookingView | null;
  isBusy: boolean;
  onRequestUndo: (request: UndoRequest) => void;
}

/** The entry is recorded (the headline says for how many): who, and the way back if it was a mistake. */
export function ValidatedBody({ validation, booking, isBusy, onRequestUndo }: ValidatedBodyProps) {
  return (
    <div className="verdict__body">
      {booking && <BeneficiaryName booking={booking} />}
      {booking && <BookingDetails booking={booking} showsPrice={false} />}
      <div className="verdict__footer">
        {validation.upload === 'pending' ? (
          <UploadPendingNote />
        ) : (
          <VerdictMessage>{validation.message}</VerdictMessage>
        )}
        <UndoButton isBusy={isBusy} onClick={() => onRequestUndo({ token: validation.token, booking })} />
      </div>
    </div>
  );
}
