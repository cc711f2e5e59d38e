import { useTranslation } from 'react-i18next';
import { useAppInfo } from '../context/appInfoContext';
import type { ScreenName } from './screenName';

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
export function AppHeader({ screen, onNavigate }: AppHeaderProps) {
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
