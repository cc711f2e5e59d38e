import type { Verdict } from '../../../shared/contract';
import type { UndoRequest } from './counterPanel';
import { BeneficiaryName } from './BeneficiaryName';
import { BookingDetails } from './BookingDetails';
import { UndoButton } from './UndoButton';
import { UsedByNote } from './UsedByNote';
import { VerdictMessage } from './VerdictMessage';
import { WhoUnknownNote } from './WhoUnknownNote';

interface RefusedBodyProps {
  verdict: Verdict;
  isBusy: boolean;
  onRequestUndo: (request: UndoRequest) => void;
}

/**
 * Red: why not, in plain French, and who it was for (name, film, séance) when known; for a used booking, when and
 * where it was validated. A validation made here can still be undone from this panel.
 */
export function RefusedBody({ verdict, isBusy, onRequestUndo }: RefusedBodyProps) {
  const { booking, undo, usedBy } = verdict;
  return (
    <>
      <VerdictMessage isProminent>{verdict.message}</VerdictMessage>
      {usedBy && <UsedByNote usedBy={usedBy} />}
      {!booking && verdict.reason !== 'unknown' && <WhoUnknownNote />}
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
      {undo && (
        <div className="verdict__footer verdict__footer--end">
          <UndoButton
            isBusy={isBusy}
            booking={booking}
            onClick={() => onRequestUndo({ token: verdict.token, booking })}
          />
        </div>
      )}
    </>
  );
}
