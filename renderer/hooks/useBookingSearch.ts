import { useEffect, useState } from 'react';
import type { BookingRow, ContractError } from '../../shared/contract';
import { useApi } from '../context/coreContext';
import { useDebouncedValue } from './useDebouncedValue';

const DEBOUNCE_MS = 150;

export interface BookingSearch {
  /** Rows for the query typed (possibly those of the previous query while the new one runs); null: no search. */
  rows: readonly BookingRow[] | null;
  error: ContractError | null;
  /** The rows shown are not the answer to what is typed yet. */
  isSearching: boolean;
}

/**
 * Name search in the bookings mirror (`bookings.search`; accents and case are the core's business), sent once
 * typing pauses and again whenever `refreshKey` changes. Below `minLength` characters nothing is sent.
 */
export function useBookingSearch(
  query: string,
  scope: 'moment' | 'all',
  refreshKey: string,
  { minLength = 1, limit = 50 }: { minLength?: number; limit?: number } = {},
): BookingSearch {
  const api = useApi();
  const typed = query.trim();
  const settled = useDebouncedValue(typed, DEBOUNCE_MS);
  const [answer, setAnswer] = useState<{ key: string; rows: BookingRow[] | null; error: ContractError | null }>();
  const key = `${scope}\n${settled}`;

  useEffect(() => {
    if (settled.length < minLength) return;
    let isCurrent = true;
    api.call('bookings.search', { query: settled, scope, limit }).then(
      (envelope) => {
        if (!isCurrent) return;
        setAnswer(
          envelope.ok
            ? { key, rows: envelope.value.bookings, error: null }
            : { key, rows: null, error: envelope.error },
        );
      },
      (error: unknown) => {
        if (isCurrent) setAnswer({ key, rows: null, error: { code: 'internal', message: String(error) } });
      },
    );
    return () => {
      isCurrent = false;
    };
  }, [api, key, settled, scope, limit, minLength, refreshKey]);

  if (typed.length < minLength) return { rows: null, error: null, isSearching: false };
  return {
    rows: answer?.rows ?? null,
    error: answer?.key === key ? answer.error : null,
    isSearching: typed !== settled || answer?.key !== key,
  };
}
