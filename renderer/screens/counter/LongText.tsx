import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { truncateText } from '../../format/truncate';

/** "voir en entier": the whole text in a scrollable window; closing it gives the focus back to the code field. */
export function FullTextButton({ title, text, testId }: { title: string; text: string; testId?: string }) {
  const { t } = useTranslation('ui');
  const dialogRef = useRef<HTMLDialogElement>(null);
  return (
    <>
      <button
        type="button"
        className="long-text__more"
        data-testid={testId}
        aria-label={`${title} : ${t('verdict.full_text')}`}
        onClick={() => dialogRef.current?.showModal()}
      >
        {t('verdict.full_text')}
      </button>
      <dialog
        ref={dialogRef}
        className="confirm-dialog long-text__dialog"
        aria-label={title}
        // The dialog gives the focus back to its button on close; the next scan must land in the code field.
        onClose={() => window.setTimeout(() => document.getElementById('code-input')?.focus())}
      >
        <div className="confirm-dialog__content">
          <h2 className="confirm-dialog__title">{title}</h2>
          <p className="long-text__full">{text}</p>
          <div className="confirm-dialog__actions">
            <button type="button" className="button button--secondary" onClick={() => dialogRef.current?.close()}>
              {t('verdict.full_text_close')}
            </button>
          </div>
        </div>
      </dialog>
    </>
  );
}

interface LongTextProps {
  text: string;
  /** Characters shown at most; the rest on demand. */
  max: number;
  /** Title of the full-text window, e.g. "Titre complet". */
  title: string;
  className?: string;
  testId?: string;
}

/**
 * Outside text of any length (a film title…), cut to `max` characters with an ellipsis, so it never pushes the
 * verdict off screen (nor costs a long layout); when cut, a small button shows the whole text.
 */
export function LongText({ text, max, title, className, testId }: LongTextProps) {
  const shown = truncateText(text, max);
  return (
    <>
      <bdi className={className} data-testid={testId} data-truncated={shown.isTruncated || undefined}>
        {shown.text}
      </bdi>
      {shown.isTruncated && (
        <>
          {' '}
          <FullTextButton title={title} text={text} testId={testId ? `${testId}-more` : undefined} />
        </>
      )}
    </>
  );
}
