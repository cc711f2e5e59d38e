import { useTranslation } from 'react-i18next';
import type { BookingView, Validation } from '../../../shared/contract';
import { shortName, type UndoRequest } from './counterPanel';
import { BeneficiaryName } from './BeneficiaryName';
import { BookingDetails } from './BookingDetails';
import { UndoButton } from './UndoButton';
import { UploadPendingNote } from './UploadPendingNote';
import type { ReprintState } from './useReprint';

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
  return (
    <>
      <div className="verdict__body verdict__columns">
        <div className="verdict__who">
          {booking && <BeneficiaryName booking={booking} />}
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
        </div>
        <div className="verdict__what">{booking && <BookingDetails booking={booking} showsPrice={false} />}</div>
      </div>
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
