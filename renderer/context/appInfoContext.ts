import { createContext, useContext } from 'react';
import type { AppInfo } from '../../shared/contract';
import { DEFAULT_TIME_ZONE } from '../../shared/dates';

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
