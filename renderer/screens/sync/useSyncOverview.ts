import { useCallback } from 'react';
import type { EventName } from '../../../shared/contract';
import { useApi } from '../../context/coreContext';
import { useEventRefreshKey, useLoadedEnvelope } from '../../hooks/coreData';
import { useNow } from '../../hooks/pageHooks';

const REFRESH_ON: readonly EventName[] = [
  'status.changed',
  'ledger.changed',
  'bookings.changed',
  'programme.changed',
  'account.changed',
];
/** Streams run in the background without events of their own: their times are read again this often. */
const POLL_MS = 10_000;

/** `sync.overview`, kept current by the sync events and a slow poll. */
export function useSyncOverview() {
  const api = useApi();
  const eventsKey = useEventRefreshKey(REFRESH_ON);
  const tick = useNow(POLL_MS).getTime();
  const load = useCallback(() => api.call('sync.overview', {}), [api]);
  return useLoadedEnvelope(load, `${eventsKey}@${tick}`);
}
