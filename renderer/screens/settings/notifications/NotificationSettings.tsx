import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../../context/coreContext';
import { useLoadedEnvelope } from '../../../hooks/useLoadedEnvelope';
import { SettingsSection } from '../SettingsSection';

/** New bookings notifications on or off; kept by the core (settings table), so it survives a browser-mode port change. */
export function NotificationSettings() {
  const { t } = useTranslation('ui');
  const api = useApi();
  const load = useCallback(() => api.call('notifications.settings.get', {}), [api]);
  const { envelope } = useLoadedEnvelope(load, '');
  const [saved, setSaved] = useState<boolean | null>(null);
  const [error, setError] = useState<string | null>(null);
  const enabled = saved ?? (envelope?.ok ? envelope.value.enabled : true);

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
      {error && <p role="alert">{error}</p>}
    </SettingsSection>
  );
}
