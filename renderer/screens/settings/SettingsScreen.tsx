import { useTranslation } from 'react-i18next';
import { AccountSettings } from './account/AccountSettings';
import { CounterSettingsSection } from './counter/CounterSettingsSection';
import { NotificationSettings } from './notifications/NotificationSettings';
import { PrivacySettings } from './privacy/PrivacySettings';
import { ScannerSettings } from './scanner/ScannerSettings';

/**
 * Réglages: a column of independent sections, each in its own folder and wrapped in `SettingsSection`.
 * To add one (printer, scanner…), render it below in the order a manager would set the counter up.
 */
export function SettingsScreen() {
  const { t } = useTranslation('ui');
  return (
    <div className="settings" data-testid="settings-screen">
      <div className="screen-head">
        <h2 className="screen-head__title">{t('settings.title')}</h2>
      </div>
      <AccountSettings />
      <CounterSettingsSection />
      {/* Printer section goes here (e.g. <PrinterSettings />). */}
      <ScannerSettings />
      <NotificationSettings />
      <PrivacySettings />
    </div>
  );
}
