import { useTranslation } from 'react-i18next';
import type { BookingView } from '../../../shared/contract';
import { formatSeance } from '../../../shared/dates';
import { formatCents } from '../../../shared/money';
import { useVenueTimeZone } from '../../context/appInfoContext';
import { PlacesBadge } from './PlacesBadge';

/** Film, séance (venue's time), places and tariff of a booking. */
export function BookingDetails({ booking, showsPrice = true }: { booking: BookingView; showsPrice?: boolean }) {
  const { t } = useTranslation('ui');
  const timeZone = useVenueTimeZone();
  const price = booking.isDuo
    ? t('verdict.price_duo', {
        unit: formatCents(booking.unitPriceCents),
        total: formatCents(booking.totalPriceCents),
      })
    : t('verdict.price_single', { price: formatCents(booking.totalPriceCents) });

  return (
    <dl className="booking-details">
      <div className="booking-details__item booking-details__item--film">
        <dt>{t('verdict.film')}</dt>
        <dd data-testid="offer-name">{booking.offerName}</dd>
      </div>
      <div className="booking-details__item">
        <dt>{t('verdict.seance')}</dt>
        <dd data-testid="seance">
          {booking.seanceStart ? formatSeance(booking.seanceStart, timeZone) : t('verdict.seance_unknown')}
        </dd>
      </div>
      <div className="booking-details__item">
        <dt className="visually-hidden">{t('common:places', { count: booking.quantity })}</dt>
        <dd>
          <PlacesBadge booking={booking} />
        </dd>
      </div>
      {showsPrice && (
        <div className="booking-details__item">
          <dt>{booking.priceCategoryLabel ?? t('verdict.tariff')}</dt>
          <dd data-testid="price">{price}</dd>
        </div>
      )}
    </dl>
  );
}
