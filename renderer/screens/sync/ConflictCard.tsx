import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError, Envelope, QueueItem } from '../../../shared/contract';
import { useApi } from '../../context/coreContext';
import { HandleConflictForm } from './HandleConflictForm';
import { QueueItemMeta } from './QueueItemMeta';
import { QueueItemSummary } from './QueueItemSummary';

interface ConflictCardProps {
  item: QueueItem;
  now: Date;
  onSettled: () => void;
}

/** A validation or undo pass Culture refused: why, and what to do — send it again, or mark it handled. */
export function ConflictCard({ item, now, onSettled }: ConflictCardProps) {
  const { t } = useTranslation('ui');
  const api = useApi();
  const [isHandling, setIsHandling] = useState(false);
  const [isBusy, setIsBusy] = useState(false);
  const [error, setError] = useState<ContractError | null>(null);

  async function run(call: () => Promise<Envelope<QueueItem>>): Promise<void> {
    setIsBusy(true);
    setError(null);
    const envelope = await call().catch((failure: unknown): Envelope<QueueItem> => ({
      ok: false,
      error: { code: 'internal', message: String(failure) },
    }));
    setIsBusy(false);
    if (!envelope.ok) {
      setError(envelope.error);
      return;
    }
    setIsHandling(false);
    onSettled();
  }

  return (
    <li className="sync-card sync-card--conflict" data-testid="sync-conflict" data-id={item.id}>
      <div className="sync-card__top">
        <QueueItemSummary item={item} />
        <span className="badge badge--queue-conflict">{t('sync.state.conflict')}</span>
      </div>
      <p className="sync-card__reason" data-testid="sync-conflict-reason">
        {item.reason ?? t('sync.no_reason')}
      </p>
      <QueueItemMeta item={item} now={now} />
      {!isHandling && (
        <div className="sync-card__actions">
          <button
            type="button"
            className="button button--secondary"
            data-testid="sync-retry"
            aria-label={t('sync.retry_label', { token: item.token })}
            disabled={isBusy}
            onClick={() => void run(() => api.call('sync.retry', { id: item.id }))}
          >
            {t('sync.retry')}
          </button>
          <button
            type="button"
            className="button button--secondary"
            data-testid="sync-handle"
            aria-label={t('sync.handle_button_label', { token: item.token })}
            disabled={isBusy}
            onClick={() => setIsHandling(true)}
          >
            {t('sync.handle')}
          </button>
        </div>
      )}
      {isHandling && (
        <HandleConflictForm
          itemId={item.id}
          isBusy={isBusy}
          onSubmit={(comment) => void run(() => api.call('sync.markHandled', { id: item.id, comment }))}
          onCancel={() => setIsHandling(false)}
        />
      )}
      {error && (
        <p className="form-error" role="alert" data-error-code={error.code}>
          {error.message}
        </p>
      )}
    </li>
  );
}
