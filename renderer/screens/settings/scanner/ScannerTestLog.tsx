import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { WEDGE_DEVICE } from '../../../../shared/scanner/layoutMemory';
import { useScanListener, useScanner, type ScanRecord } from '../../../scanner/scannerContext';
import { ScanRecordCard } from './ScanRecordCard';

const KEPT = 8;

/**
 * The scanner test page: every scan while Réglages is open, newest first, and nothing is looked up. Typing
 * into another field is not shown (it may be the API key).
 */
export function ScannerTestLog() {
  const { t } = useTranslation('ui');
  const { devices } = useScanner();
  const [records, setRecords] = useState<ScanRecord[]>([]);

  useScanListener((record) => {
    if (!record.isScan && record.focus !== 'other') return false;
    setRecords((previous) => [record, ...previous].slice(0, KEPT));
    return true;
  });

  const nameOf = (deviceId: string) =>
    deviceId === WEDGE_DEVICE
      ? t('scanner.settings.keyboard')
      : (devices?.devices.find((d) => d.id === deviceId)?.name ?? deviceId);

  return (
    <div className="scanner-test" data-testid="scanner-test">
      <h4 className="scanner-settings__subtitle">{t('scanner.settings.test_title')}</h4>
      <p className="scanner-test__hint">{t('scanner.settings.test_hint')}</p>
      {records.length === 0 ? (
        <p className="scanner-test__empty">{t('scanner.settings.test_empty')}</p>
      ) : (
        records.map((record) => <ScanRecordCard key={record.id} record={record} deviceName={nameOf(record.deviceId)} />)
      )}
    </div>
  );
}
