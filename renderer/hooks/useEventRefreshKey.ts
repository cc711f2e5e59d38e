import { useEffect, useState } from 'react';
import type { EventName } from '../../shared/contract';
import { useApi, useLinkState } from '../context/coreContext';

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
