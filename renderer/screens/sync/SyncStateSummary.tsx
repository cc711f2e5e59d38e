import { useTranslation } from 'react-i18next';
import type { StatusView } from '../../../shared/contract';
import { useVenueTimeZone } from '../../context/coreContext';
import { formatClockOrDate, formatTimeAgo } from '../../format/dates';

/** The state in figures: connection, last full sync, queue and conflicts. */
export function SyncStateSummary({ status, now }: { status: StatusView; now: Date }) {
  const { t } = useTranslation('ui');
  const timeZone = useVenueTimeZone();
  const figures = [
    {
      key: 'connection',
      value: status.online
        ? t('status_banner.online')
        : status.offlineSince
          ? t('status_banner.offline_since', { time: formatClockOrDate(status.offlineSince, now, timeZone) })
          : t('status_banner.offline'),
    },
    {
      key: 'last_sync',
      value: status.lastSyncAt ? formatTimeAgo(status.lastSyncAt, now, timeZone) : t('sync.never'),
    },
    { key: 'pending', value: String(status.pendingUploads) },
    { key: 'conflicts', value: String(status.conflicts) },
  ] as const;
  return (
    <dl
      className={status.online ? 'sync-state' : 'sync-state sync-state--offline'}
      data-testid="sync-state"
      data-online={String(status.online)}
    >
      {figures.map((figure) => (
        <div key={figure.key} className={`sync-state__figure sync-state__figure--${figure.key}`}>
          <dt>{t(`sync.figure.${figure.key}`)}</dt>
          <dd>{figure.value}</dd>
        </div>
      ))}
    </dl>
  );
}
