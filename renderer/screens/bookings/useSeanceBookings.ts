import { useEffect, useState } from 'react';
import type { BookingRow, ContractError, SeanceView } from '../../../shared/contract';
import { useApi } from '../../context/coreContext';
import { useDebouncedValue } from '../../hooks/useDebouncedValue';
import type { SeanceTarget } from './seanceTarget';

const DEBOUNCE_MS = 150;
const byName = new Intl.Collator('fr', { sensitivity: 'base' });

export interface SeanceBookings {
  /** The séance's stocks (one per tariff) as the mirror knows them. */
  stocks: readonly SeanceView[];
  rows: readonly BookingRow[] | null;
  error: ContractError | null;
  isLoading: boolean;
}

/**
 * Who booked a séance (all its tariffs), filtered by name by the core (`bookings.forSeance` per stock), sorted
 * by last name. Reloaded when typing pauses and whenever `refreshKey` changes.
 */
export function useSeanceBookings(target: SeanceTarget, query: string, refreshKey: string): SeanceBookings {
  const api = useApi();
  const settled = useDebouncedValue(query.trim(), DEBOUNCE_MS);
  /** Keyed by séance and query only: a refresh after an event replaces the rows without dimming them. */
  const [answer, setAnswer] = useState<{ key: string; result: Omit<SeanceBookings, 'isLoading'> }>();
  const { stockIds } = target;
  const key = `${stockIds.join(',')}\n${settled}`;

  useEffect(() => {
    let isCurrent = true;
    const input = (stockId: number) => (settled ? { stockId, query: settled } : { stockId });
    Promise.all(stockIds.map((stockId) => api.call('bookings.forSeance', input(stockId)))).then(
      (envelopes) => {
        if (!isCurrent) return;
        const failed = envelopes.find((envelope) => !envelope.ok);
        if (failed && !failed.ok) {
          setAnswer({ key, result: { stocks: [], rows: null, error: failed.error } });
          return;
        }
        const values = envelopes.flatMap((envelope) => (envelope.ok ? [envelope.value] : []));
        const rows = values
          .flatMap((value) => value.bookings)
          .sort((a, b) => byName.compare(a.lastName, b.lastName) || byName.compare(a.firstName, b.firstName));
        const stocks = values.flatMap((value) => (value.seance ? [value.seance] : []));
        setAnswer({ key, result: { stocks, rows, error: null } });
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
