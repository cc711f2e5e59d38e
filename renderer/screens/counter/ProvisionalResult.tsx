import { useTranslation } from 'react-i18next';
import type { BookingRow } from '../../../shared/contract';
import { formatTime } from '../../../shared/dates';
import { formatClockOrDate } from '../../format/timeAgo';
import { BookingBadges } from '../../components/BookingBadges';
import { useAppInfo, useVenueTimeZone } from '../../context/appInfoContext';
import { bookingPresence } from '../../format/bookingPresence';
import { isNotConfirmedYet } from '../../../shared/validatable';
import { truncateText } from '../../format/truncate';
import { bookingViewOfRow } from './bookingViewOfRow';
import type { ProvisionalRequest } from './counterPanel';
import { PlacesBadge } from './PlacesBadge';

/** Names from outside have no length limit: at most 40 characters of each part here. */
const short = (text: string) => truncateText(text, 40).text;

interface ProvisionalResultProps {
  token: string;
  row: BookingRow;
  now: Date;
  isBusy: boolean;
  onRequest: (request: ProvisionalRequest) => void;
}

/** One booking found by name: who (big), which séance, places, status, and the provisional validation. */
export function ProvisionalResult({ token, row, now, isBusy, onRequest }: ProvisionalResultProps) {
  const { t } = useTranslation('ui');
  const info = useAppInfo();
  const timeZone = useVenueTimeZone();
  const booking = bookingViewOfRow(row, info.venue?.name ?? '');
  const isExpected = bookingPresence(row) === 'expected';
  const notConfirmed = isExpected && isNotConfirmedYet(row, now);

  return (
    <li className="provisional-result" data-testid="provisional-result" data-booking-id={row.bookingId}>
      <div className="provisional-result__who">
        <p className="provisional-result__name">
          {short(row.firstName)} <span className="provisional-result__last">{short(row.lastName)}</span>
        </p>
        <p className="provisional-result__what">
          <span className="provisional-result__film">{truncateText(row.offerName, 90).text}</span>
          <span className="provisional-result__time">
            {row.seanceStart ? formatClockOrDate(row.seanceStart, now, timeZone) : t('verdict.seance_unknown')}
          </span>
          <PlacesBadge booking={booking} />
          {row.priceCategoryLabel && <span>{row.priceCategoryLabel}</span>}
        </p>
        <BookingBadges row={row} />
        {notConfirmed && row.confirmationDate && (
          <p className="provisional-result__warning">
            {t('provisional.not_confirmed', { time: formatTime(row.confirmationDate, timeZone) })}
          </p>
        )}
      </div>
      {isExpected && !notConfirmed && (
        <button
          type="button"
          className="button button--provisional"
          data-testid="provisional-validate"
          aria-label={t('provisional.validate_label', {
            name: `${short(booking.firstName)} ${short(booking.lastName)}`,
          })}
          disabled={isBusy}
          onClick={() => onRequest({ token, booking })}
        >
          {t('provisional.validate')}
        </button>
      )}
    </li>
  );
}
