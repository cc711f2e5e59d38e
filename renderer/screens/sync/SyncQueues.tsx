/** The upload queue as the Synchronisation screen lists it: conflicts to settle, actions waiting, recent uploads. */
import { useState, type ReactNode } from 'react';
import { useTranslation } from '../../i18n';
import { useStaff } from '../../context/staffContext';
import type { ContractError, Envelope, QueueItem } from '../../../shared/contract';
import { ClippedText } from '../../components/ClippedText';
import { useApi, useVenueTimeZone } from '../../context/coreContext';
import { formatClockOrDate } from '../../format/dates';
import { queueAction } from './syncLabels';

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
  // Conflicts are the manager's to settle (the engine refuses these calls to a cashier).
  const { isManager } = useStaff();
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
      {!isHandling && isManager && (
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

interface HandleConflictFormProps {
  itemId: number;
  isBusy: boolean;
  onSubmit: (comment: string) => void;
  onCancel: () => void;
}

/** "Marquer comme traité" needs a word on what was done: the comment stays with the conflict. */
function HandleConflictForm({ itemId, isBusy, onSubmit, onCancel }: HandleConflictFormProps) {
  const { t } = useTranslation('ui');
  const [comment, setComment] = useState('');
  const [isMissing, setIsMissing] = useState(false);
  const fieldId = `handle-comment-${itemId}`;

  return (
    <form
      className="handle-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (comment.trim() === '') setIsMissing(true);
        else onSubmit(comment.trim());
      }}
    >
      <label className="handle-form__label" htmlFor={fieldId}>
        {t('sync.handle_label')}
      </label>
      <textarea
        id={fieldId}
        className="handle-form__input"
        data-testid="sync-handle-comment"
        value={comment}
        rows={2}
        maxLength={500}
        aria-required="true"
        autoFocus
        aria-invalid={isMissing}
        aria-describedby={isMissing ? `${fieldId}-error` : undefined}
        placeholder={t('sync.handle_placeholder')}
        onChange={(event) => {
          setComment(event.target.value);
          setIsMissing(false);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.preventDefault();
            onCancel();
          }
        }}
      />
      {isMissing && (
        <p id={`${fieldId}-error`} className="form-error" role="alert">
          {t('sync.handle_required')}
        </p>
      )}
      <div className="handle-form__actions">
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('sync.handle_cancel')}
        </button>
        <button type="submit" className="button button--primary" data-testid="sync-handle-confirm" disabled={isBusy}>
          {t('sync.handle_confirm')}
        </button>
      </div>
    </form>
  );
}

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

interface QueueCardProps {
  item: QueueItem;
  testId: string;
  /** Beside the state badge (e.g. when it was settled). */
  aside?: ReactNode;
  /** Under the summary: what each list says more about the item. */
  children?: ReactNode;
}

/** One upload-queue item as both lists of the Synchronisation screen show it: summary, state badge, details. */
function QueueCard({ item, testId, aside, children }: QueueCardProps) {
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

/** When it was recorded, how many attempts, the last one. */
function QueueItemMeta({ item, now }: { item: QueueItem; now: Date }) {
  const { t } = useTranslation('ui');
  const timeZone = useVenueTimeZone();
  return (
    <p className="queue-meta">
      <span>{t('sync.recorded_at', { when: formatClockOrDate(item.createdAt, now, timeZone) })}</span>
      {item.personName && (
        <span data-testid="queue-person">
          {t('sync.made_by', { person: item.personName, counter: item.counterName ?? '' })}
        </span>
      )}
      <span>{t('sync.attempts', { count: item.attempts })}</span>
      {item.lastAttemptAt && (
        <span>{t('sync.last_attempt', { when: formatClockOrDate(item.lastAttemptAt, now, timeZone) })}</span>
      )}
    </p>
  );
}

/** What a queued action is about: the action, the countermark, who and which film. */
function QueueItemSummary({ item }: { item: QueueItem }) {
  const { t } = useTranslation('ui');
  const action = queueAction(item);
  return (
    <p className="queue-summary">
      <span className={`queue-summary__action queue-summary__action--${item.action}`}>
        {t(`sync.action.${action}`)}
      </span>
      <span className="queue-summary__token">{item.token}</span>
      <ClippedText className="queue-summary__name" text={item.beneficiary ?? t('sync.unknown_beneficiary')} />
      {item.offerName && <ClippedText className="queue-summary__film" text={item.offerName} />}
    </p>
  );
}
