import { useTranslation } from '../i18n';
import { useAppInfo, useLinkState } from '../context/coreContext';
import { useScanner } from '../scanner/scannerContext';
import { printerTone, usePrinterStatus } from '../screens/printing/printerStatus';
import '../screens/printing/printing.css';

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

/**
 * Dedicated scanners in the status bar: their names while plugged in, or what is wrong with one. A live region,
 * so plugging one in or out is announced. Keyboard-wedge scanners are keyboards: nothing to show.
 */
function ScannerStatus() {
  const { t } = useTranslation('ui');
  const { devices } = useScanner();
  const list = devices?.devices ?? [];
  const problem = list.find((device) => device.state !== 'ready');
  const ready = list.filter((device) => device.state === 'ready').map((device) => device.name);
  return (
    <span className="status-line__scanners" data-testid="scanner-status" role="status">
      {problem
        ? t('scanner.status.problem', { name: problem.name, state: t(`scanner.device_state.${problem.state}`) })
        : ready.length > 0
          ? t('scanner.status.devices', { names: ready.join(', ') })
          : ''}
    </span>
  );
}

/** The printer in the status line: its state in words, jobs waiting or failed; a click opens the Impression screen. */
function PrinterStatusIndicator({ onOpen }: { onOpen?: () => void }) {
  const { t } = useTranslation('ui');
  const { status } = usePrinterStatus();
  if (!status) return null;
  const tone = printerTone(status.state, status.paperNearEnd);
  return (
    <button
      type="button"
      className={`printer-status printer-status--${tone}`}
      data-testid="printer-status"
      data-state={status.state}
      data-failed={status.failedJobs}
      title={`${status.printerLabel} — ${t('printing.status.open')}`}
      onClick={onOpen}
    >
      <span className="printer-status__dot" aria-hidden="true" />
      <span role="status">{status.message}</span>
      {status.pendingJobs > 0 && <span>· {t('printing.status.pending', { count: status.pendingJobs })}</span>}
      {status.failedJobs > 0 && (
        <span className="printer-status__failed">· {t('printing.status.failed', { count: status.failedJobs })}</span>
      )}
    </button>
  );
}
