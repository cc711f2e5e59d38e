import { useState } from 'react';
import { useTranslation } from 'react-i18next';

interface HandleConflictFormProps {
  itemId: number;
  isBusy: boolean;
  onSubmit: (comment: string) => void;
  onCancel: () => void;
}

/** "Marquer comme traité" needs a word on what was done: the comment stays with the conflict. */
export function HandleConflictForm({ itemId, isBusy, onSubmit, onCancel }: HandleConflictFormProps) {
  const { t } = useTranslation('ui');
  const [comment, setComment] = useState('');
  const [isMissing, setIsMissing] = useState(false);
  const fieldId = `handle-comment-${itemId}`;

  return (
    <form
      className="handle-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (comment.trim() === '') setIsMissing(true);
        else onSubmit(comment.trim());
      }}
    >
      <label className="handle-form__label" htmlFor={fieldId}>
        {t('sync.handle_label')}
      </label>
      <textarea
        id={fieldId}
        className="handle-form__input"
        data-testid="sync-handle-comment"
        value={comment}
        rows={2}
        maxLength={500}
        aria-required="true"
        autoFocus
        aria-invalid={isMissing}
        aria-describedby={isMissing ? `${fieldId}-error` : undefined}
        placeholder={t('sync.handle_placeholder')}
        onChange={(event) => {
          setComment(event.target.value);
          setIsMissing(false);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.preventDefault();
            onCancel();
          }
        }}
      />
      {isMissing && (
        <p id={`${fieldId}-error`} className="form-error" role="alert">
          {t('sync.handle_required')}
        </p>
      )}
      <div className="handle-form__actions">
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('sync.handle_cancel')}
        </button>
        <button type="submit" className="button button--primary" data-testid="sync-handle-confirm" disabled={isBusy}>
          {t('sync.handle_confirm')}
        </button>
      </div>
    </form>
  );
}
