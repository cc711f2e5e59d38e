import { useCallback, useState } from 'react';
import { useTranslation } from '../i18n';
import { useAppInfo } from '../context/coreContext';
import { useStaff } from '../context/staffContext';
import { LockScreen } from './LockScreen';
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

/** The screens only a manager opens (Réglages, money, reports); the engine refuses their calls to a cashier anyway. */
export const MANAGER_SCREENS: ReadonlySet<ScreenName> = new Set(['reimbursements', 'reports', 'settings']);

/**
 * The locked guichet (a team is configured and nobody is signed in here) or, once someone is, the guichet itself:
 * signing in after a lock starts on the guichet, as the shell is made anew.
 */
export function AppShell() {
  const staff = useStaff();
  if (staff.locked) {
    // The scanners are still read (their keys never land in the PIN field): the lock screen takes each scan and
    // says it was ignored, so none is looked up after the next sign-in either.
    return (
      <ScannerProvider onUnclaimed={noScreenToOpen}>
        <div className="shell shell--locked" data-screen="lock">
          <LockScreen />
          <StatusLine />
        </div>
      </ScannerProvider>
    );
  }
  return <SignedInShell />;
}

const noScreenToOpen = () => {};

/** Header, the current screen and the status line. The guichet is the home screen. */
function SignedInShell() {
  const { t } = useTranslation('ui');
  const { isManager } = useStaff();
  const [chosen, showScreen] = useState<ScreenName>('counter');
  // A person who may not see this screen (the manager became a cashier) is on the guichet.
  const screen = !isManager && MANAGER_SCREENS.has(chosen) ? 'counter' : chosen;
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
  const staff = useStaff();
  const person = staff.session.teamConfigured ? staff.session.person : null;
  const screens = staff.isManager ? SCREENS : SCREENS.filter((name) => !MANAGER_SCREENS.has(name));

  return (
    <header className="app-header">
      <h1 className="visually-hidden">{t('app.name')}</h1>
      <nav className="app-header__nav" aria-label={t('header.navigation')}>
        {screens.map((name) => (
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
      {person && (
        <button
          type="button"
          className="app-header__person"
          data-testid="lock-button"
          title={t('staff_header.lock_label')}
          aria-label={`${t('staff_header.lock_label')} — ${person.firstName}, ${t(`role.${person.role}`)}`}
          onClick={staff.lock}
        >
          <svg className="app-header__lock-icon" viewBox="0 0 24 24" aria-hidden="true">
            <path d="M7 11V8a5 5 0 0 1 10 0v3M5 11h14v10H5z" fill="none" stroke="currentColor" strokeWidth="2.2" />
          </svg>
          <span data-testid="signed-in-person" data-role={person.role}>
            {person.firstName}
          </span>
          <span className="app-header__role"> · {t(`role.${person.role}`)}</span>
        </button>
      )}
    </header>
  );
}

export type ScreenName =
  'counter' | 'programme' | 'bookings' | 'journal' | 'sync' | 'settings' | 'printing' | 'reimbursements' | 'reports';
