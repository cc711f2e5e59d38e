import { createContext, useContext, useSyncExternalStore } from 'react';
import type { AppInfo, GuichetApi } from '../../shared/contract';
import { DEFAULT_TIME_ZONE } from '../../shared/dates';
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

/** What `app.info` said at start: mode, counter, venue. Provided once it has loaded. */
export const AppInfoContext = createContext<AppInfo | null>(null);

export function useAppInfo(): AppInfo {
  const info = useContext(AppInfoContext);
  if (!info) throw new Error('AppInfoContext is not provided');
  return info;
}

/** Dates are shown in the venue's zone; mainland France until a venue is configured. */
export function useVenueTimeZone(): string {
  return useAppInfo().venue?.timeZone ?? DEFAULT_TIME_ZONE;
}
