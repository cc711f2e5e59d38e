import { useTranslation } from 'react-i18next';
import type { Verdict } from '../../../shared/contract';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useVenueTimeZone } from '../../context/appInfoContext';
import { formatSeanceDay } from '../../format/seanceDay';
import { truncateText } from '../../format/truncate';

interface OtherSeanceConfirmDialogProps {
  verdict: Verdict;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * The second, deliberate step before admitting a booking of another séance. "Non" has the focus: Enter (or a
 * scanner's suffix) never confirms; the cashier must choose "Oui" (Tab then Enter, or a click).
 */
export function OtherSeanceConfirmDialog({ verdict, onConfirm, onCancel }: OtherSeanceConfirmDialogProps) {
  const { t } = useTranslation('ui');
  const timeZone = useVenueTimeZone();
  const booking = verdict.booking;
  const timing = verdict.seanceTiming === 'in_window' || !verdict.seanceTiming ? 'other_day' : verdict.seanceTiming;
  const when = booking?.seanceStart ? formatSeanceDay(booking.seanceStart, new Date(), timeZone) : '';
  return (
    <ConfirmDialog
      idPrefix="other-seance-dialog"
      title={t(`other_seance_dialog.title_${timing}`)}
      body={
        <>
          {booking && (
            <p className="confirm-dialog__name">
              <bdi>{truncateText(`${booking.firstName} ${booking.lastName}`, 80).text}</bdi>
            </p>
          )}
          {booking && (
            <p>{t('other_seance_dialog.seance', { film: truncateText(booking.offerName, 90).text, when })}</p>
          )}
          <p className="confirm-dialog__note">{t('other_seance_dialog.note')}</p>
        </>
      }
      cancelLabel={t('other_seance_dialog.cancel')}
      confirmLabel={t('other_seance_dialog.confirm')}
      confirmClassName="button--other-seance"
      testIds={{ dialog: 'other-seance-dialog', cancel: 'cancel-other-seance', confirm: 'confirm-other-seance' }}
      onConfirm={onConfirm}
      onCancel={onCancel}
    />
  );
}
