import { useTranslation } from 'react-i18next';
import { truncateText } from '../../format/truncate';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import type { UndoRequest } from './counterPanel';

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
