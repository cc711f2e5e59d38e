import { useCallback, useState } from 'react';
import { useTranslation } from '../../i18n';
import { useApi } from '../../context/coreContext';
import { useCounterSettings } from '../../context/counterSettingsContext';
import { useLoadedEnvelope } from '../../hooks/coreData';
import { AccountSettings } from './account/AccountSettings';
import { CounterSettingsSection } from './CounterSettingsSection';
import { CountersSettings } from './counters/CountersSettings';
import { ScannerSettings } from './scanner/ScannerSettings';
import { SettingsSection } from './SettingsSection';
import { TeamSettings } from './team/TeamSettings';
import { retentionDays } from './settingsValues';
import './settings.css';

/**
 * Réglages: a column of independent sections, each wrapped in `SettingsSection` (the account and the scanner have
 * their own folders; notifications and personal data are below). To add one, render it in the order a manager
 * would set the counter up.
 */
export function SettingsScreen() {
  const { t } = useTranslation('ui');
  return (
    <div className="settings" data-testid="settings-screen">
      <div className="screen-head">
        <h2 className="screen-head__title">{t('settings.title')}</h2>
      </div>
      <AccountSettings />
      <TeamSettings />
      <CounterSettingsSection />
      <CountersSettings />
      {/* Printer section goes here (e.g. <PrinterSettings />). */}
      <ScannerSettings />
      <NotificationSettings />
      <PrivacySettings />
    </div>
  );
}

/**
 * New bookings notifications on or off, and how they behave on the guichet during service (grouped in the app
 * without names, or the system's); kept by the core (settings table), so they survive a browser-mode port change.
 */
function NotificationSettings() {
  const { t } = useTranslation('ui');
  const api = useApi();
  const load = useCallback(() => api.call('notifications.settings.get', {}), [api]);
  const { envelope } = useLoadedEnvelope(load, '');
  const [saved, setSaved] = useState<boolean | null>(null);
  const [error, setError] = useState<string | null>(null);
  const enabled = saved ?? (envelope?.ok ? envelope.value.enabled : true);
  const { serviceNotifications } = useCounterSettings();

  async function chooseDuringService(next: 'in_app' | 'desktop'): Promise<void> {
    const result = await api.call('counter.settings.set', { serviceNotifications: next });
    setError(result.ok ? null : result.error.message);
  }

  async function toggle(next: boolean): Promise<void> {
    const result = await api.call('notifications.settings.set', { enabled: next });
    if (result.ok) {
      setSaved(result.value.enabled);
      setError(null);
      if (next && typeof Notification !== 'undefined' && Notification.permission === 'default') {
        void Notification.requestPermission();
      }
    } else setError(result.error.message);
  }

  return (
    <SettingsSection
      id="notifications"
      title={t('notifications.settings_title')}
      description={t('notifications.settings_hint')}
    >
      <label className="checkbox-field">
        <input
          type="checkbox"
          data-testid="notifications-enabled"
          checked={enabled}
          disabled={!envelope}
          onChange={(event) => void toggle(event.target.checked)}
        />
        {t('notifications.enabled_label')}
      </label>
      <fieldset className="form-group" disabled={!enabled}>
        <legend className="form-group__legend">{t('notifications.service_title')}</legend>
        {(['in_app', 'desktop'] as const).map((choice) => (
          <label key={choice} className="checkbox-field">
            <input
              type="radio"
              name="service-notifications"
              data-testid={`service-notifications-${choice}`}
              checked={serviceNotifications === choice}
              onChange={() => void chooseDuringService(choice)}
            />
            {t(`notifications.service_${choice}`)}
          </label>
        ))}
        <p className="settings-section__description">{t('notifications.service_hint')}</p>
      </fieldset>
      {error && <p role="alert">{error}</p>}
    </SettingsSection>
  );
}

/** What the counter keeps of beneficiaries and for how long (GDPR), and the retention period. */
function PrivacySettings() {
  const { t } = useTranslation('ui');
  const api = useApi();
  const load = useCallback(() => api.call('privacy.settings.get', {}), [api]);
  const { envelope } = useLoadedEnvelope(load, '');
  const [draft, setDraft] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const days = envelope?.ok ? envelope.value.retentionDays : null;

  async function save(): Promise<void> {
    const value = retentionDays(draft ?? '');
    if (value === null) {
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
