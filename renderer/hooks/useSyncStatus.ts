import { useEffect, useState } from 'react';
import type { ContractError, EventName, StatusView } from '../../shared/contract';
import { useApi } from '../context/coreContext';
import { useEventRefreshKey } from './useEventRefreshKey';

const RELOAD_ON: readonly EventName[] = ['account.changed'];

export interface SyncStatus {
  /** The newest status (from `status.get` or a `status.changed` event), null until the first one. */
  status: StatusView | null;
  /** Set when `status.get` failed and no event has brought a status since. */
  error: ContractError | null;
}

/**
 * Connectivity, last sync and upload queue counts: loaded on start, after a reconnection and when the account
 * changed, and pushed by `status.changed` in between.
 */
export function useSyncStatus(): SyncStatus {
  const api = useApi();
  const reloadKey = useEventRefreshKey(RELOAD_ON);
  const [state, setState] = useState<SyncStatus>({ status: null, error: null });

  useEffect(() => api.on('status.changed', (status) => setState({ status, error: null })), [api]);

  useEffect(() => {
    let isCurrent = true;
    api.call('status.get', {}).then(
      (envelope) => {
        if (!isCurrent) return;
        setState((previous) =>
          envelope.ok ? { status: envelope.value, error: null } : { status: previous.status, error: envelope.error },
        );
      },
      (error: unknown) => {
        if (isCurrent)
          setState((previous) => ({ status: previous.status, error: { code: 'internal', message: String(error) } }));
      },
    );
    return () => {
      isCurrent = false;
    };
  }, [api, reloadKey]);

  return state;
}
