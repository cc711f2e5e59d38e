import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { UndoRequest } from './counterPanel';

interface UndoConfirmDialogProps {
  request: UndoRequest;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * Asks before undoing a validation. A native modal <dialog>: it traps the focus, makes the page behind inert
 * and turns Escape into "cancel". The safe answer comes first, so it has the focus.
 */
export function UndoConfirmDialog({ request, onConfirm, onCancel }: UndoConfirmDialogProps) {
  const { t } = useTranslation('ui');
  const dialogRef = useRef<HTMLDialogElement>(null);
  const name = request.booking ? `${request.booking.firstName} ${request.booking.lastName}` : null;

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  return (
    <dialog
      ref={dialogRef}
      className="confirm-dialog"
      aria-labelledby="undo-dialog-title"
      aria-describedby="undo-dialog-body"
      data-testid="undo-dialog"
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
        <h2 id="undo-dialog-title" className="confirm-dialog__title">
          {t('undo_dialog.title')}
        </h2>
        <p id="undo-dialog-body" className="confirm-dialog__body">
          {name
            ? t('undo_dialog.body_named', { token: request.token, name })
            : t('undo_dialog.body', { token: request.token })}
        </p>
        <div className="confirm-dialog__actions">
          <button type="button" className="button button--secondary" data-testid="cancel-undo" onClick={onCancel}>
            {t('undo_dialog.cancel')}
          </button>
          <button type="button" className="button button--danger" data-testid="confirm-undo" onClick={onConfirm}>
            {t('undo_dialog.confirm')}
          </button>
        </div>
      </div>
    </dialog>
  );
}
