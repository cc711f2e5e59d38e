import { useTranslation } from 'react-i18next';
import { SettingsSection } from '../SettingsSection';
import { CalibrationBarcode } from './CalibrationBarcode';
import { LayoutMemoryPanel } from './LayoutMemoryPanel';
import { printCalibration } from './printCalibration';
import { ScannerDeviceList } from './ScannerDeviceList';
import { ScannerTestLog } from './ScannerTestLog';
import './scanner.css';

/** Réglages → Scanner: the learnt layout, the calibration code, dedicated scanners, and the test page. */
export function ScannerSettings() {
  const { t } = useTranslation('ui');
  return (
    <SettingsSection id="scanner" title={t('scanner.settings.title')} description={t('scanner.settings.description')}>
      <LayoutMemoryPanel />
      <div className="calibration-sheet">
        <h4 className="scanner-settings__subtitle">{t('scanner.settings.calibration_title')}</h4>
        <p>{t('scanner.settings.calibration_text')}</p>
        <CalibrationBarcode />
        <button type="button" className="button button--secondary calibration-sheet__print" onClick={printCalibration}>
          {t('scanner.settings.print')}
        </button>
      </div>
      <ScannerTestLog />
      <ScannerDeviceList />
    </SettingsSection>
  );
}
