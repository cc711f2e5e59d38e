import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../context/coreContext';
import { usePrinterStatus, usePrintJobs } from '../screens/printing/usePrinting';
import '../screens/printing/printing.css';

/**
 * A slip did not print: says which and why, with a one-click reprint. The validation itself is recorded either
 * way; this only concerns the paper. Shown on every screen until the job prints or is given up.
 */
export function PrintFailureAlert({ onOpenQueue }: { onOpenQueue: () => void }) {
  const { t } = useTranslation('ui');
  const api = useApi();
  const { status } = usePrinterStatus();
  const failedJobs = status?.failedJobs ?? 0;
  const { jobs } = usePrintJobs(failedJobs > 0);
  const [retrying, setRetrying] = useState<number | null>(null);
  const failed = jobs.filter((job) => job.status === 'failed');
  const newest = failed[0];
  if (failedJobs === 0 || !newest) return null;

  async function retry(jobId: number): Promise<void> {
    setRetrying(jobId);
    try {
      await api.call('printer.retry', { jobId });
    } finally {
      setRetrying(null);
    }
  }

  return (
    <div className="print-alert" role="alert" data-testid="print-alert" data-job={newest.id}>
      <p className="print-alert__text">
        <strong>{t('printing.alert.failed', { summary: newest.summary })}</strong>
        <span className="print-alert__reason" data-testid="print-alert-reason">
          {newest.failure}
          {failed.length > 1 && ` — ${t('printing.alert.more', { count: failed.length - 1 })}`}
        </span>
      </p>
      <div className="print-alert__actions">
        <button
          type="button"
          className="button button--primary"
          data-testid="print-alert-retry"
          disabled={retrying === newest.id}
          onClick={() => void retry(newest.id)}
        >
          {t('printing.alert.retry')}
        </button>
        <button type="button" className="button button--secondary" onClick={onOpenQueue}>
          {t('printing.alert.open_queue')}
        </button>
      </div>
    </div>
  );
}
