import { useTranslation } from 'react-i18next';
import { useBookingSearch } from '../../hooks/useBookingSearch';
import { BookingTable } from './BookingTable';

/** Name search across every booking of the mirror (all séances, all days it holds). */
export function AllBookingsView({ query, refreshKey }: { query: string; refreshKey: string }) {
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
