import { useTranslation } from 'react-i18next';
import { useEscapeKey, useNow } from '../../hooks/pageHooks';
import { ConflictCard } from './ConflictCard';
import { QueueList } from './QueueList';
import { RateBudget } from './RateBudget';
import { RecentList } from './RecentList';
import { StreamList } from './StreamList';
import { SyncNowButton } from './SyncNowButton';
import { SyncStateSummary } from './SyncStateSummary';
import { useSyncOverview } from './useSyncOverview';

/**
 * What the counter still has to tell pass Culture, and what pass Culture refused: the queue, the conflicts
 * to settle (never dropped), recent uploads, each sync stream and the request budget. Escape goes back.
 */
export function SyncScreen({ onBack }: { onBack: () => void }) {
  const { t } = useTranslation('ui');
  const now = useNow(15_000);
  const { envelope, isRefreshing, retry } = useSyncOverview();
  useEscapeKey(onBack);
  const overview = envelope?.ok ? envelope.value : null;

  return (
    <section className="sync" aria-labelledby="sync-title" aria-busy={isRefreshing}>
      <div className="screen-head">
        <h2 className="screen-head__title" id="sync-title">
          {t('sync.title')}
        </h2>
        <SyncNowButton onDone={retry} />
      </div>
      {envelope && !envelope.ok && (
        <div className="screen-error" role="alert">
          <p>{envelope.error.message}</p>
          <button type="button" className="button button--secondary" onClick={retry}>
            {t('app.retry')}
          </button>
        </div>
      )}
      {!envelope && <p className="screen-empty">{t('sync.loading')}</p>}
      {overview && (
        <>
          <SyncStateSummary status={overview.status} now={now} />
          <section className="sync__section" aria-labelledby="sync-conflicts-title">
            <h3 className="sync__section-title" id="sync-conflicts-title">
              {t('sync.conflicts_title', { count: overview.conflicts.length })}
            </h3>
            {overview.conflicts.length === 0 ? (
              <p className="screen-empty">{t('sync.conflicts_empty')}</p>
            ) : (
              <>
                <p className="sync__hint">{t('sync.conflicts_hint')}</p>
                <ul className="sync-list">
                  {overview.conflicts.map((item) => (
                    <ConflictCard key={item.id} item={item} now={now} onSettled={retry} />
                  ))}
                </ul>
              </>
            )}
          </section>
          <section className="sync__section" aria-labelledby="sync-queue-title">
            <h3 className="sync__section-title" id="sync-queue-title">
              {t('sync.queue_title', { count: overview.queue.length })}
            </h3>
            <QueueList items={overview.queue} now={now} />
          </section>
          <section className="sync__section" aria-labelledby="sync-recent-title">
            <h3 className="sync__section-title" id="sync-recent-title">
              {t('sync.recent_title')}
            </h3>
            <RecentList items={overview.recent} now={now} />
          </section>
          <div className="sync__columns">
            <section className="sync__section" aria-labelledby="sync-streams-title">
              <h3 className="sync__section-title" id="sync-streams-title">
                {t('sync.streams_title')}
              </h3>
              <StreamList streams={overview.streams} now={now} />
            </section>
            <section className="sync__section" aria-labelledby="sync-budget-title">
              <h3 className="sync__section-title" id="sync-budget-title">
                {t('sync.budget_title')}
              </h3>
              <RateBudget budget={overview.budget} now={now} />
            </section>
          </div>
        </>
      )}
    </section>
  );
}
