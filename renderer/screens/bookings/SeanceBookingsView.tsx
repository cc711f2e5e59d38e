import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BookingTable } from './BookingTable';
import { matchesPresence, type PresenceFilter } from './presenceFilter';
import { PresenceFilterBar } from './PresenceFilterBar';
import type { SeanceTarget } from './seanceTarget';
import { SeanceSummary } from './SeanceSummary';
import { useSeanceBookings } from './useSeanceBookings';

interface SeanceBookingsViewProps {
  target: SeanceTarget;
  query: string;
  refreshKey: string;
}

/** One séance: its figures, then who is expected and who came, filtered by name and by status. */
export function SeanceBookingsView({ target, query, refreshKey }: SeanceBookingsViewProps) {
  const { t } = useTranslation('ui');
  const [filter, setFilter] = useState<PresenceFilter>('all');
  const { stocks, rows, error, isLoading } = useSeanceBookings(target, query, refreshKey);
  const shown = rows?.filter((row) => matchesPresence(row, filter)) ?? [];

  return (
    <>
      <SeanceSummary target={target} stocks={stocks} />
      {error && (
        <p className="screen-error" role="alert">
          {error.message}
        </p>
      )}
      {rows && <PresenceFilterBar rows={rows} selected={filter} onSelect={setFilter} />}
      {rows && shown.length === 0 && (
        <p className="screen-empty">{query.trim() ? t('bookings.no_match') : t('bookings.empty_seance')}</p>
      )}
      {shown.length > 0 && <BookingTable rows={shown} showsSeance={false} isStale={isLoading} />}
    </>
  );
}
