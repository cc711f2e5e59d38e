import { useTranslation } from 'react-i18next';
import type { BookingRow } from '../../../shared/contract';
import { BookingTableRow } from './BookingTableRow';

interface BookingTableProps {
  rows: readonly BookingRow[];
  /** The global search shows each booking's film and séance; a séance's list does not need them. */
  showsSeance: boolean;
  isStale: boolean;
}

export function BookingTable({ rows, showsSeance, isStale }: BookingTableProps) {
  const { t } = useTranslation('ui');
  const columns = showsSeance
    ? (['name', 'token', 'places', 'tariff', 'film', 'seance', 'status'] as const)
    : (['name', 'token', 'places', 'tariff', 'status'] as const);
  return (
    <table className={isStale ? 'booking-table booking-table--stale' : 'booking-table'} data-testid="booking-table">
      <caption className="visually-hidden">{t('bookings.caption')}</caption>
      <thead>
        <tr>
          {columns.map((column) => (
            <th key={column} scope="col">
              {t(`bookings.column.${column}`)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <BookingTableRow key={row.bookingId} row={row} showsSeance={showsSeance} />
        ))}
      </tbody>
    </table>
  );
}
