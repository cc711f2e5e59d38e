import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';

interface CodeFieldProps {
  inputRef: RefObject<HTMLInputElement | null>;
  value: string;
  hasError: boolean;
  onChange: (value: string) => void;
  onSubmit: () => void;
}

/** The one big field where a wedge scanner types (and presses Enter) or the cashier types the code: one row. */
export function CodeField({ inputRef, value, hasError, onChange, onSubmit }: CodeFieldProps) {
  const { t } = useTranslation('ui');
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
