/** The code field where every countermark arrives, and the notes under it: a green left unvalidated, a layout learnt, a scan to pick from. */
import type { RefObject } from 'react';
import { useTranslation } from '../../i18n';
import type { ReadingSource } from '../../../shared/scanner/readingSource';
import { layoutLabel } from '../../scanner/scannerContext';
import { candidateState, type UnvalidatedNote } from './counterDesk';
import type { Ambiguity } from './counterHooks';

interface CodeFieldProps {
  inputRef: RefObject<HTMLInputElement | null>;
  value: string;
  hasError: boolean;
  onChange: (value: string) => void;
  onSubmit: () => void;
}

/** The one big field where a wedge scanner types (and presses Enter) or the cashier types the code: one row. */
export function CodeField({ inputRef, value, hasError, onChange, onSubmit }: CodeFieldProps) {
  const { t } = useTranslation(['ui', 'common']);
  return (
    <div className="code-field">
      <label className="code-field__label" htmlFor="code-input">
        {t('counter.field_label')}
      </label>
      <input
        ref={inputRef}
        id="code-input"
        data-testid="code-input"
        className={hasError ? 'code-field__input code-field__input--invalid' : 'code-field__input'}
        type="text"
        value={value}
        placeholder={t('counter.placeholder')}
        autoFocus
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        enterKeyHint="go"
        maxLength={512}
        aria-invalid={hasError}
        aria-describedby={hasError ? 'code-error code-keys' : 'code-keys'}
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={(event) => {
          if (event.key !== 'Enter' || event.nativeEvent.isComposing) return;
          event.preventDefault();
          if (!event.repeat) onSubmit();
        }}
      />
      <p id="code-keys" className="code-field__keys">
        {t('counter.keys_hint')}
      </p>
      {hasError && (
        <p id="code-error" className="code-field__error" data-testid="input-error" role="alert">
          {t('common:errors.not_a_countermark')}
        </p>
      )}
    </div>
  );
}

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

/** After the calibration code was scanned at the guichet: which layout the scanner turned out to use. */
export function ScanLearntNote({ sources }: { sources: readonly ReadingSource[] }) {
  const { t } = useTranslation('ui');
  return (
    <p className="scan-learnt" data-testid="scan-learnt" role="status">
      {t('scanner.calibrated', { layout: layoutLabel(sources, t) })}
    </p>
  );
}

interface AmbiguousScanPanelProps {
  ambiguity: Ambiguity;
  onPick: (token: string) => void;
}

/**
 * A scan that reads as several codes, none of them provably the one: the cashier compares with the six
 * characters printed under the beneficiary's QR code and picks. Nothing is looked up until then.
 */
export function AmbiguousScanPanel({ ambiguity, onPick }: AmbiguousScanPanelProps) {
  const { t } = useTranslation('ui');
  if (ambiguity.status === 'checking') {
    return (
      <p className="pending-notice" data-testid="scan-checking" role="status">
        <span className="pending-notice__spinner" aria-hidden="true" />
        {t('scanner.ambiguous.checking')}
      </p>
    );
  }
  const found = ambiguity.existing.length;
  return (
    <section className="scan-question" data-testid="scan-question" aria-labelledby="scan-question-title">
      <h2 className="scan-question__title" id="scan-question-title">
        {t('scanner.ambiguous.title')}
      </h2>
      <p className="scan-question__text">
        {found === 0 ? t('scanner.ambiguous.none_exist') : found > 1 ? t('scanner.ambiguous.several_exist') : ''}{' '}
        {t('scanner.ambiguous.question')}
      </p>
      <ul className="scan-question__choices">
        {ambiguity.candidates.map((token) => {
          const state = candidateState(token, ambiguity);
          return (
            <li key={token}>
              <button
                type="button"
                className={`scan-question__choice scan-question__choice--${state}`}
                data-testid="scan-choice"
                onClick={() => onPick(token)}
              >
                <span className="scan-question__token">{token}</span>
                <span className="scan-question__state">{t(`scanner.ambiguous.state.${state}`)}</span>
              </button>
            </li>
          );
        })}
      </ul>
      <p className="scan-question__hint">{t('scanner.ambiguous.calibrate_hint')}</p>
    </section>
  );
}
