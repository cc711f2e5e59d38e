import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LedgerRow } from '../../../shared/contract';
import { useApi } from '../../context/coreContext';
import { useLedgerRefreshKey } from '../../hooks/useLedgerRefreshKey';
import { useLoadedEnvelope } from '../../hooks/useLoadedEnvelope';
import { useEscapeKey } from '../../hooks/useEscapeKey';
import { JournalSummary } from './JournalSummary';
import { JournalTable } from './JournalTable';

const NO_ROWS: readonly LedgerRow[] = [];

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
  const newestFirst = useMemo(
    () =>
      rows
        .filter((row) => showsLookups || row.kind !== 'lookup')
        .sort((a, b) => b.at.localeCompare(a.at) || b.id - a.id),
    [rows, showsLookups],
  );

  return (
    <section className="journal" aria-labelledby="journal-title" aria-busy={isRefreshing}>
      <div className="journal__head">
        <h2 className="journal__title" id="journal-title">
          {t('journal.title')}
        </h2>
        {envelope?.ok && <JournalSummary rows={rows} />}
        <label className="checkbox-field journal__filter">
          <input
            type="checkbox"
            data-testid="journal-show-lookups"
            checked={showsLookups}
            onChange={(event) => setShowsLookups(event.target.checked)}
          />
          {t('journal.show_lookups', { count: lookups })}
        </label>
      </div>
      {envelope && !envelope.ok && (
        <div className="journal__error" role="alert">
          <p>{envelope.error.message}</p>
          <button type="button" className="button button--secondary" onClick={retry}>
            {t('app.retry')}
          </button>
        </div>
      )}
      {envelope?.ok && newestFirst.length === 0 && (
        <p className="journal__empty">
          {rows.length === 0 || showsLookups ? t('journal.empty') : t('journal.empty_without_lookups')}
        </p>
      )}
      {newestFirst.length > 0 && <JournalTable rows={newestFirst} />}
    </section>
  );
}
