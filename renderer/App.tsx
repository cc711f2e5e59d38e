import { useCallback } from 'react';
import { AppShell } from './components/AppShell';
import { StartupErrorScreen } from './components/StartupErrorScreen';
import { StartupScreen } from './components/StartupScreen';
import { AppInfoContext } from './context/appInfoContext';
import { useApi, useLinkState } from './context/coreContext';
import { useLoadedEnvelope } from './hooks/useLoadedEnvelope';

/** Loads `app.info` (again after a lost link comes back), then shows the guichet. */
export function App() {
  const api = useApi();
  const { reconnections } = useLinkState();
  const loadInfo = useCallback(() => api.call('app.info', {}), [api]);
  const { envelope, retry } = useLoadedEnvelope(loadInfo, String(reconnections));

  if (!envelope) return <StartupScreen />;
  if (!envelope.ok) return <StartupErrorScreen message={envelope.error.message} onRetry={retry} />;
  return (
    <AppInfoContext value={envelope.value}>
      <AppShell />
    </AppInfoContext>
  );
}
