/**
 * Data from the core, kept current: an answer reloaded when a key changes, keys that change on events (and when
 * the link comes back, since events sent while it was down are lost), values the engine pushes whole (the sync
 * status, the printer's), the name search.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { BookingRow, ContractError, Envelope, EventName, EventPayload, StatusView } from '../../shared/contract';
import { useApi, useLinkState } from '../context/coreContext';
import { useDebouncedValue } from './pageHooks';

export interface LoadedEnvelope<T> {
  /** The latest answer, kept while a refresh runs (null before the first one). */
  envelope: Envelope<T> | null;
  /** True while the answer shown is not the one for the current `refreshKey` yet. */
  isRefreshing: boolean;
  retry(): void;
}

/**
 * Runs `load` whenever `refreshKey` changes (or on `retry`) and keeps the newest answer.
 * `load` must be stable (useCallback); an answer arriving after a newer load started is dropped.
 * One load at a time: a key that changes while one runs starts the next load when it ends, and keys that changed
 * meanwhile ask for that one load, not one each. Events come in bursts (a print queue emptying, a sync, a rush of
 * validations) and each used to send its own call: the engine answered a hundred `printer.status` a second while
 * the print queue ran, with the cashier's scans waiting behind them.
 */
export function useLoadedEnvelope<T>(load: () => Promise<Envelope<T>>, refreshKey: string): LoadedEnvelope<T> {
  const [attempt, setAttempt] = useState(0);
  const [loaded, setLoaded] = useState<{ key: string; envelope: Envelope<T> } | null>(null);
  const key = `${refreshKey}#${attempt}`;
  /** The load running (or none): the next one starts after it; it never rejects. */
  const running = useRef<Promise<void>>(Promise.resolve());

  useEffect(() => {
    let isCurrent = true;
    running.current = running.current.then(() => {
      // The key changed again while the previous load ran: the newer effect loads, not this one.
      if (!isCurrent) return;
      return load().then(
        (envelope) => {
          if (isCurrent) setLoaded({ key, envelope });
        },
        (error: unknown) => {
          const message = error instanceof Error ? error.message : String(error);
          if (isCurrent) setLoaded({ key, envelope: { ok: false, error: { code: 'internal', message } } });
        },
      );
    });
    return () => {
      isCurrent = false;
    };
  }, [load, key]);

  return {
    envelope: loaded?.envelope ?? null,
    isRefreshing: loaded?.key !== key,
    retry: () => setAttempt((n) => n + 1),
  };
}

/**
 * A key that changes whenever one of `events` arrives, and when the link to the engine comes back (events sent
 * while it was down are lost). `events` must be a stable array (a module constant).
 */
export function useEventRefreshKey(events: readonly EventName[]): string {
  const api = useApi();
  const { reconnections } = useLinkState();
  const [changes, setChanges] = useState(0);

  useEffect(() => {
    const unsubscribes = events.map((name) => api.on(name, () => setChanges((n) => n + 1)));
    return () => {
      for (const unsubscribe of unsubscribes) unsubscribe();
    };
  }, [api, events]);

  return `${changes}/${reconnections}`;
}

/** Another account means another data folder, so another ledger. */
const LEDGER_EVENTS: readonly EventName[] = ['ledger.changed', 'account.changed'];

/** A key that changes whenever the ledger may have changed (and when the link to the engine comes back). */
export function useLedgerRefreshKey(): string {
  return useEventRefreshKey(LEDGER_EVENTS);
}

/** Another account is another engine's data: a pushed value is loaded again, as after a reconnection. */
const PUSHED_RELOAD_ON: readonly EventName[] = ['account.changed'];

export interface PushedValue<T> {
  /** The newest value (from the load or an event), null until the first one. */
  value: T | null;
  /** Set when the load failed and no event has brought a value since. */
  error: ContractError | null;
}

/**
 * A value the engine pushes whole with each change (`event`): loaded on start, after a reconnection and when the
 * account changed, and taken from the event in between, with no call back to the engine. A load answered after an
 * event is dropped: the event is newer. `fromEvent` and `load` must be stable.
 */
export function usePushedValue<N extends EventName, T>(
  event: N,
  fromEvent: (payload: EventPayload<N>) => T,
  load: () => Promise<Envelope<T>>,
): PushedValue<T> {
  const api = useApi();
  const reloadKey = useEventRefreshKey(PUSHED_RELOAD_ON);
  const [state, setState] = useState<PushedValue<T>>({ value: null, error: null });
  /** Events taken so far: a load that started before one of them answers with an older value. */
  const eventsTaken = useRef(0);

  useEffect(
    () =>
      api.on(event, (payload) => {
        eventsTaken.current += 1;
        setState({ value: fromEvent(payload), error: null });
      }),
    [api, event, fromEvent],
  );

  useEffect(() => {
    let isCurrent = true;
    const takenBefore = eventsTaken.current;
    const isNewest = () => isCurrent && eventsTaken.current === takenBefore;
    load().then(
      (envelope) => {
        if (!isNewest()) return;
        setState((previous) =>
          envelope.ok ? { value: envelope.value, error: null } : { value: previous.value, error: envelope.error },
        );
      },
      (error: unknown) => {
        if (isNewest())
          setState((previous) => ({ value: previous.value, error: { code: 'internal', message: String(error) } }));
      },
    );
    return () => {
      isCurrent = false;
    };
  }, [load, reloadKey]);

  return state;
}

export interface SyncStatus {
  /** The newest status (from `status.get` or a `status.changed` event), null until the first one. */
  status: StatusView | null;
  /** Set when `status.get` failed and no event has brought a status since. */
  error: ContractError | null;
}

const statusOfEvent = (status: StatusView) => status;

/** Connectivity, last sync and upload queue counts, pushed by `status.changed`. */
export function useSyncStatus(): SyncStatus {
  const api = useApi();
  const load = useCallback(() => api.call('status.get', {}), [api]);
  const { value, error } = usePushedValue('status.changed', statusOfEvent, load);
  return { status: value, error };
}

const SEARCH_DEBOUNCE_MS = 150;

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
  const settled = useDebouncedValue(typed, SEARCH_DEBOUNCE_MS);
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
