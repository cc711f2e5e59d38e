import { useState } from 'react';
import { useTranslation } from '../../i18n';
import type { EventName } from '../../../shared/contract';
import { useEventRefreshKey, useBookingSearch } from '../../hooks/coreData';
import { useEscapeKey } from '../../hooks/pageHooks';
import { BookingTable } from './BookingTable';
import type { SeanceTarget } from './seanceBookingRows';
import { SeanceBookingsView } from './SeanceBookings';
import './bookings.css';

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

interface BookingsSearchFieldProps {
  value: string;
  onChange: (value: string) => void;
}

/** Name search; Escape empties it first (a second Escape leaves the screen). */
function BookingsSearchField({ value, onChange }: BookingsSearchFieldProps) {
  const { t } = useTranslation('ui');
  return (
    <div className="search-field">
      <label className="search-field__label" htmlFor="bookings-search">
        {t('bookings.search_label')}
      </label>
      <input
        id="bookings-search"
        data-testid="bookings-search"
        className="search-field__input"
        type="search"
        value={value}
        placeholder={t('bookings.search_placeholder')}
        autoComplete="off"
        spellCheck={false}
        autoFocus
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && value !== '') {
            event.preventDefault();
            onChange('');
          }
        }}
      />
    </div>
  );
}

type BookingsScope = 'seance' | 'all';

interface ScopeSwitchProps {
  scope: BookingsScope;
  hasSeance: boolean;
  onChange: (scope: BookingsScope) => void;
}

/** Search within the séance shown, or across every booking of the mirror. */
function ScopeSwitch({ scope, hasSeance, onChange }: ScopeSwitchProps) {
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

/** Name search across every booking of the mirror (all séances, all days it holds). */
function AllBookingsView({ query, refreshKey }: { query: string; refreshKey: string }) {
  const { t } = useTranslation('ui');
  const { rows, error, isSearching } = useBookingSearch(query, 'all', refreshKey, { minLength: 1, limit: 200 });
  if (query.trim() === '') return <p className="screen-empty">{t('bookings.type_a_name')}</p>;
  return (
    <>
      {error && (
        <p className="screen-error" role="alert">
          {error.message}
        </p>
      )}
      {rows && rows.length === 0 && !isSearching && <p className="screen-empty">{t('bookings.no_match')}</p>}
      {rows && rows.length > 0 && <BookingTable rows={rows} showsSeance isStale={isSearching} />}
    </>
  );
}
