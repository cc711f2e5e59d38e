import { useCallback, useState } from 'react';
import { useTranslation } from '../../i18n';
import type { ContractError, EventName, StatusView } from '../../../shared/contract';
import { LoadState } from '../../components/LoadState';
import { PersonFilter, peopleOf } from '../../components/PersonFilter';
import { useApi, useVenueTimeZone } from '../../context/coreContext';
import { formatClockOrDate, formatTimeAgo } from '../../format/dates';
import { useEventRefreshKey, useLoadedEnvelope } from '../../hooks/coreData';
import { useEscapeKey, useNow } from '../../hooks/pageHooks';
import { SecondariesTable } from '../settings/counters/SecondariesTable';
import { RateBudget, StreamList } from './SyncHealth';
import { ConflictCard, QueueList, RecentList } from './SyncQueues';
import './sync.css';

const REFRESH_ON: readonly EventName[] = [
  'status.changed',
  'ledger.changed',
  'bookings.changed',
  'programme.changed',
  'account.changed',
];
/** Streams run in the background without events of their own: their times are read again this often. */
const POLL_MS = 10_000;

/**
 * What the counter still has to tell pass Culture, and what pass Culture refused: the queue, the conflicts
 * to settle (never dropped), recent uploads, each sync stream and the request budget. Escape goes back.
 */
export function SyncScreen({ onBack }: { onBack: () => void }) {
  const { t } = useTranslation('ui');
  const now = useNow(15_000);
  const { envelope, isRefreshing, retry } = useSyncOverview();
  const [person, setPerson] = useState<string | null>(null);
  useEscapeKey(onBack);

  return (
    <section className="sync" aria-labelledby="sync-title" aria-busy={isRefreshing}>
      <div className="screen-head">
        <h2 className="screen-head__title" id="sync-title">
          {t('sync.title')}
        </h2>
        <SyncNowButton onDone={retry} />
      </div>
      <LoadState envelope={envelope} onRetry={retry} loadingText={t('sync.loading')}>
        {(overview) => (
          <>
            <SyncStateSummary status={overview.status} now={now} />
            <CountersOverview />
            <section className="sync__section" aria-labelledby="sync-conflicts-title">
              <h3 className="sync__section-title" id="sync-conflicts-title">
                {t('sync.conflicts_title', { count: overview.conflicts.length })}
              </h3>
              {overview.conflicts.length === 0 ? (
                <p className="screen-empty">{t('sync.conflicts_empty')}</p>
              ) : (
                <>
                  <p className="sync__hint">{t('sync.conflicts_hint')}</p>
                  {peopleOf(overview.conflicts).length > 0 && (
                    <PersonFilter
                      people={peopleOf(overview.conflicts)}
                      value={person}
                      onChange={setPerson}
                      testId="sync-conflicts-person"
                    />
                  )}
                  <ul className="sync-list">
                    {overview.conflicts
                      .filter((item) => person === null || item.personName === person)
                      .map((item) => (
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
      </LoadState>
    </section>
  );
}

/** The state in figures: connection, last full sync, queue and conflicts. */
function SyncStateSummary({ status, now }: { status: StatusView; now: Date }) {
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

/** Runs a sync cycle now (uploads first, then downloads) and says how it went. */
function SyncNowButton({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation('ui');
  const api = useApi();
  const [state, setState] = useState<'idle' | 'running' | 'done'>('idle');
  const [error, setError] = useState<ContractError | null>(null);
  const [wasOnline, setWasOnline] = useState(true);

  async function syncNow(): Promise<void> {
    setState('running');
    setError(null);
    const envelope = await api
      .call('sync.now', {})
      .catch((failure: unknown) => ({ ok: false, error: { code: 'internal', message: String(failure) } }) as const);
    setState('done');
    if (envelope.ok) setWasOnline(envelope.value.online);
    else setError(envelope.error);
    onDone();
  }

  return (
    <div className="sync-now">
      <button
        type="button"
        className="button button--primary"
        data-testid="sync-now"
        disabled={state === 'running'}
        onClick={() => void syncNow()}
      >
        {state === 'running' ? t('sync.now_running') : t('sync.now')}
      </button>
      {state === 'done' && (
        <p
          className={error || !wasOnline ? 'sync-now__result sync-now__result--bad' : 'sync-now__result'}
          role="status"
        >
          {error ? error.message : wasOnline ? t('sync.now_done') : t('sync.now_offline')}
        </p>
      )}
    </div>
  );
}

/** `sync.overview`, kept current by the sync events and a slow poll. */
function useSyncOverview() {
  const api = useApi();
  const eventsKey = useEventRefreshKey(REFRESH_ON);
  const tick = useNow(POLL_MS).getTime();
  const load = useCallback(() => api.call('sync.overview', {}), [api]);
  return useLoadedEnvelope(load, `${eventsKey}@${tick}`);
}

const LAN_EVENTS: readonly EventName[] = ['lan.changed'];

/**
 * The main counter's secondaries, for the manager: each one's state and last contact. Their lookups, validations
 * and undos are this counter's queue above (one writer, one queue); nothing shows on a lone counter.
 */
function CountersOverview() {
  const { t } = useTranslation('ui');
  const api = useApi();
  const load = useCallback(() => api.call('lan.get', {}), [api]);
  const { envelope } = useLoadedEnvelope(load, useEventRefreshKey(LAN_EVENTS));
  const main = envelope?.ok ? envelope.value.main : null;
  if (!main) return null;
  return (
    <section className="sync__section" aria-labelledby="sync-counters-title" data-testid="sync-counters">
      <h3 className="sync__section-title" id="sync-counters-title">
        {t('sync.counters_title', { count: main.secondaries.length })}
      </h3>
      <p className="sync__hint">{t('sync.counters_hint')}</p>
      <SecondariesTable secondaries={main.secondaries} />
    </section>
  );
}
