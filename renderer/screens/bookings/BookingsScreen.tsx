import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventName } from '../../../shared/contract';
import { useEscapeKey } from '../../hooks/useEscapeKey';
import { useEventRefreshKey } from '../../hooks/useEventRefreshKey';
import { AllBookingsView } from './AllBookingsView';
import { BookingsSearchField } from './BookingsSearchField';
import { ScopeSwitch, type BookingsScope } from './ScopeSwitch';
import { SeanceBookingsView } from './SeanceBookingsView';
import type { SeanceTarget } from './seanceTarget';

const REFRESH_ON: readonly EventName[] = ['bookings.changed', 'ledger.changed', 'account.changed'];

interface BookingsScreenProps {
  /** The séance opened from the Programme, if any. */
  target: SeanceTarget | null;
  onOpenProgramme: () => void;
  onBack: () => void;
}

/** Who is expected and who came at a séance, or any booking found by name. Escape goes back. */
export function BookingsScreen({ target, onOpenProgramme, onBack }: BookingsScreenProps) {
  const { t } = useTranslation('ui');
  const [query, setQuery] = useState('');
  const [chosenScope, setChosenScope] = useState<BookingsScope>('seance');
  const scope = target ? chosenScope : 'all';
  const refreshKey = useEventRefreshKey(REFRESH_ON);
  useEscapeKey(onBack);

  return (
    <section className="bookings" aria-labelledby="bookings-title">
      <div className="screen-head">
        <h2 className="screen-head__title" id="bookings-title">
          {t('bookings.title')}
        </h2>
        <button
          type="button"
          className="button button--secondary"
          data-testid="open-programme"
          onClick={onOpenProgramme}
        >
          {t('bookings.open_programme')}
        </button>
      </div>
      <div className="bookings__controls">
        <BookingsSearchField value={query} onChange={setQuery} />
        <ScopeSwitch scope={scope} hasSeance={target !== null} onChange={setChosenScope} />
      </div>
      {!target && <p className="screen-head__hint">{t('bookings.no_seance_hint')}</p>}
      {scope === 'seance' && target ? (
        <SeanceBookingsView key={target.stockIds.join(',')} target={target} query={query} refreshKey={refreshKey} />
      ) : (
        <AllBookingsView query={query} refreshKey={refreshKey} />
      )}
    </section>
  );
}
