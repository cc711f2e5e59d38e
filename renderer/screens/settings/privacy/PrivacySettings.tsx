import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../../context/coreContext';
import { useLoadedEnvelope } from '../../../hooks/coreData';
import { SettingsSection } from '../SettingsSection';

/** What the counter keeps of beneficiaries and for how long (GDPR), and the retention period. */
export function PrivacySettings() {
  const { t } = useTranslation('ui');
  const api = useApi();
  const load = useCallback(() => api.call('privacy.settings.get', {}), [api]);
  const { envelope } = useLoadedEnvelope(load, '');
  const [draft, setDraft] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const days = envelope?.ok ? envelope.value.retentionDays : null;

  async function save(): Promise<void> {
    const value = Number(draft);
    if (!Number.isInteger(value) || value < 1 || value > 365) {
      setMessage(t('privacy.invalid'));
      return;
    }
    const result = await api.call('privacy.settings.set', { retentionDays: value });
    setMessage(result.ok ? t('privacy.saved', { count: result.value.retentionDays }) : result.error.message);
    if (result.ok) setDraft(null);
  }

  return (
    <SettingsSection id="privacy" title={t('privacy.title')} description={t('privacy.description')}>
      <ul className="privacy__kept">
        <li>{t('privacy.kept_names')}</li>
        <li>{t('privacy.kept_not')}</li>
        <li>{t('privacy.kept_after', { count: days ?? 30 })}</li>
        <li>{t('privacy.kept_backups')}</li>
        <li>{t('privacy.kept_logs')}</li>
      </ul>
      <form
        className="privacy__form"
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <label>
          {t('privacy.retention_label')}
          <input
            type="number"
            min={1}
            max={365}
            data-testid="privacy-retention"
            value={draft ?? (days === null ? '' : String(days))}
            disabled={days === null}
            onChange={(event) => setDraft(event.target.value)}
          />
        </label>
        <button type="submit" className="button button--secondary" disabled={draft === null}>
          {t('privacy.save')}
        </button>
      </form>
      {message && <p role="status">{message}</p>}
    </SettingsSection>
  );
}
