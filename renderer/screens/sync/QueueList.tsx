import { useTranslation } from 'react-i18next';
import type { QueueItem } from '../../../shared/contract';
import { QueueCard } from './QueueCard';
import { QueueItemMeta } from './QueueItemMeta';

/** Validations and undos waiting to be sent (or being sent), oldest first: they leave in this order. */
export function QueueList({ items, now }: { items: readonly QueueItem[]; now: Date }) {
  const { t } = useTranslation('ui');
  if (items.length === 0) return <p className="screen-empty">{t('sync.queue_empty')}</p>;
  return (
    <ol className="sync-list">
      {items.map((item) => (
        <QueueCard key={item.id} item={item} testId="sync-queue-item">
          <QueueItemMeta item={item} now={now} />
          {item.reason && <p className="sync-card__reason sync-card__reason--soft">{item.reason}</p>}
        </QueueCard>
      ))}
    </ol>
  );
}
