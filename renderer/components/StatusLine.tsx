import { useTranslation } from 'react-i18next';
import { useAppInfo } from '../context/appInfoContext';
import { useLinkState } from '../context/coreContext';
import { PrinterStatusIndicator } from './PrinterStatusIndicator';
import { ScannerStatus } from './ScannerStatus';

export function StatusLine({ onOpenPrinting }: { onOpenPrinting?: () => void }) {
  const { t } = useTranslation('ui');
  const info = useAppInfo();
  const { status } = useLinkState();
  return (
    <footer className="status-line" data-testid="status-line">
      <span className="status-line__platform">
        <span
          className={status === 'open' ? 'status-line__dot' : 'status-line__dot status-line__dot--down'}
          aria-hidden="true"
        />
        {t('status.platform', { host: info.platformHost })}
      </span>
      <ScannerStatus />
      <PrinterStatusIndicator onOpen={onOpenPrinting} />
      <span className="status-line__version">{t('status.version', { version: info.version })}</span>
    </footer>
  );
}
