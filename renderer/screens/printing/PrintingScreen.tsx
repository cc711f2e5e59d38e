/** Printing: the printer now (its state, a refresh, the test page), the queue with reprints, the settings, a slip's preview. */
import { useState } from 'react';
import { useTranslation } from '../../i18n';
import type { PrintJobView, SlipPreview as SlipPreviewData, PrinterStatusView } from '../../../shared/contract';
import { useVenueTimeZone, useApi } from '../../context/coreContext';
import { formatClockTime } from '../../format/dates';
import { useEscapeKey } from '../../hooks/pageHooks';
import { PrinterSettingsForm } from './PrinterSettingsForm';
import { usePrinterStatus, usePrintJobs, printerTone } from './printerStatus';
import { PrintQueueTable, SlipPreview } from './PrintQueue';
import './printing.css';

/** Printing: the printer's state and test page, the queue with reprints, the settings, and a slip's preview. */
export function PrintingScreen({ onBack }: { onBack: () => void }) {
  const { t } = useTranslation('ui');
  const api = useApi();
  const { status } = usePrinterStatus();
  const { jobs, error } = usePrintJobs();
  const [preview, setPreview] = useState<SlipPreviewData | null>(null);
  const [previewError, setPreviewError] = useState<string | null>(null);
  useEscapeKey(() => (preview ? setPreview(null) : onBack()));

  async function showPreview(job: PrintJobView): Promise<void> {
    if (job.ledgerId === null) return;
    const envelope = await api.call('printer.preview', { ledgerId: job.ledgerId, duplicate: job.duplicate });
    setPreview(envelope.ok ? envelope.value : null);
    setPreviewError(envelope.ok ? null : envelope.error.message);
  }

  return (
    <section className="printing" aria-labelledby="printing-title" data-testid="printing-screen">
      <div>
        <h2 className="printing__title" id="printing-title">
          {t('printing.title')}
        </h2>
        <PrinterPanel status={status} />
        <section className="printing__panel" aria-labelledby="print-queue-title">
          <h3 id="print-queue-title">{t('printing.queue.title')}</h3>
          {error && <p className="printing__message printing__message--error">{error}</p>}
          {jobs.length === 0 ? (
            <p className="printing__note">{t('printing.queue.empty')}</p>
          ) : (
            <PrintQueueTable jobs={jobs} onPreview={(job) => void showPreview(job)} />
          )}
        </section>
      </div>
      <div>
        {(preview || previewError) && (
          <section className="printing__panel" aria-labelledby="slip-preview-title">
            <h3 id="slip-preview-title">{t('printing.preview.title')}</h3>
            {previewError && <p className="printing__message printing__message--error">{previewError}</p>}
            {preview && <SlipPreview preview={preview} />}
            <div className="printing__row">
              <button type="button" className="button button--secondary button--small" onClick={() => setPreview(null)}>
                {t('printing.preview.close')}
              </button>
            </div>
          </section>
        )}
        <section className="printing__panel" aria-labelledby="printer-settings-title">
          <h3 id="printer-settings-title">{t('printing.settings.title')}</h3>
          <PrinterSettingsForm />
        </section>
      </div>
    </section>
  );
}

/** The printer now: its state, when it was last asked, and the two checks a cashier can run. */
function PrinterPanel({ status }: { status: PrinterStatusView | null }) {
  const { t } = useTranslation('ui');
  const api = useApi();
  const timeZone = useVenueTimeZone();
  const [note, setNote] = useState<{ text: string; isError: boolean } | null>(null);
  const [busy, setBusy] = useState(false);

  async function run(action: 'refresh' | 'test'): Promise<void> {
    setBusy(true);
    setNote(null);
    const envelope =
      action === 'refresh'
        ? await api.call('printer.status', { refresh: true })
        : await api.call('printer.testPage', {});
    setBusy(false);
    if (!envelope.ok) setNote({ text: envelope.error.message, isError: true });
    else if (action === 'test') setNote({ text: t('printing.status.test_page_sent'), isError: false });
  }

  return (
    <section className="printing__panel" data-testid="printer-panel" aria-labelledby="printer-panel-title">
      <h3 id="printer-panel-title">{status?.printerLabel ?? t('printing.settings.title')}</h3>
      {status && (
        <p className={`printer-status printer-status--${printerTone(status.state, status.paperNearEnd)}`}>
          <span className="printer-status__dot" aria-hidden="true" />
          <span data-testid="printer-state" data-state={status.state}>
            {status.message}
          </span>
          <span>
            ·{' '}
            {status.checkedAt
              ? t('printing.status.checked_at', { time: formatClockTime(status.checkedAt, timeZone) })
              : t('printing.status.never_checked')}
          </span>
        </p>
      )}
      <div className="printing__row">
        <button type="button" className="button button--secondary" disabled={busy} onClick={() => void run('refresh')}>
          {t('printing.status.refresh')}
        </button>
        <button
          type="button"
          className="button button--secondary"
          data-testid="test-page"
          disabled={busy}
          onClick={() => void run('test')}
        >
          {t('printing.status.test_page')}
        </button>
      </div>
      {note && (
        <p className={note.isError ? 'printing__message printing__message--error' : 'printing__message'} role="status">
          {note.text}
        </p>
      )}
    </section>
  );
}
