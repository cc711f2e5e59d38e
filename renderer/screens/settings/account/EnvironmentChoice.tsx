import { useTranslation } from 'react-i18next';
import { LIVE_ENVIRONMENTS, type LiveEnvironment } from './accountDraft';

interface EnvironmentChoiceProps {
  value: LiveEnvironment;
  baseUrl: string;
  onChange: (environment: LiveEnvironment) => void;
  onBaseUrlChange: (baseUrl: string) => void;
}

/** Production, Intégration (pass Culture's test platform), or a URL of one's own. */
export function EnvironmentChoice({ value, baseUrl, onChange, onBaseUrlChange }: EnvironmentChoiceProps) {
  const { t } = useTranslation('ui');
  return (
    <fieldset className="form-group">
      <legend className="form-group__legend">{t('account.environment_label')}</legend>
      {LIVE_ENVIRONMENTS.map((environment) => (
        <label key={environment} className="choice">
          <input
            type="radio"
            name="account-environment"
            value={environment}
            data-testid={`account-environment-${environment}`}
            checked={value === environment}
            onChange={() => onChange(environment)}
          />
          <span className="choice__text">
            <span className="choice__title">{t(`account.environment.${environment}`)}</span>
            <span className="choice__hint">{t(`account.environment_hint.${environment}`)}</span>
          </span>
        </label>
      ))}
      {value === 'custom' && (
        <label className="form-field">
          <span className="form-field__label">{t('account.base_url_label')}</span>
          <input
            type="url"
            className="form-field__input"
            data-testid="account-base-url"
            value={baseUrl}
            placeholder="https://"
            autoComplete="off"
            spellCheck={false}
            onChange={(event) => onBaseUrlChange(event.target.value)}
          />
        </label>
      )}
    </fieldset>
  );
}
