/** The questions the guichet asks before an action that matters: undo, another séance, a provisional validation. */
import { useTranslation } from '../../i18n';
import type { Verdict } from '../../../shared/contract';
import { formatTime } from '../../../shared/dates';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useVenueTimeZone } from '../../context/coreContext';
import { useCounterSettings } from '../../context/counterSettingsContext';
import { formatSeanceDay } from '../../format/dates';
import { truncateText } from '../../format/truncate';
import { isOutsideWindow, otherSeanceTiming, type ProvisionalRequest, type UndoRequest } from './counterPanel';

interface UndoConfirmDialogProps {
  request: UndoRequest;
  onConfirm: () => void;
  onCancel: () => void;
}

/** Asks before undoing a validation made at this counter. */
export function UndoConfirmDialog({ request, onConfirm, onCancel }: UndoConfirmDialogProps) {
  const { t } = useTranslation('ui');
  const name = request.booking
    ? truncateText(`${request.booking.firstName} ${request.booking.lastName}`, 80).text
    : null;
  return (
    <ConfirmDialog
      idPrefix="undo-dialog"
      title={t('undo_dialog.title')}
      body={
        <p>
          {name
            ? t('undo_dialog.body_named', { token: request.token, name })
            : t('undo_dialog.body', { token: request.token })}
        </p>
      }
      cancelLabel={t('undo_dialog.cancel')}
      confirmLabel={t('undo_dialog.confirm')}
      confirmClassName="button--danger"
      testIds={{ dialog: 'undo-dialog', cancel: 'cancel-undo', confirm: 'confirm-undo' }}
      onConfirm={onConfirm}
      onCancel={onCancel}
    />
  );
}

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
  const timing = otherSeanceTiming(verdict);
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

interface ProvisionalConfirmDialogProps {
  request: ProvisionalRequest;
  /** `acceptOtherSeance`: the séance was outside the window and the dialog said so. */
  onConfirm: (acceptOtherSeance: boolean) => void;
  onCancel: () => void;
}

/** Asks before a provisional validation: who, which séance, and that pass Culture will check it later. */
export function ProvisionalConfirmDialog({ request, onConfirm, onCancel }: ProvisionalConfirmDialogProps) {
  const { t } = useTranslation(['ui', 'common']);
  const timeZone = useVenueTimeZone();
  const { booking } = request;
  const places = t('common:places', { count: booking.quantity });
  const { seanceWindow } = useCounterSettings();
  const isOtherSeance = isOutsideWindow(booking.seanceStart, seanceWindow, timeZone, new Date());
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
