import { memo } from 'react';
import { truncateText } from '../../../format/truncate';
import { useTranslation } from 'react-i18next';
import type { DemoBooking } from '../../../../shared/contract';
import { formatDateTime } from '../../../../shared/dates';
import { useVenueTimeZone } from '../../../context/appInfoContext';
import { demoStatusOf } from './demoStatus';

interface DemoBookingItemProps {
  booking: DemoBooking;
  onPick: (token: string) => void;
}

/**
 * Memoised on the booking's content: the panel reloads its list after every ledger change, and the guichet
 * beside it re-renders on every scan; only the items whose booking changed should render again.
 */
export const DemoBookingItem = memo(DemoBookingItemView, (before, after) => {
  if (before.onPick !== after.onPick) return false;
  const a = before.booking;
  const b = after.booking;
  return (Object.keys(a) as (keyof DemoBooking)[]).every((key) => a[key] === b[key]);
});

function DemoBookingItemView({ booking, onPick }: DemoBookingItemProps) {
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
      <span className="demo-booking__name">{truncateText(`${booking.firstName} ${booking.lastName}`, 60).text}</span>
      <span className="demo-booking__offer">
        {truncateText(booking.offerName, 60).text} · {formatDateTime(booking.seanceStart, timeZone)}
      </span>
    </button>
  );
}
