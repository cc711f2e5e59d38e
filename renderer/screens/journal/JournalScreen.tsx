import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from '../../i18n';
import type { LedgerRow } from '../../../shared/contract';
import { ClippedText } from '../../components/ClippedText';
import { LoadState } from '../../components/LoadState';
import { useApi, useVenueTimeZone } from '../../context/coreContext';
import { formatClockTime } from '../../format/dates';
import { useLedgerRefreshKey, useLoadedEnvelope } from '../../hooks/coreData';
import { useEscapeKey } from '../../hooks/pageHooks';
import { hasEntrySlip, journalFigures, journalRows, outcomeTone } from './journalRows';
import { NameFilter, PersonFilter, peopleOf } from '../../components/PersonFilter';
import './journal.css';

const NO_ROWS: readonly LedgerRow[] = [];
/** "Par" names the person and the counter ("Léa · Caisse 2"), or the counter alone when no team signs in. */
const COLUMNS = ['time', 'kind', 'token', 'beneficiary', 'film', 'outcome', 'person', 'ticket'] as const;

/**
 * Today's ledger at this counter, newest first, kept current by `ledger.changed`. Consultations (every scan writes
 * one) are hidden until asked for, so validations and undos are what the manager sees. Escape goes back.
 */
export function JournalScreen({ onBack }: { onBack: () => void }) {
  const { t } = useTranslation('ui');
  const api = useApi();
  const refreshKey = useLedgerRefreshKey();
  const load = useCallback(() => api.call('ledger.today', {}), [api]);
  const { envelope, isRefreshing, retry } = useLoadedEnvelope(load, refreshKey);
  useEscapeKey(onBack);

  const rows = envelope?.ok ? envelope.value.rows : NO_ROWS;
  const [showsLookups, setShowsLookups] = useState(false);
  const lookups = useMemo(() => rows.filter((row) => row.kind === 'lookup').length, [rows]);
  // Several counters share the main counter's ledger: the journal can show one of them (all by default).
  const counters = useMemo(() => [...new Set(rows.map((row) => row.counterName))].sort(), [rows]);
  const [counter, setCounter] = useState<string | null>(null);
  const ofCounter = useMemo(
    () => (counter === null ? rows : rows.filter((row) => row.counterName === counter)),
    [rows, counter],
  );
  // Filtered by person when a team signs in (issue 15): who validated what today.
  const [person, setPerson] = useState<string | null>(null);
  const people = useMemo(() => peopleOf(rows), [rows]);
  const shown = useMemo(
    () => journalRows(ofCounter, showsLookups).filter((row) => person === null || row.personName === person),
    [ofCounter, showsLookups, person],
  );

  return (
    <section className="journal" aria-labelledby="journal-title" aria-busy={isRefreshing}>
      <div className="journal__head">
        <h2 className="journal__title" id="journal-title">
          {t('journal.title')}
        </h2>
        {envelope?.ok && <JournalSummary rows={ofCounter} />}
        {counters.length > 1 && (
          <NameFilter
            names={counters}
            value={counter}
            onChange={setCounter}
            testId="journal-counter"
            label={t('journal.counter_filter')}
            allLabel={t('journal.all_counters')}
          />
        )}
        <label className="checkbox-field journal__filter">
          <input
            type="checkbox"
            data-testid="journal-show-lookups"
            checked={showsLookups}
            onChange={(event) => setShowsLookups(event.target.checked)}
          />
          {t('journal.show_lookups', { count: lookups })}
        </label>
        {people.length > 0 && (
          <PersonFilter people={people} value={person} onChange={setPerson} testId="journal-person" />
        )}
      </div>
      <LoadState envelope={envelope} onRetry={retry} errorClassName="journal__error">
        {() =>
          shown.length === 0 && (
            <p className="journal__empty">
              {rows.length === 0 || showsLookups ? t('journal.empty') : t('journal.empty_without_lookups')}
            </p>
          )
        }
      </LoadState>
      {shown.length > 0 && <JournalTable rows={shown} />}
    </section>
  );
}

/** Today's counts at a glance: entries validated, validations undone, lookups. */
function JournalSummary({ rows }: { rows: readonly LedgerRow[] }) {
  const { t } = useTranslation('ui');
  const figures = journalFigures(rows);
  return (
    <dl className="journal-summary" data-testid="journal-summary">
      {(['validations', 'undos', 'lookups'] as const).map((key) => (
        <div key={key} className="journal-summary__figure">
          <dt>{t(`journal.summary.${key}`)}</dt>
          <dd>{figures[key]}</dd>
        </div>
      ))}
    </dl>
  );
}

function JournalTable({ rows }: { rows: readonly LedgerRow[] }) {
  const { t } = useTranslation('ui');
  return (
    <table className="journal-table" data-testid="journal-table">
      <caption className="visually-hidden">{t('journal.caption')}</caption>
      <thead>
        <tr>
          {COLUMNS.map((column) => (
            <th key={column} scope="col">
              {t(`journal.column.${column}`)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <JournalRow key={row.id} row={row} />
        ))}
      </tbody>
    </table>
  );
}

function JournalRow({ row }: { row: LedgerRow }) {
  const { t } = useTranslation('ui');
  const timeZone = useVenueTimeZone();
  const noValue = t('journal.no_value');
  const outcome = t(`journal.outcome.${row.outcome}`, {
    defaultValue: t('journal.outcome_other', { outcome: row.outcome }),
  });

  return (
    <tr
      className={`journal-row journal-row--${row.kind}`}
      data-testid="journal-row"
      data-kind={row.kind}
      data-outcome={row.outcome}
      data-counter={row.counterName}
    >
      <td className="journal-row__time">{formatClockTime(row.at, timeZone)}</td>
      <td>{t(`journal.kind.${row.kind}`)}</td>
      <td className="journal-row__token">{row.token}</td>
      <td>
        <ClippedText text={row.beneficiary ?? noValue} />
      </td>
      <td>
        <ClippedText text={row.offerName ?? noValue} />
      </td>
      <td>
        <span className={`outcome outcome--${outcomeTone(row)}`}>{outcome}</span>
      </td>
      <td className="journal-row__person" data-testid="journal-person-cell">
        {row.personName ? `${row.personName} · ${row.counterName}` : row.counterName}
      </td>
      <td>{hasEntrySlip(row) && <ReprintButton ledgerId={row.id} token={row.token} />}</td>
    </tr>
  );
}

/** "Réimprimer": a new slip for this entry (marked DUPLICATA if one already came out), queued for the printer. */
function ReprintButton({ ledgerId, token }: { ledgerId: number; token: string }) {
  const { t } = useTranslation('ui');
  const api = useApi();
  const [state, setState] = useState<{ kind: 'idle' | 'busy' | 'sent' } | { kind: 'error'; message: string }>({
    kind: 'idle',
  });

  async function reprint(): Promise<void> {
    setState({ kind: 'busy' });
    const envelope = await api.call('printer.reprint', { ledgerId });
    setState(envelope.ok ? { kind: 'sent' } : { kind: 'error', message: envelope.error.message });
  }

  return (
    <span className="reprint-cell">
      <button
        type="button"
        className="button button--secondary button--small"
        data-testid="reprint-button"
        aria-label={t('printing.reprint.label', { token })}
        disabled={state.kind === 'busy'}
        onClick={() => void reprint()}
      >
        {t('printing.reprint.button')}
      </button>
      {state.kind === 'sent' && (
        <span className="reprint-note" role="status">
          {t('printing.reprint.sent')}
        </span>
      )}
      {state.kind === 'error' && (
        <span className="reprint-note reprint-note--error" role="alert">
          {state.message}
        </span>
      )}
    </span>
  );
}
