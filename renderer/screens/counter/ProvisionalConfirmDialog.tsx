import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { formatTime } from '../../../shared/dates';
import { useVenueTimeZone } from '../../context/appInfoContext';
import type { ProvisionalRequest } from './counterPanel';

interface ProvisionalConfirmDialogProps {
  request: ProvisionalRequest;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * Asks before a provisional validation: who, which séance, and that pass Culture will check it when the
 * network is back. A native modal <dialog> (focus trapped, Escape cancels); the safe answer comes first.
 */
export function ProvisionalConfirmDialog({ request, onConfirm, onCancel }: ProvisionalConfirmDialogProps) {
  const { t } = useTranslation('ui');
  const timeZone = useVenueTimeZone();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const { booking } = request;
  const places = t('common:places', { count: booking.quantity });

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  return (
    <dialog
      ref={dialogRef}
      className="confirm-dialog"
      aria-labelledby="provisional-dialog-title"
      aria-describedby="provisional-dialog-body"
      data-testid="provisional-dialog"
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
      onClose={onCancel}
      onClick={(event) => {
        if (event.target === event.currentTarget) onCancel(); // a click on the backdrop
      }}
    >
      <div className="confirm-dialog__content">
        <h2 id="provisional-dialog-title" className="confirm-dialog__title">
          {t('provisional_dialog.title')}
        </h2>
        <div id="provisional-dialog-body" className="confirm-dialog__body">
          <p className="confirm-dialog__name">
            {booking.firstName} {booking.lastName}
          </p>
          <p>
            {t('provisional_dialog.seance', {
              film: booking.offerName,
              time: booking.seanceStart ? formatTime(booking.seanceStart, timeZone) : t('verdict.seance_unknown'),
              places: booking.isDuo ? t('verdict.places_duo', { places }) : places,
            })}
          </p>
          <p>{t('provisional_dialog.token', { token: request.token })}</p>
          <p className="confirm-dialog__note">{t('provisional_dialog.note')}</p>
        </div>
        <div className="confirm-dialog__actions">
          <button
            type="button"
            className="button button--secondary"
            data-testid="cancel-provisional"
            onClick={onCancel}
          >
            {t('provisional_dialog.cancel')}
          </button>
          <button
            type="button"
            className="button button--provisional"
            data-testid="confirm-provisional"
            onClick={onConfirm}
          >
            {t('provisional_dialog.confirm')}
          </button>
        </div>
      </div>
    </dialog>
  );
}
