import { useCallback, useState } from 'react';
import { useAppInfo } from '../context/appInfoContext';
import { ScannerProvider } from '../scanner/ScannerProvider';
import { AppHeader } from './AppHeader';
import { CurrentScreen } from './CurrentScreen';
import { DemoBanner } from './DemoBanner';
import { DiskFullBanner } from './DiskFullBanner';
import { LinkLostBanner } from './LinkLostBanner';
import { PrintFailureAlert } from './PrintFailureAlert';
import type { ScreenName } from './screenName';
import { StatusBanner } from './StatusBanner';
import { StatusLine } from './StatusLine';

/** Header, the current screen and the status line. The guichet is the home screen. */
export function AppShell() {
  const info = useAppInfo();
  const [screen, setScreen] = useState<ScreenName>('counter');
  // A scan on a screen that does not take scans opens the guichet, which then takes it.
  const openCounter = useCallback(() => setScreen('counter'), []);

  return (
    <ScannerProvider onUnclaimed={openCounter}>
      <div className="shell">
        {info.mode === 'demo' && <DemoBanner />}
        <AppHeader screen={screen} onNavigate={setScreen} />
        <LinkLostBanner />
        <DiskFullBanner />
        <StatusBanner onOpenSync={() => setScreen('sync')} />
        <PrintFailureAlert onOpenQueue={() => setScreen('printing')} />
        <main className="shell__main">
          <CurrentScreen screen={screen} onNavigate={setScreen} />
        </main>
        <StatusLine onOpenPrinting={() => setScreen('printing')} />
      </div>
    </ScannerProvider>
  );
}
