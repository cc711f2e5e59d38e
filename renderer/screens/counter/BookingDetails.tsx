import { useTranslation } from 'react-i18next';
import type { BookingView } from '../../../shared/contract';
import { formatCents } from '../../../shared/money';
import { useVenueTimeZone } from '../../context/appInfoContext';
import { formatSeanceDay } from '../../format/seanceDay';
import { LongText } from './LongText';
import { PlacesBadge } from './PlacesBadge';

/** Longest film title shown in full (pass Culture allows 90 characters; outside text may be anything). */
const FILM_MAX = 90;

interface BookingDetailsProps {
  booking: BookingView;
  showsPrice?: boolean;
  /** False where the séance is already said in large type (amber "autre séance"). */
  showsSeance?: boolean;
}

/** Film, séance (venue's time, with its day), places and tariff of a booking. */
export function BookingDetails({ booking, showsPrice = true, showsSeance = true }: BookingDetailsProps) {
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
        <dd>
          <LongText
            text={booking.offerName}
            max={FILM_MAX}
            title={t('verdict.full_film_title')}
            className="booking-details__film"
            testId="offer-name"
          />
        </dd>
      </div>
      {showsSeance && (
        <div className="booking-details__item">
          <dt>{t('verdict.seance')}</dt>
          <dd data-testid="seance">
            {booking.seanceStart
              ? formatSeanceDay(booking.seanceStart, new Date(), timeZone)
              : t('verdict.seance_unknown')}
          </dd>
        </div>
      )}
      <div className="booking-details__item">
        <dt className="visually-hidden">{t('verdict.places_label')}</dt>
        <dd>
          <PlacesBadge booking={booking} />
        </dd>
      </div>
      {showsPrice && (
        <div className="booking-details__item">
          <dt>
            <bdi>{booking.priceCategoryLabel ?? t('verdict.tariff')}</bdi>
          </dt>
          <dd data-testid="price">{price}</dd>
        </div>
      )}
    </dl>
  );
}
