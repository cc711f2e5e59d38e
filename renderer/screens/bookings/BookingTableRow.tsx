import { useTranslation } from 'react-i18next';
import type { BookingRow } from '../../../shared/contract';
import { formatDateTime } from '../../../shared/dates';
import { BookingBadges } from '../../components/BookingBadges';
import { ClippedText } from '../../components/ClippedText';
import { useVenueTimeZone } from '../../context/appInfoContext';
import { bookingPresence } from '../../format/bookingPresence';

/** A booking: name (big), countermark when known, places, tariff, (film and séance), status. */
export function BookingTableRow({ row, showsSeance }: { row: BookingRow; showsSeance: boolean }) {
  const { t } = useTranslation('ui');
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
