import { useTranslation } from 'react-i18next';
import { useAppInfo, useVenueTimeZone } from '../context/appInfoContext';
import { formatClockOrDate, formatTimeAgo } from '../format/timeAgo';
import { useNow } from '../hooks/useNow';
import { useSyncStatus } from '../hooks/useSyncStatus';
import type { GroupedNotices } from '../notifications/useBookingNotifications';
import { DemoBanner } from './DemoBanner';

interface StatusBannerProps {
  onOpenSync: () => void;
  /** New bookings held back during service (counts only), shown as one discreet button. */
  serviceNotices?: GroupedNotices | null;
  onOpenBookings?: () => void;
}

/**
 * Always on screen, in one thin line: demo mode, online or offline (switched by the engine, never by hand), the last
 * successful sync, the validations waiting to be sent and the conflicts to settle (a click opens Synchronisation).
 */
export function StatusBanner({ onOpenSync, serviceNotices, onOpenBookings }: StatusBannerProps) {
  const { t } = useTranslation('ui');
  const info = useAppInfo();
  const timeZone = useVenueTimeZone();
  const now = useNow(15_000);
  const demo = info.mode === 'demo' && <DemoBanner />;
  const { status, error } = useSyncStatus();

  if (!status) {
    return (
      <div className="status-banner status-banner--unknown" data-testid="status-banner">
        {demo}
        <span className="status-banner__mode">
          {error ? t('status_banner.unavailable') : t('status_banner.loading')}
        </span>
        {error && <span className="status-banner__detail">{error.message}</span>}
      </div>
    );
  }

  const { online, offlineSince, lastSyncAt, pendingUploads, conflicts } = status;
  return (
    <div
      className={online ? 'status-banner status-banner--online' : 'status-banner status-banner--offline'}
      data-testid="status-banner"
      data-online={String(online)}
    >
      {demo}
      <span className="status-banner__mode" role="status" data-testid="connectivity">
        <span className="status-banner__dot" aria-hidden="true" />
        {online
          ? t('status_banner.online')
          : offlineSince
            ? t('status_banner.offline_since', { time: formatClockOrDate(offlineSince, now, timeZone) })
            : t('status_banner.offline')}
      </span>
      {!online && <span className="status-banner__detail">{t('status_banner.offline_hint')}</span>}
      <span className="status-banner__item" data-testid="last-sync">
        {lastSyncAt
          ? t('status_banner.last_sync', { when: formatTimeAgo(lastSyncAt, now, timeZone) })
          : t('status_banner.never_synced')}
      </span>
      <span
        className={pendingUploads > 0 ? 'status-banner__item status-banner__item--pending' : 'status-banner__item'}
        data-testid="pending-count"
        data-count={pendingUploads}
      >
        {t('status_banner.pending', { count: pendingUploads })}
      </span>
      {serviceNotices && (serviceNotices.added > 0 || serviceNotices.cancelled > 0) && (
        <button
          type="button"
          className="status-banner__notices"
          data-testid="service-notices"
          title={t('notifications.grouped_open')}
          onClick={onOpenBookings}
        >
          {[
            serviceNotices.added > 0 && t('notifications.grouped_added', { count: serviceNotices.added }),
            serviceNotices.cancelled > 0 && t('notifications.grouped_cancelled', { count: serviceNotices.cancelled }),
          ]
            .filter(Boolean)
            .join(' · ')}
        </button>
      )}
      <button
        type="button"
        className={
          conflicts > 0 ? 'status-banner__conflicts status-banner__conflicts--some' : 'status-banner__conflicts'
        }
        data-testid="conflict-count"
        data-count={conflicts}
        onClick={onOpenSync}
      >
        {conflicts > 0 ? t('status_banner.conflicts', { count: conflicts }) : t('status_banner.no_conflict')}
      </button>
    </div>
  );
}
