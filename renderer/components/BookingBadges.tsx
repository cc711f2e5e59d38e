import { useTranslation } from '../i18n';
import type { BookingRow } from '../../shared/contract';
import { bookingPresence } from '../format/bookingPresence';

/** Status badges of a booking: expected / came / cancelled / reimbursed, then provisional and unsent marks. */
export function BookingBadges({ row }: { row: BookingRow }) {
  const { t } = useTranslation('ui');
  const presence = bookingPresence(row);
  return (
    <span className="booking-badges">
      <span className={`badge badge--${presence}`} data-testid="booking-status" data-status={presence}>
        {t(`booking_status.${presence}`)}
      </span>
      {row.provisional && (
        <span className="badge badge--provisional" data-testid="booking-provisional">
          {t('booking_status.provisional')}
        </span>
      )}
      {row.pendingUpload && (
        <span className="badge badge--pending-upload" data-testid="booking-pending-upload">
          {t('booking_status.pending_upload')}
        </span>
      )}
    </span>
  );
}
