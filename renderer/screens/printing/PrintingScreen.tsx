import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrintJobView, SlipPreview as SlipPreviewData } from '../../../shared/contract';
import { useApi } from '../../context/coreContext';
import { useEscapeKey } from '../../hooks/pageHooks';
import { PrinterPanel } from './PrinterPanel';
import { PrinterSettingsForm } from './PrinterSettingsForm';
import { PrintQueueTable } from './PrintQueueTable';
import { SlipPreview } from './SlipPreview';
import { usePrinterStatus, usePrintJobs } from './printerStatus';
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
