import type { BookingView, Undo } from '../../../shared/contract';
import { BeneficiaryName } from './BeneficiaryName';
import { BookingDetails } from './BookingDetails';
import { UploadPendingNote } from './UploadPendingNote';
import { VerdictMessage } from './VerdictMessage';

/** The validation was undone: the countermark can be validated again. */
export function UndoneBody({ undo, booking }: { undo: Undo; booking: BookingView | null }) {
  return (
    <>
      {undo.upload === 'pending' ? <UploadPendingNote /> : <VerdictMessage isProminent>{undo.message}</VerdictMessage>}
      {booking && (
        <div className="verdict__body verdict__columns">
          <div className="verdict__who">
            <BeneficiaryName booking={booking} />
          </div>
          <div className="verdict__what">
            <BookingDetails booking={booking} showsPrice={false} />
          </div>
        </div>
      )}
    </>
  );
}
