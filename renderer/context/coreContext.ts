import { createContext, useContext, useSyncExternalStore } from 'react';
import type { GuichetApi } from '../../shared/contract';
import type { CoreConnection } from '../api';
import type { LinkState } from '../link/coreLink';

/** The page's connection to the core, provided once at the root. */
export const CoreContext = createContext<CoreConnection | null>(null);

function useCoreConnection(): CoreConnection {
  const connection = useContext(CoreContext);
  if (!connection) throw new Error('CoreContext is not provided');
  return connection;
}

export function useApi(): GuichetApi {
  return useCoreConnection().api;
}

export function useLinkState(): LinkState {
  const { link } = useCoreConnection();
  return useSyncExternalStore(
    (listener) => link.subscribe(listener),
    () => link.getState(),
  );
}
