import { useTranslation } from 'react-i18next';
import { printerTone } from '../screens/printing/printerTone';
import { usePrinterStatus } from '../screens/printing/usePrinting';
import '../screens/printing/printing.css';

/** The printer in the status line: its state in words, jobs waiting or failed; a click opens the Impression screen. */
export function PrinterStatusIndicator({ onOpen }: { onOpen?: () => void }) {
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
