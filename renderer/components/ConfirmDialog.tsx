import { useEffect, useRef, type ReactNode } from 'react';

export interface ConfirmDialogProps {
  /** Prefix of the title/body element ids (for aria-labelledby / aria-describedby). */
  idPrefix: string;
  title: string;
  body: ReactNode;
  cancelLabel: string;
  confirmLabel: string;
  /** Button style of the confirming action (e.g. `button--danger`). */
  confirmClassName: string;
  testIds: { dialog: string; cancel: string; confirm: string };
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * Asks before an action that matters. A native modal <dialog>: it traps the focus, makes the page behind inert
 * and turns Escape (or a click on the backdrop) into "cancel". The safe answer comes first, so it has the focus.
 */
export function ConfirmDialog(props: ConfirmDialogProps) {
  const { idPrefix, testIds, onCancel } = props;
  const dialogRef = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  return (
    <dialog
      ref={dialogRef}
      className="confirm-dialog"
      aria-labelledby={`${idPrefix}-title`}
      aria-describedby={`${idPrefix}-body`}
      data-testid={testIds.dialog}
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
        <h2 id={`${idPrefix}-title`} className="confirm-dialog__title">
          {props.title}
        </h2>
        <div id={`${idPrefix}-body`} className="confirm-dialog__body">
          {props.body}
        </div>
        <div className="confirm-dialog__actions">
          <button type="button" className="button button--secondary" data-testid={testIds.cancel} onClick={onCancel}>
            {props.cancelLabel}
          </button>
          <button
            type="button"
            className={`button ${props.confirmClassName}`}
            data-testid={testIds.confirm}
            onClick={props.onConfirm}
          >
            {props.confirmLabel}
          </button>
        </div>
      </div>
    </dialog>
  );
}
