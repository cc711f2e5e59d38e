import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import type { CounterSettings } from '../../shared/contract';
import { DEFAULT_SEANCE_WINDOW } from '../../shared/seanceWindow';
import { useApi, useLinkState } from './coreContext';

/** Until the core answers: the application's defaults (the core's are the same). */
const DEFAULTS: CounterSettings = {
  seanceWindow: DEFAULT_SEANCE_WINDOW,
  sound: { enabled: true, volume: 60 },
  serviceNotifications: 'in_app',
};

const CounterSettingsContext = createContext<CounterSettings>(DEFAULTS);

/** The guichet's settings as the core keeps them, reloaded after a reconnection and pushed on every change. */
export function CounterSettingsProvider({ children }: { children: ReactNode }) {
  const api = useApi();
  const { reconnections } = useLinkState();
  const [settings, setSettings] = useState<CounterSettings>(DEFAULTS);

  useEffect(() => api.on('counter.settings.changed', setSettings), [api]);
  useEffect(() => {
    let isCurrent = true;
    void api.call('counter.settings.get', {}).then((envelope) => {
      if (isCurrent && envelope.ok) setSettings(envelope.value);
    });
    return () => {
      isCurrent = false;
    };
  }, [api, reconnections]);

  return <CounterSettingsContext value={settings}>{children}</CounterSettingsContext>;
}

export function useCounterSettings(): CounterSettings {
  return useContext(CounterSettingsContext);
}
