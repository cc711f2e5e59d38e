/** What an action did: an entry validated (with its reprint), a validation undone, a provisional validation. */
import { useTranslation } from '../../i18n';
import type { BookingView, Undo, Validation } from '../../../shared/contract';
import { shortName, type ProvisionalValidation, type ReprintState, type UndoRequest } from './counterPanel';
import { BookingColumns, UndoButton, UploadPendingNote, VerdictMessage } from './VerdictParts';

interface ValidatedBodyProps {
  validation: Validation;
  booking: BookingView | null;
  isBusy: boolean;
  reprint: ReprintState | null;
  onReprint: () => void;
  onRequestUndo: (request: UndoRequest) => void;
}

/**
 * The entry is recorded (the headline says for how many, the stamp says it is done): who and what, whether pass
 * Culture has it yet, a reprint of the slip (F4), and the way back if it was a mistake.
 */
export function ValidatedBody({ validation, booking, isBusy, reprint, onReprint, onRequestUndo }: ValidatedBodyProps) {
  const { t } = useTranslation('ui');
  const name = shortName(booking);
  const stamp = (
    <svg className="verdict__stamp" viewBox="0 0 48 48" aria-hidden="true" focusable="false">
      <circle cx="24" cy="24" r="21" fill="none" stroke="currentColor" strokeWidth="4" />
      <path
        d="M13 25l8 8 15-17"
        fill="none"
        stroke="currentColor"
        strokeWidth="5"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
  return (
    <>
      <BookingColumns booking={booking} beside={stamp} showsPrice={false} />
      <div className="verdict__footer">
        {validation.upload === 'pending' ? (
          <UploadPendingNote />
        ) : (
          <p className="verdict__sent" data-testid="upload-sent">
            {t('verdict.sent')}
          </p>
        )}
        <div className="verdict__actions">
          <span className="reprint-feedback" role="status" data-testid="reprint-feedback" data-state={reprint?.state}>
            {reprint?.state === 'busy' && t('verdict.reprint_sending')}
            {reprint?.state === 'sent' && t('verdict.reprint_sent')}
            {reprint?.state === 'error' && reprint.message}
          </span>
          <button
            type="button"
            className="button button--secondary button--reprint"
            data-testid="verdict-reprint"
            aria-label={name ? t('verdict.reprint_label', { name }) : undefined}
            aria-keyshortcuts="F4"
            disabled={reprint?.state === 'busy'}
            onClick={onReprint}
          >
            {t('verdict.reprint')}
          </button>
          <UndoButton
            isBusy={isBusy}
            booking={booking}
            onClick={() => onRequestUndo({ token: validation.token, booking })}
          />
        </div>
      </div>
    </>
  );
}

/** The validation was undone: the countermark can be validated again. */
export function UndoneBody({ undo, booking }: { undo: Undo; booking: BookingView | null }) {
  return (
    <>
      {undo.upload === 'pending' ? <UploadPendingNote /> : <VerdictMessage isProminent>{undo.message}</VerdictMessage>}
      {booking && <BookingColumns booking={booking} showsPrice={false} />}
    </>
  );
}

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
      <BookingColumns booking={booking} showsPrice={false} />
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
