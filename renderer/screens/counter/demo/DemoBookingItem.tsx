import { useTranslation } from 'react-i18next';
import type { DemoBooking } from '../../../../shared/contract';
import { formatDateTime } from '../../../../shared/dates';
import { useVenueTimeZone } from '../../../context/appInfoContext';
import { demoStatusOf } from './demoStatus';

interface DemoBookingItemProps {
  booking: DemoBooking;
  onPick: (token: string) => void;
}

export function DemoBookingItem({ booking, onPick }: DemoBookingItemProps) {
  const { t } = useTranslation('ui');
  const timeZone = useVenueTimeZone();
  const status = demoStatusOf(booking);
  return (
    <button
      type="button"
      className="demo-booking"
      data-testid="demo-booking"
      data-token={booking.token}
      data-status={status}
      onClick={() => onPick(booking.token)}
    >
      <span className="demo-booking__line">
        <span className="demo-booking__token">{booking.token}</span>
        <span className={`demo-booking__status demo-booking__status--${status}`}>{t(`demo.status.${status}`)}</span>
        {booking.quantity === 2 && <span className="demo-booking__duo">{t('demo.duo')}</span>}
      </span>
      <span className="demo-booking__name">
        {booking.firstName} {booking.lastName}
      </span>
      <span className="demo-booking__offer">
        {booking.offerName} · {formatDateTime(booking.seanceStart, timeZone)}
      </span>
    </button>
  );
}
