import { useTranslation } from 'react-i18next';
import { useAppInfo } from '../context/appInfoContext';
import { useLinkState } from '../context/coreContext';
import { PrinterStatusIndicator } from './PrinterStatusIndicator';
import { ScannerStatus } from './ScannerStatus';

/**
 * The footer. Its dot is the link between this screen and the guichet's engine on this PC (the WebSocket or the
 * Electron bridge), said in words — pass Culture's own state is the status banner's job.
 */
export function StatusLine({ onOpenPrinting }: { onOpenPrinting?: () => void }) {
  const { t } = useTranslation('ui');
  const info = useAppInfo();
  const { status } = useLinkState();
  const isUp = status === 'open';
  return (
    <footer className="status-line" data-testid="status-line">
      <span className="status-line__engine" data-testid="engine-link" data-up={isUp} title={t('status.engine_hint')}>
        <span className={isUp ? 'status-line__dot' : 'status-line__dot status-line__dot--down'} aria-hidden="true" />
        {isUp ? t('status.engine_up') : t('status.engine_down')}
        <span className="visually-hidden"> — {t('status.engine_hint')}</span>
      </span>
      <span className="status-line__platform">{t('status.platform', { host: info.platformHost })}</span>
      <ScannerStatus />
      <PrinterStatusIndicator onOpen={onOpenPrinting} />
      <span className="status-line__version">{t('status.version', { version: info.version })}</span>
    </footer>
  );
}
