/** The print queue (today's slips, every one waiting or failed) and a slip as the printer would put it on paper. */
import { useTranslation } from '../../i18n';
import type { PrintJobView, SlipPreview as SlipPreviewData } from '../../../shared/contract';
import { useVenueTimeZone, useApi } from '../../context/coreContext';
import { formatClockTime } from '../../format/dates';
import './printing.css';

interface PrintQueueTableProps {
  jobs: readonly PrintJobView[];
  onPreview: (job: PrintJobView) => void;
}

/** Today's slips and every one waiting or failed: what happened, why it failed, and one click to print it again. */
export function PrintQueueTable({ jobs, onPreview }: PrintQueueTableProps) {
  const { t } = useTranslation('ui');
  const api = useApi();
  const timeZone = useVenueTimeZone();
  const columns = ['time', 'job', 'status', 'actions'] as const;

  return (
    <table className="print-queue" data-testid="print-queue">
      <caption className="visually-hidden">{t('printing.queue.caption')}</caption>
      <thead>
        <tr>
          {columns.map((column) => (
            <th key={column} scope="col">
              {t(`printing.queue.column.${column}`)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {jobs.map((job) => (
          <tr key={job.id} data-testid="print-job" data-status={job.status} data-job={job.id}>
            <td>{formatClockTime(job.createdAt, timeZone)}</td>
            <td>
              {job.summary}
              {job.duplicate && <span className="print-queue__duplicate">{t('printing.queue.duplicate')}</span>}
            </td>
            <td>
              <span className={`job-status--${job.status}`}>{t(`printing.queue.status.${job.status}`)}</span>
              {job.attempts > 1 && <span> · {t('printing.queue.attempts', { count: job.attempts })}</span>}
              {job.failure && <span className="print-queue__failure">{job.failure}</span>}
            </td>
            <td>
              <span className="print-queue__actions">
                {(job.status === 'failed' || job.status === 'cancelled') && (
                  <button
                    type="button"
                    className="button button--primary button--small"
                    data-testid="job-retry"
                    aria-label={t('printing.queue.retry_label', { summary: job.summary })}
                    onClick={() => void api.call('printer.retry', { jobId: job.id })}
                  >
                    {t('printing.queue.retry')}
                  </button>
                )}
                {job.status === 'failed' && (
                  <button
                    type="button"
                    className="button button--secondary button--small"
                    aria-label={t('printing.queue.cancel_label', { summary: job.summary })}
                    onClick={() => void api.call('printer.cancel', { jobId: job.id })}
                  >
                    {t('printing.queue.cancel')}
                  </button>
                )}
                {job.ledgerId !== null && (
                  <button
                    type="button"
                    className="button button--secondary button--small"
                    aria-label={t('printing.queue.preview_label', { summary: job.summary })}
                    onClick={() => onPreview(job)}
                  >
                    {t('printing.queue.preview')}
                  </button>
                )}
              </span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

type PreviewItem = SlipPreviewData['items'][number];

/** The slip as the printer would put it on paper (its ESC/POS bytes read back by the virtual printer). */
export function SlipPreview({ preview }: { preview: SlipPreviewData }) {
  const { t } = useTranslation('ui');
  return (
    <figure className="slip-preview-frame">
      <div
        className={`slip-paper slip-paper--${preview.paperWidth}`}
        data-testid="slip-preview"
        aria-label={preview.title}
      >
        {preview.items.map((item, index) => (
          <PreviewLine
            key={index}
            item={item}
            qrLabel={t('printing.preview.qr')}
            cutLabel={t('printing.preview.cut')}
          />
        ))}
      </div>
    </figure>
  );
}

function PreviewLine({ item, qrLabel, cutLabel }: { item: PreviewItem; qrLabel: string; cutLabel: string }) {
  if (item.kind === 'cut') {
    return (
      <div className="slip-cut" role="separator" aria-label={cutLabel}>
        ✂
      </div>
    );
  }
  if (item.kind === 'qr') {
    return (
      <div className={`slip-line slip-line--${item.align}`}>
        <span className="slip-qr" data-qr={item.payload}>
          <span className="slip-qr__label">{qrLabel}</span>
          {item.payload}
        </span>
      </div>
    );
  }
  if (item.spans.length === 0) return <div className="slip-line">&nbsp;</div>;
  return (
    <div className={`slip-line slip-line--${item.align}`}>
      {item.spans.map((span, index) => (
        <span key={index} className={spanClass(span)}>
          {span.text}
        </span>
      ))}
    </div>
  );
}

function spanClass(span: { bold: boolean; underline: boolean; inverted: boolean; width: number; height: number }) {
  const classes = ['slip-span'];
  if (span.bold) classes.push('slip-span--bold');
  if (span.underline) classes.push('slip-span--underline');
  if (span.inverted) classes.push('slip-span--inverted');
  if (span.width > 1) classes.push('slip-span--wide');
  if (span.height > 1) classes.push('slip-span--tall');
  return classes.join(' ');
}
