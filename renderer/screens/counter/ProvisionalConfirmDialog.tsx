import { useTranslation } from 'react-i18next';
import { truncateText } from '../../format/truncate';
import { formatTime } from '../../../shared/dates';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useVenueTimeZone } from '../../context/appInfoContext';
import { useCounterSettings } from '../../context/counterSettingsContext';
import { formatSeanceDay } from '../../format/seanceDay';
import { isOutsideWindow } from './isOutsideWindow';
import type { ProvisionalRequest } from './counterPanel';

interface ProvisionalConfirmDialogProps {
  request: ProvisionalRequest;
  /** `acceptOtherSeance`: the séance was outside the window and the dialog said so. */
  onConfirm: (acceptOtherSeance: boolean) => void;
  onCancel: () => void;
}

/** Asks before a provisional validation: who, which séance, and that pass Culture will check it later. */
export function ProvisionalConfirmDialog({ request, onConfirm, onCancel }: ProvisionalConfirmDialogProps) {
  const { t } = useTranslation('ui');
  const timeZone = useVenueTimeZone();
  const { booking } = request;
  const places = t('common:places', { count: booking.quantity });
  const { seanceWindow } = useCounterSettings();
  const isOtherSeance = isOutsideWindow(booking.seanceStart, seanceWindow, timeZone);
  return (
    <ConfirmDialog
      idPrefix="provisional-dialog"
      title={t('provisional_dialog.title')}
      body={
        <>
          <p className="confirm-dialog__name">{truncateText(`${booking.firstName} ${booking.lastName}`, 80).text}</p>
          <p>
            {t('provisional_dialog.seance', {
              film: truncateText(booking.offerName, 90).text,
              time: booking.seanceStart ? formatTime(booking.seanceStart, timeZone) : t('verdict.seance_unknown'),
              places: booking.isDuo ? t('verdict.places_duo', { places }) : places,
            })}
          </p>
          {isOtherSeance && booking.seanceStart && (
            <p className="confirm-dialog__note" data-testid="provisional-other-seance">
              {t('provisional_dialog.other_seance', {
                when: formatSeanceDay(booking.seanceStart, new Date(), timeZone),
              })}
            </p>
          )}
          <p>{t('provisional_dialog.token', { token: request.token })}</p>
          <p className="confirm-dialog__note">{t('provisional_dialog.note')}</p>
        </>
      }
      cancelLabel={t('provisional_dialog.cancel')}
      confirmLabel={t('provisional_dialog.confirm')}
      confirmClassName="button--provisional"
      testIds={{ dialog: 'provisional-dialog', cancel: 'cancel-provisional', confirm: 'confirm-provisional' }}
      onConfirm={() => onConfirm(isOtherSeance)}
      onCancel={onCancel}
    />
  );
}
