import { useTranslation } from 'react-i18next';
import type { QueueItem } from '../../../shared/contract';
import { useVenueTimeZone } from '../../context/coreContext';
import { formatClockOrDate } from '../../format/dates';
import { QueueCard } from './QueueCard';

/** The last actions settled: sent, or conflicts marked as handled (with the manager's comment). */
export function RecentList({ items, now }: { items: readonly QueueItem[]; now: Date }) {
  const { t } = useTranslation('ui');
  const timeZone = useVenueTimeZone();
  if (items.length === 0) return <p className="screen-empty">{t('sync.recent_empty')}</p>;
  return (
    <ol className="sync-list">
      {items.map((item) => (
        <QueueCard
          key={item.id}
          item={item}
          testId="sync-recent-item"
          aside={item.doneAt && <span className="queue-meta">{formatClockOrDate(item.doneAt, now, timeZone)}</span>}
        >
          {item.note && <p className="sync-card__note">{item.note}</p>}
          {item.state === 'handled' && item.reason && <p className="sync-card__reason--soft">{item.reason}</p>}
          {item.comment && <p className="sync-card__comment">{t('sync.comment', { comment: item.comment })}</p>}
        </QueueCard>
      ))}
    </ol>
  );
}
