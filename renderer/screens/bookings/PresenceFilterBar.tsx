import { useTranslation } from 'react-i18next';
import type { BookingRow } from '../../../shared/contract';
import { matchesPresence, PRESENCE_FILTERS, type PresenceFilter } from './presenceFilter';

interface PresenceFilterBarProps {
  rows: readonly BookingRow[];
  selected: PresenceFilter;
  onSelect: (filter: PresenceFilter) => void;
}

/** Everyone / expected / came / cancelled, each with its count. */
export function PresenceFilterBar({ rows, selected, onSelect }: PresenceFilterBarProps) {
  const { t } = useTranslation('ui');
  return (
    <div className="filter-bar" role="group" aria-label={t('bookings.filter_label')}>
      {PRESENCE_FILTERS.map((filter) => (
        <button
          key={filter}
          type="button"
          className="filter-bar__button"
          data-testid={`bookings-filter-${filter}`}
          aria-pressed={filter === selected}
          onClick={() => onSelect(filter)}
        >
          {t(`bookings.filter.${filter}`)}
          <span className="filter-bar__count">{rows.filter((row) => matchesPresence(row, filter)).length}</span>
        </button>
      ))}
    </div>
  );
}
