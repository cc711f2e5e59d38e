import { useEffect, useRef, type ReactNode } from 'react';

interface EditorDialogProps {
  title: string;
  testId: string;
  onClose: () => void;
  children: ReactNode;
}

/**
 * A modal form for programme editing: a native <dialog> (focus trapped, page behind inert). Escape closes it and
 * goes no further, so the Programme screen does not also go back.
 */
export function EditorDialog({ title, testId, onClose, children }: EditorDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  return (
    <dialog
      ref={ref}
      className="confirm-dialog editor-dialog"
      aria-labelledby={`${testId}-title`}
      data-testid={testId}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.preventDefault();
        event.stopPropagation();
        onClose();
      }}
    >
      <div className="confirm-dialog__content">
        <h2 id={`${testId}-title`} className="confirm-dialog__title">
          {title}
        </h2>
        {children}
      </div>
    </dialog>
  );
}
