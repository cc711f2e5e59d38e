import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from '../../i18n';
import { formatDateTime } from '../../../shared/dates';
import { LoadState } from '../../components/LoadState';
import { NameFilter, PersonFilter } from '../../components/PersonFilter';
import { useStaff } from '../../context/staffContext';
import { useApi } from '../../context/coreContext';
import { addDays, formatDayLong } from '../../format/dates';
import { DateField } from '../../forms/DateTimeFields';
import { useLedgerRefreshKey, useLoadedEnvelope } from '../../hooks/coreData';
import { useEscapeKey } from '../../hooks/pageHooks';
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
  /** What the day field holds: a day, '' (empty) or null (not a day yet); the report follows valid days only. */
  const [typedDay, setTypedDay] = useState<string | null | undefined>(undefined);
  const [notice, setNotice] = useState<Notice>(null);
  const refreshKey = useLedgerRefreshKey();
  // With a team, the report can be narrowed to what one person validated (issue 15).
  const [person, setPerson] = useState<string | null>(null);
  const people = useTeamNames();
  // A main counter's secondaries validate into its ledger: the report can show one counter's (issue 14).
  const [counter, setCounter] = useState<string | null>(null);
  const filter = useMemo(
    () => ({ ...(person === null ? {} : { person }), ...(counter === null ? {} : { counter }) }),
    [person, counter],
  );
  const load = useCallback(
    () => api.call('reports.endOfDay', { ...(day ? { day } : {}), ...filter }),
    [api, day, filter],
  );
  const { envelope, isRefreshing, retry } = useLoadedEnvelope(load, refreshKey);
  useEscapeKey(onBack);
  const report = envelope?.ok ? envelope.value : null;

  /** A day chosen by a button (undefined: today): the field shows the report's day again. */
  function choose(next: string | undefined): void {
    setDay(next);
    setTypedDay(undefined);
  }

  async function downloadCsv() {
    const answer = await api.call('reports.endOfDayCsv', report ? { day: report.day, ...filter } : filter);
    if (!answer.ok) return setNotice({ tone: 'error', text: answer.error.message });
    downloadText(answer.value.fileName, answer.value.csv, 'text/csv;charset=utf-8');
    setNotice({ tone: 'ok', text: t('reports.downloaded', { name: answer.value.fileName }) });
  }

  async function printTicket() {
    const answer = await api.call('reports.printEndOfDay', report ? { day: report.day, ...filter } : filter);
    setNotice(
      answer.ok
        ? { tone: 'ok', text: t('reports.printed', { printer: answer.value.printer }) }
        : { tone: 'error', text: answer.error.message },
    );
  }

  return (
    <section className="end-of-day" aria-labelledby="end-of-day-title" aria-busy={isRefreshing}>
      <div className="screen-head">
        <h2 className="screen-head__title" id="end-of-day-title" data-testid="end-of-day-title">
          {report
            ? t('reports.title_day', { day: formatDayLong(report.day), year: report.day.slice(0, 4) })
            : t('reports.title')}
          {report?.venueName ? ` · ${report.venueName}` : ''}
        </h2>
        <div className="end-of-day__actions no-print">
          <div className="end-of-day__day">
            <button
              type="button"
              className="button button--secondary"
              aria-label={t('reports.previous_day')}
              data-testid="end-of-day-previous"
              disabled={!report}
              onClick={() => report && choose(addDays(report.day, -1))}
            >
              ◀
            </button>
            <DateField
              label={t('reports.day')}
              value={typedDay === undefined ? (report?.day ?? '') : typedDay}
              onChange={(value) => {
                setTypedDay(value);
                if (value) setDay(value);
              }}
              testId="end-of-day-day"
              showWeekday={false}
            />
            <button
              type="button"
              className="button button--secondary"
              aria-label={t('reports.next_day')}
              data-testid="end-of-day-next"
              disabled={!report}
              onClick={() => report && choose(addDays(report.day, 1))}
            >
              ▶
            </button>
          </div>
          <button type="button" className="button button--secondary" onClick={() => choose(undefined)}>
            {t('reports.today')}
          </button>
          {people.length > 0 && (
            <PersonFilter people={people} value={person} onChange={setPerson} testId="end-of-day-person" />
          )}
          {(counter !== null || (report?.counters?.length ?? 0) > 1) && (
            <NameFilter
              names={report?.counters ?? (counter ? [counter] : [])}
              value={counter}
              onChange={setCounter}
              testId="end-of-day-counter"
              label={t('reports.counter_filter')}
              allLabel={t('reports.all_counters')}
            />
          )}
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
      <LoadState envelope={envelope} onRetry={retry}>
        {(report) => (
          <>
            <p className="end-of-day__meta">
              {t('reports.generated', {
                when: formatDateTime(report.generatedAt, report.timeZone),
                counter: report.counterName,
              })}
              {report.counter && ` — ${t('reports.by_counter', { counter: report.counter })}`}
              {report.person && ` — ${t('reports.by_person', { person: report.person })}`}
            </p>
            {report.seances.length === 0 ? (
              <p className="screen-empty">{t('reports.empty')}</p>
            ) : (
              <EndOfDayTable report={report} />
            )}
            <p className="end-of-day__legend">{t('reports.legend')}</p>
          </>
        )}
      </LoadState>
    </section>
  );
}

/**
 * Saves text as a file from the page. The CSV comes through the contract as text and becomes a Blob here: an
 * `<a download>` of a `blob:` URL is a download (a navigation), not a fetch, so the CSP's `default-src 'none'`
 * does not block it (checked in Chromium by tests/e2e/reports.test.ts). Electron saves it like a browser would.
 */
function downloadText(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the click; give the browser a moment before freeing the blob.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The team's first names (active or not: a past day may name someone who has left); none without a team. */
function useTeamNames(): string[] {
  const api = useApi();
  const { session } = useStaff();
  const load = useCallback(
    () =>
      session.teamConfigured
        ? api.call('staff.people.list', {})
        : Promise.resolve({ ok: true as const, value: { people: [] } }),
    [api, session.teamConfigured],
  );
  const { envelope } = useLoadedEnvelope(load, '');
  return envelope?.ok ? envelope.value.people.map((p) => p.firstName) : [];
}
