import { useTranslation } from 'react-i18next';
import type { QueueItem } from '../../../shared/contract';
import { useVenueTimeZone } from '../../context/coreContext';
import { formatClockOrDate } from '../../format/dates';

/** When it was recorded, how many attempts, the last one. */
export function QueueItemMeta({ item, now }: { item: QueueItem; now: Date }) {
  const { t } = useTranslation('ui');
  const timeZone = useVenueTimeZone();
  return (
    <p className="queue-meta">
      <span>{t('sync.recorded_at', { when: formatClockOrDate(item.createdAt, now, timeZone) })}</span>
      <span>{t('sync.attempts', { count: item.attempts })}</span>
      {item.lastAttemptAt && (
        <span>{t('sync.last_attempt', { when: formatClockOrDate(item.lastAttemptAt, now, timeZone) })}</span>
      )}
    </p>
  );
}
