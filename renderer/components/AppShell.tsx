import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppInfo } from '../context/coreContext';
import { useBookingNotifications } from '../notifications/useBookingNotifications';
import { ScannerProvider } from '../scanner/ScannerProvider';
import { BookingsScreen } from '../screens/bookings/BookingsScreen';
import type { SeanceTarget } from '../screens/bookings/seanceBookingRows';
import { CounterScreen } from '../screens/counter/CounterScreen';
import { JournalScreen } from '../screens/journal/JournalScreen';
import { PrintingScreen } from '../screens/printing/PrintingScreen';
import { ProgrammeScreen } from '../screens/programme/ProgrammeScreen';
import { ReimbursementsScreen } from '../screens/reimbursements/ReimbursementsScreen';
import { EndOfDayScreen } from '../screens/reports/EndOfDayScreen';
import { SettingsScreen } from '../screens/settings/SettingsScreen';
import { SyncScreen } from '../screens/sync/SyncScreen';
import { DiskFullBanner, LinkLostBanner, MainCounterBanner, PrintFailureAlert, StatusBanner } from './Banners';
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
        <MainCounterBanner />
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

interface CurrentScreenProps {
  screen: ScreenName;
  onNavigate: (screen: ScreenName) => void;
}

/** The screen chosen in the header; Escape on the others goes back to the guichet. */
function CurrentScreen({ screen, onNavigate }: CurrentScreenProps) {
  /** The séance last opened from the Programme, shown again when coming back to Réservations. */
  const [seance, setSeance] = useState<SeanceTarget | null>(null);
  const back = () => onNavigate('counter');

  switch (screen) {
    case 'counter':
      return <CounterScreen />;
    case 'journal':
      return <JournalScreen onBack={back} />;
    case 'programme':
      return (
        <ProgrammeScreen
          onBack={back}
          onOpenSeance={(target) => {
            setSeance(target);
            onNavigate('bookings');
          }}
        />
      );
    case 'bookings':
      return <BookingsScreen target={seance} onOpenProgramme={() => onNavigate('programme')} onBack={back} />;
    case 'sync':
      return <SyncScreen onBack={back} />;
    case 'printing':
      return <PrintingScreen onBack={back} />;
    case 'reimbursements':
      return <ReimbursementsScreen onBack={back} />;
    case 'reports':
      return <EndOfDayScreen onBack={back} />;
    case 'settings':
      return <SettingsScreen />;
  }
}

interface AppHeaderProps {
  screen: ScreenName;
  onNavigate: (screen: ScreenName) => void;
}

const SCREENS: readonly ScreenName[] = [
  'counter',
  'programme',
  'bookings',
  'journal',
  'sync',
  'printing',
  'reimbursements',
  'reports',
  'settings',
];

/**
 * One row: the screens, where this counter is (the demo badge is on the status line). Compact so the verdict keeps the height; the
 * navigation never wraps (it scrolls sideways on a very narrow window rather than take a second row).
 */
function AppHeader({ screen, onNavigate }: AppHeaderProps) {
  const { t } = useTranslation('ui');
  const info = useAppInfo();

  return (
    <header className="app-header">
      <h1 className="visually-hidden">{t('app.name')}</h1>
      <nav className="app-header__nav" aria-label={t('header.navigation')}>
        {SCREENS.map((name) => (
          <button
            key={name}
            type="button"
            className="nav-button"
            data-testid={`nav-${name}`}
            aria-current={screen === name ? 'page' : undefined}
            onClick={() => onNavigate(name)}
          >
            {t(`header.nav.${name}`)}
          </button>
        ))}
      </nav>
      <p className="app-header__place">
        <span data-testid="counter-name">{info.counterName}</span>
        <span aria-hidden="true"> · </span>
        <span data-testid="venue-name">{info.venue?.name ?? t('header.no_venue')}</span>
      </p>
    </header>
  );
}

export type ScreenName =
  'counter' | 'programme' | 'bookings' | 'journal' | 'sync' | 'settings' | 'printing' | 'reimbursements' | 'reports';
