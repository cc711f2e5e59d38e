import { useState } from 'react';
import { useAppInfo } from '../context/appInfoContext';
import { CounterScreen } from '../screens/counter/CounterScreen';
import { JournalScreen } from '../screens/journal/JournalScreen';
import { AppHeader } from './AppHeader';
import { DemoBanner } from './DemoBanner';
import { LinkLostBanner } from './LinkLostBanner';
import type { ScreenName } from './screenName';
import { StatusLine } from './StatusLine';

/** Header, the current screen and the status line. The guichet is the home screen. */
export function AppShell() {
  const info = useAppInfo();
  const [screen, setScreen] = useState<ScreenName>('counter');

  return (
    <div className="shell">
      {info.mode === 'demo' && <DemoBanner />}
      <AppHeader screen={screen} onNavigate={setScreen} />
      <LinkLostBanner />
      <main className="shell__main">
        {screen === 'counter' ? <CounterScreen /> : <JournalScreen onBack={() => setScreen('counter')} />}
      </main>
      <StatusLine />
    </div>
  );
}
