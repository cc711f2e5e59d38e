import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../shared/dates';
import { useApi } from '../../context/coreContext';
import { useEscapeKey } from '../../hooks/useEscapeKey';
import { useLedgerRefreshKey } from '../../hooks/useLedgerRefreshKey';
import { useLoadedEnvelope } from '../../hooks/useLoadedEnvelope';
import { downloadText } from './downloadText';
import { EndOfDayTable } from './EndOfDayTable';
import './reports.css';

type Notice = { tone: 'ok' | 'error'; text: string } | null;

/**
 * The end-of-day report per séance: on screen (printable as a page, or a PDF through the OS dialog), as CSV for
 * Excel, or on the receipt printer. The day defaults to today in the venue's zone (the core decides it).
 */
export function EndOfDayScreen({ onBack }: { onBack: () => void }) {
  const { t } = useTranslation('ui');
  const api = useApi();
  const [day, setDay] = useState<string | undefined>(undefined);
  const [notice, setNotice] = useState<Notice>(null);
  const refreshKey = useLedgerRefreshKey();
  const load = useCallback(() => api.call('reports.endOfDay', day ? { day } : {}), [api, day]);
  const { envelope, isRefreshing, retry } = useLoadedEnvelope(load, refreshKey);
  useEscapeKey(onBack);
  const report = envelope?.ok ? envelope.value : null;

  async function downloadCsv() {
    const answer = await api.call('reports.endOfDayCsv', report ? { day: report.day } : {});
    if (!answer.ok) return setNotice({ tone: 'error', text: answer.error.message });
    downloadText(answer.value.fileName, answer.value.csv, 'text/csv;charset=utf-8');
    setNotice({ tone: 'ok', text: t('reports.downloaded', { name: answer.value.fileName }) });
  }

  async function printTicket() {
    const answer = await api.call('reports.printEndOfDay', report ? { day: report.day } : {});
    setNotice(
      answer.ok
        ? { tone: 'ok', text: t('reports.printed', { printer: answer.value.printer }) }
        : { tone: 'error', text: answer.error.message },
    );
  }

  return (
    <section className="end-of-day" aria-labelledby="end-of-day-title" aria-busy={isRefreshing}>
      <div className="screen-head">
        <h2 className="screen-head__title" id="end-of-day-title">
          {t('reports.title')}
          {report?.venueName ? ` · ${report.venueName}` : ''}
        </h2>
        <div className="end-of-day__actions no-print">
          <label>
            {t('reports.day')}{' '}
            <input
              type="date"
              value={report?.day ?? day ?? ''}
              onChange={(event) => setDay(event.target.value || undefined)}
              data-testid="end-of-day-day"
            />
          </label>
          <button type="button" className="button button--secondary" onClick={() => setDay(undefined)}>
            {t('reports.today')}
          </button>
          <button type="button" className="button" onClick={() => void downloadCsv()} data-testid="end-of-day-csv">
            {t('reports.download_csv')}
          </button>
          <button type="button" className="button" onClick={() => void printTicket()} data-testid="end-of-day-ticket">
            {t('reports.print_ticket')}
          </button>
          <button type="button" className="button" onClick={() => window.print()} data-testid="end-of-day-page">
            {t('reports.print_page')}
          </button>
        </div>
      </div>
      {notice && (
        <p
          className={`end-of-day__notice end-of-day__notice--${notice.tone} no-print`}
          role="status"
          data-testid="end-of-day-notice"
        >
          {notice.text}
        </p>
      )}
      {envelope && !envelope.ok && (
        <div className="screen-error" role="alert">
          <p>{envelope.error.message}</p>
          <button type="button" className="button button--secondary" onClick={retry}>
            {t('app.retry')}
          </button>
        </div>
      )}
      {report && (
        <>
          <p className="end-of-day__meta">
            {t('reports.generated', {
              when: formatDateTime(report.generatedAt, report.timeZone),
              counter: report.counterName,
            })}
          </p>
          {report.seances.length === 0 ? (
            <p className="screen-empty">{t('reports.empty')}</p>
          ) : (
            <EndOfDayTable report={report} />
          )}
          <p className="end-of-day__legend">{t('reports.legend')}</p>
        </>
      )}
    </section>
  );
}
