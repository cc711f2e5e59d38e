import type { BookingView, Undo } from '../../../shared/contract';
import { BeneficiaryName } from './BeneficiaryName';
import { BookingDetails } from './BookingDetails';
import { UploadPendingNote } from './UploadPendingNote';
import { VerdictMessage } from './VerdictMessage';

/** The validation was undone: the countermark can be validated again. */
export function UndoneBody({ undo, booking }: { undo: Undo; booking: BookingView | null }) {
  return (
    <div className="verdict__body">
      {undo.upload === 'pending' ? <UploadPendingNote /> : <VerdictMessage isProminent>{undo.message}</VerdictMessage>}
      {booking && <BeneficiaryName booking={booking} />}
      {booking && <BookingDetails booking={booking} showsPrice={false} />}
    </div>
  );
}
