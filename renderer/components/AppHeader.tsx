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

export function AppHeader({ screen, onNavigate }: AppHeaderProps) {
  const { t } = useTranslation('ui');
  const info = useAppInfo();

  return (
    <header className="app-header">
      <div className="app-header__identity">
        <h1 className="app-header__title">{t('app.name')}</h1>
        <p className="app-header__place">
          <span data-testid="counter-name">{t('header.counter_name', { name: info.counterName })}</span>
          <span aria-hidden="true"> · </span>
          <span data-testid="venue-name">{info.venue?.name ?? t('header.no_venue')}</span>
        </p>
      </div>
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
    </header>
  );
}
