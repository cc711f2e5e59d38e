import { useTranslation } from 'react-i18next';
import type { QueueItem } from '../../../shared/contract';
import { QueueItemMeta } from './QueueItemMeta';
import { QueueItemSummary } from './QueueItemSummary';

/** Validations and undos waiting to be sent (or being sent), oldest first: they leave in this order. */
export function QueueList({ items, now }: { items: readonly QueueItem[]; now: Date }) {
  const { t } = useTranslation('ui');
  if (items.length === 0) return <p className="screen-empty">{t('sync.queue_empty')}</p>;
  return (
    <ol className="sync-list">
      {items.map((item) => (
        <li
          key={item.id}
          className={`sync-card sync-card--${item.state}`}
          data-testid="sync-queue-item"
          data-id={item.id}
          data-state={item.state}
        >
          <div className="sync-card__top">
            <QueueItemSummary item={item} />
            <span className={`badge badge--queue-${item.state}`}>{t(`sync.state.${item.state}`)}</span>
          </div>
          <QueueItemMeta item={item} now={now} />
          {item.reason && <p className="sync-card__reason sync-card__reason--soft">{item.reason}</p>}
        </li>
      ))}
    </ol>
  );
}
