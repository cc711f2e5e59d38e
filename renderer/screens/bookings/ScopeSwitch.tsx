import { useTranslation } from 'react-i18next';

export type BookingsScope = 'seance' | 'all';

interface ScopeSwitchProps {
  scope: BookingsScope;
  hasSeance: boolean;
  onChange: (scope: BookingsScope) => void;
}

/** Search within the séance shown, or across every booking of the mirror. */
export function ScopeSwitch({ scope, hasSeance, onChange }: ScopeSwitchProps) {
  const { t } = useTranslation('ui');
  return (
    <div className="filter-bar" role="group" aria-label={t('bookings.scope_label')}>
      <button
        type="button"
        className="filter-bar__button"
        data-testid="bookings-scope-seance"
        aria-pressed={scope === 'seance'}
        disabled={!hasSeance}
        onClick={() => onChange('seance')}
      >
        {t('bookings.scope.seance')}
      </button>
      <button
        type="button"
        className="filter-bar__button"
        data-testid="bookings-scope-all"
        aria-pressed={scope === 'all'}
        onClick={() => onChange('all')}
      >
        {t('bookings.scope.all')}
      </button>
    </div>
  );
}
