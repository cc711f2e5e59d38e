/** One séance's bookings in Réservations: its figures per tariff, then who is expected and who came. */
import { useEffect, useState } from 'react';
import { useTranslation } from '../../i18n';
import type { BookingRow, SeanceView } from '../../../shared/contract';
import { formatSeance } from '../../../shared/dates';
import { useApi, useVenueTimeZone } from '../../context/coreContext';
import { matchesPresence, PRESENCE_FILTERS, type PresenceFilter } from '../../format/bookingPresence';
import { useDebouncedValue } from '../../hooks/pageHooks';
import { TariffLine } from '../programme/FilmCard';
import { slotTotals } from '../programme/groupProgramme';
import { BookingTable } from './BookingTable';
import { seanceBookingRows, type SeanceBookingRows, type SeanceTarget } from './seanceBookingRows';

const DEBOUNCE_MS = 150;

interface SeanceBookingsViewProps {
  target: SeanceTarget;
  query: string;
  refreshKey: string;
}

/** One séance: its figures, then who is expected and who came, filtered by name and by status. */
export function SeanceBookingsView({ target, query, refreshKey }: SeanceBookingsViewProps) {
  const { t } = useTranslation('ui');
  const [filter, setFilter] = useState<PresenceFilter>('all');
  const { stocks, rows, error, isLoading } = useSeanceBookings(target, query, refreshKey);
  const shown = rows?.filter((row) => matchesPresence(row, filter)) ?? [];

  return (
    <>
      <SeanceSummary target={target} stocks={stocks} />
      {error && (
        <p className="screen-error" role="alert">
          {error.message}
        </p>
      )}
      {rows && <PresenceFilterBar rows={rows} selected={filter} onSelect={setFilter} />}
      {rows && shown.length === 0 && (
        <p className="screen-empty">{query.trim() ? t('bookings.no_match') : t('bookings.empty_seance')}</p>
      )}
      {shown.length > 0 && <BookingTable rows={shown} showsSeance={false} isStale={isLoading} />}
    </>
  );
}

/**
 * Who booked a séance (all its tariffs), filtered by name by the core (`bookings.forSeance` per stock), sorted
 * by last name. Reloaded when typing pauses and whenever `refreshKey` changes.
 */
function useSeanceBookings(
  target: SeanceTarget,
  query: string,
  refreshKey: string,
): SeanceBookingRows & { isLoading: boolean } {
  const api = useApi();
  const settled = useDebouncedValue(query.trim(), DEBOUNCE_MS);
  /** Keyed by séance and query only: a refresh after an event replaces the rows without dimming them. */
  const [answer, setAnswer] = useState<{ key: string; result: SeanceBookingRows }>();
  const { stockIds } = target;
  const key = `${stockIds.join(',')}\n${settled}`;

  useEffect(() => {
    let isCurrent = true;
    const input = (stockId: number) => (settled ? { stockId, query: settled } : { stockId });
    Promise.all(stockIds.map((stockId) => api.call('bookings.forSeance', input(stockId)))).then(
      (envelopes) => {
        if (isCurrent) setAnswer({ key, result: seanceBookingRows(envelopes) });
      },
      (error: unknown) => {
        if (isCurrent)
          setAnswer({ key, result: { stocks: [], rows: null, error: { code: 'internal', message: String(error) } } });
      },
    );
    return () => {
      isCurrent = false;
    };
  }, [api, key, stockIds, settled, refreshKey]);

  return {
    stocks: answer?.result.stocks ?? [],
    rows: answer?.result.rows ?? null,
    error: answer?.result.error ?? null,
    isLoading: answer?.key !== key || settled !== query.trim(),
  };
}

interface PresenceFilterBarProps {
  rows: readonly BookingRow[];
  selected: PresenceFilter;
  onSelect: (filter: PresenceFilter) => void;
}

/** Everyone / expected / came / cancelled, each with its count. */
function PresenceFilterBar({ rows, selected, onSelect }: PresenceFilterBarProps) {
  const { t } = useTranslation('ui');
  return (
    <div className="filter-bar" role="group" aria-label={t('bookings.filter_label')}>
      {PRESENCE_FILTERS.map((filter) => (
        <button
          key={filter}
          type="button"
          className="filter-bar__button"
          data-testid={`bookings-filter-${filter}`}
          aria-pressed={filter === selected}
          onClick={() => onSelect(filter)}
        >
          {t(`bookings.filter.${filter}`)}
          <span className="filter-bar__count">{rows.filter((row) => matchesPresence(row, filter)).length}</span>
        </button>
      ))}
    </div>
  );
}

/** The séance shown: film, day and time, places booked and left, expected and came, per tariff. */
function SeanceSummary({ target, stocks }: { target: SeanceTarget; stocks: readonly SeanceView[] }) {
  const { t } = useTranslation('ui');
  const timeZone = useVenueTimeZone();
  const totals = slotTotals({ stocks });
  return (
    <div className="seance-summary" data-testid="seance-summary">
      <div className="seance-summary__head">
        <h3 className="seance-summary__film">{target.offerName}</h3>
        <p className="seance-summary__when">{formatSeance(target.start, timeZone)}</p>
      </div>
      {stocks.length > 0 && (
        <p className="seance-summary__totals">
          <span>{t('programme.booked', { count: totals.booked })}</span>
          <span>
            {totals.remaining === null
              ? t('programme.unlimited')
              : t('programme.remaining', { count: totals.remaining })}
          </span>
          <span>{t('programme.expected', { count: totals.expected })}</span>
          <span>{t('programme.came', { count: totals.came })}</span>
        </p>
      )}
      {stocks.length > 1 && (
        <div className="seance-summary__tariffs">
          {stocks.map((stock) => (
            <TariffLine key={stock.stockId} stock={stock} />
          ))}
        </div>
      )}
    </div>
  );
}
