import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueueItem } from '../../../shared/contract';
import { QueueItemSummary } from './QueueItemSummary';

interface QueueCardProps {
  item: QueueItem;
  testId: string;
  /** Beside the state badge (e.g. when it was settled). */
  aside?: ReactNode;
  /** Under the summary: what each list says more about the item. */
  children?: ReactNode;
}

/** One upload-queue item as both lists of the Synchronisation screen show it: summary, state badge, details. */
export function QueueCard({ item, testId, aside, children }: QueueCardProps) {
  const { t } = useTranslation('ui');
  return (
    <li className={`sync-card sync-card--${item.state}`} data-testid={testId} data-id={item.id} data-state={item.state}>
      <div className="sync-card__top">
        <QueueItemSummary item={item} />
        <span className={`badge badge--queue-${item.state}`}>{t(`sync.state.${item.state}`)}</span>
        {aside}
      </div>
      {children}
    </li>
  );
}
