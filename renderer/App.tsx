import { useCallback } from 'react';
import { AppShell } from './components/AppShell';
import { StartupErrorScreen } from './components/StartupErrorScreen';
import { StartupScreen } from './components/StartupScreen';
import { DatabaseRecoveryScreen } from './components/DatabaseRecoveryScreen';
import { AppInfoContext } from './context/appInfoContext';
import { CounterSettingsProvider } from './context/counterSettingsContext';
import type { EventName } from '../shared/contract';
import { useApi } from './context/coreContext';
import { useEventRefreshKey } from './hooks/useEventRefreshKey';
import { useLoadedEnvelope } from './hooks/useLoadedEnvelope';

/** The account changed and the engine restarted on it: mode, venue and counter name may differ. */
const RELOAD_ON: readonly EventName[] = ['account.changed'];

/** Loads `app.info` (again after a lost link comes back, or the account changed), then shows the guichet. */
export function App() {
  const api = useApi();
  const reloadKey = useEventRefreshKey(RELOAD_ON);
  const loadInfo = useCallback(() => api.call('app.info', {}), [api]);
  const { envelope, retry } = useLoadedEnvelope(loadInfo, reloadKey);

  if (!envelope) return <StartupScreen />;
  // A damaged database: the manager chooses a backup (never an empty ledger or demo mode by itself).
  if (!envelope.ok && envelope.error.code === 'database_damaged') return <DatabaseRecoveryScreen onRecovered={retry} />;
  if (!envelope.ok) return <StartupErrorScreen error={envelope.error} onRetry={retry} />;
  return (
    <AppInfoContext value={envelope.value}>
      <CounterSettingsProvider>
        <AppShell />
      </CounterSettingsProvider>
    </AppInfoContext>
  );
}
