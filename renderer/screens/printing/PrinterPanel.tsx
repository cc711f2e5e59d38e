import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrinterStatusView } from '../../../shared/contract';
import { useVenueTimeZone, useApi } from '../../context/coreContext';
import { formatClockTime } from '../../format/dates';
import { printerTone } from './printerStatus';

/** The printer now: its state, when it was last asked, and the two checks a cashier can run. */
export function PrinterPanel({ status }: { status: PrinterStatusView | null }) {
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
