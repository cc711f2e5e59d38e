import type { BookingView } from '../../../shared/contract';
import type { ProvisionalValidation, UndoRequest } from './counterPanel';
import { BeneficiaryName } from './BeneficiaryName';
import { BookingDetails } from './BookingDetails';
import { UndoButton } from './UndoButton';
import { UploadPendingNote } from './UploadPendingNote';
import { VerdictMessage } from './VerdictMessage';

interface ProvisionalBodyProps {
  validation: ProvisionalValidation;
  booking: BookingView;
  isBusy: boolean;
  onRequestUndo: (request: UndoRequest) => void;
}

/** Recorded as a provisional validation: who, what, and that pass Culture will check it when the network is back. */
export function ProvisionalBody({ validation, booking, isBusy, onRequestUndo }: ProvisionalBodyProps) {
  return (
    <>
      <div className="verdict__body verdict__columns">
        <div className="verdict__who">
          <BeneficiaryName booking={booking} />
        </div>
        <div className="verdict__what">
          <BookingDetails booking={booking} showsPrice={false} />
        </div>
      </div>
      <div className="verdict__footer">
        <UploadPendingNote />
        <VerdictMessage>{validation.message}</VerdictMessage>
        <UndoButton
          isBusy={isBusy}
          booking={booking}
          onClick={() => onRequestUndo({ token: validation.token, booking })}
        />
      </div>
    </>
  );
}
