import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBookingNotifications } from '../notifications/useBookingNotifications';
import { ScannerProvider } from '../scanner/ScannerProvider';
import { AppHeader } from './AppHeader';
import { CurrentScreen } from './CurrentScreen';
import { DiskFullBanner } from './DiskFullBanner';
import { LinkLostBanner } from './LinkLostBanner';
import { PrintFailureAlert } from './PrintFailureAlert';
import type { ScreenName } from './screenName';
import { StatusBanner } from './StatusBanner';
import { StatusLine } from './StatusLine';
import './shell.css';

/** Header, the current screen and the status line. The guichet is the home screen. */
export function AppShell() {
  const { t } = useTranslation('ui');
  const [screen, showScreen] = useState<ScreenName>('counter');
  const notifications = useBookingNotifications(screen);
  const { clear: clearNotices } = notifications;
  const setScreen = useCallback(
    (next: ScreenName) => {
      // Réservations lists the bookings the status banner was counting.
      if (next === 'bookings') clearNotices();
      showScreen(next);
    },
    [clearNotices],
  );
  // A scan on a screen that does not take scans opens the guichet, which then takes it.
  const openCounter = useCallback(() => setScreen('counter'), [setScreen]);
  const openBookings = useCallback(() => setScreen('bookings'), [setScreen]);

  return (
    <ScannerProvider onUnclaimed={openCounter}>
      <div className="shell" data-screen={screen}>
        {screen === 'counter' ? (
          <a className="skip-link" href="#code-input" data-testid="skip-link">
            {t('header.skip_to_field')}
          </a>
        ) : (
          <a className="skip-link" href="#main" data-testid="skip-link">
            {t('header.skip_to_content')}
          </a>
        )}
        <AppHeader screen={screen} onNavigate={setScreen} />
        <LinkLostBanner />
        <DiskFullBanner />
        <StatusBanner
          onOpenSync={() => setScreen('sync')}
          serviceNotices={notifications.grouped}
          onOpenBookings={openBookings}
        />
        <PrintFailureAlert onOpenQueue={() => setScreen('printing')} />
        <main className="shell__main" id="main" tabIndex={-1}>
          <CurrentScreen screen={screen} onNavigate={setScreen} />
        </main>
        <StatusLine onOpenPrinting={() => setScreen('printing')} />
      </div>
    </ScannerProvider>
  );
}
