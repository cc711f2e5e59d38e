import { useTranslation } from 'react-i18next';
import type { UnvalidatedNote } from './useCounterDesk';

interface PreviousNoteProps {
  note: UnvalidatedNote;
  onBack: () => void;
  onDismiss: () => void;
}

/**
 * A green nobody validated was replaced by another code: who it was (first name and initial only, the queue can
 * read the screen), and one key (F2) to go back to it.
 */
export function PreviousNote({ note, onBack, onDismiss }: PreviousNoteProps) {
  const { t } = useTranslation('ui');
  return (
    <div className="previous-note" data-testid="previous-unvalidated" data-token={note.token} role="status">
      <p className="previous-note__text">
        {note.name
          ? t('counter.previous_unvalidated', { name: note.name })
          : t('counter.previous_unvalidated_token', { token: note.token })}
      </p>
      <button
        type="button"
        className="button button--small button--secondary"
        data-testid="previous-back"
        aria-keyshortcuts="F2"
        onClick={onBack}
      >
        {t('counter.previous_back')}
      </button>
      <button
        type="button"
        className="previous-note__dismiss"
        aria-label={t('counter.previous_dismiss_label')}
        onClick={onDismiss}
      >
        {t('counter.previous_dismiss')}
      </button>
    </div>
  );
}
