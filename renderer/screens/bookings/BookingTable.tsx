import { useTranslation } from '../../i18n';
import type { BookingRow } from '../../../shared/contract';
import { formatDateTime } from '../../../shared/dates';
import { BookingBadges } from '../../components/BookingBadges';
import { ClippedText } from '../../components/ClippedText';
import { useVenueTimeZone } from '../../context/coreContext';
import { bookingPresence } from '../../format/bookingPresence';

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

/** A booking: name (big), countermark when known, places, tariff, (film and séance), status. */
function BookingTableRow({ row, showsSeance }: { row: BookingRow; showsSeance: boolean }) {
  const { t } = useTranslation(['ui', 'common']);
  const timeZone = useVenueTimeZone();
  const places = t('common:places', { count: row.quantity });
  return (
    <tr
      className={`booking-row booking-row--${bookingPresence(row)}`}
      data-testid="booking-row"
      data-booking-id={row.bookingId}
      data-status={bookingPresence(row)}
    >
      <td className="booking-row__name">
        <ClippedText text={row.firstName} /> <ClippedText className="booking-row__last" text={row.lastName} />
      </td>
      <td className="booking-row__token">{row.token ?? t('bookings.no_token')}</td>
      <td>
        {row.quantity === 2 ? <span className="badge badge--duo">{t('verdict.places_duo', { places })}</span> : places}
      </td>
      <td>
        <ClippedText text={row.priceCategoryLabel ?? t('bookings.no_value')} />
      </td>
      {showsSeance && (
        <td>
          <ClippedText text={row.offerName} />
        </td>
      )}
      {showsSeance && (
        <td className="booking-row__when">
          {row.seanceStart ? formatDateTime(row.seanceStart, timeZone) : t('bookings.no_value')}
        </td>
      )}
      <td>
        <BookingBadges row={row} />
      </td>
    </tr>
  );
}
