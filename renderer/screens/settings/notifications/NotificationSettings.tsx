import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../../context/coreContext';
import { useCounterSettings } from '../../../context/counterSettingsContext';
import { useLoadedEnvelope } from '../../../hooks/coreData';
import { SettingsSection } from '../SettingsSection';

/**
 * New bookings notifications on or off, and how they behave on the guichet during service (grouped in the app
 * without names, or the system's); kept by the core (settings table), so they survive a browser-mode port change.
 */
export function NotificationSettings() {
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
