/** How sync is doing: each stream's last run, success and error, and pass Culture's request budget. */
import { useTranslation } from '../../i18n';
import type { SyncOverview } from '../../../shared/contract';
import { useVenueTimeZone } from '../../context/coreContext';
import { formatTimeAgo, formatClockOrDate } from '../../format/dates';
import { isWorthShowing, streamName } from './syncLabels';

interface StreamListProps {
  streams: SyncOverview['streams'];
  now: Date;
}

/** Each sync stream: when it last ran, last succeeded, and its last error. */
export function StreamList({ streams, now }: StreamListProps) {
  const { t } = useTranslation('ui');
  const timeZone = useVenueTimeZone();
  const when = (iso: string | null) => (iso ? formatTimeAgo(iso, now, timeZone) : t('sync.never'));
  const shown = streams.filter(isWorthShowing);
  const label = (name: string) => {
    const { known, detail } = streamName(name);
    if (!known) return name;
    return detail ? t('sync.stream_detail', { stream: t(`sync.stream.${known}`), detail }) : t(`sync.stream.${known}`);
  };
  if (shown.length === 0) return <p className="screen-empty">{t('sync.streams_empty')}</p>;
  return (
    <table className="data-table">
      <caption className="visually-hidden">{t('sync.streams_title')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('sync.stream_column.name')}</th>
          <th scope="col">{t('sync.stream_column.last_run')}</th>
          <th scope="col">{t('sync.stream_column.last_success')}</th>
          <th scope="col">{t('sync.stream_column.last_error')}</th>
        </tr>
      </thead>
      <tbody>
        {shown.map((stream) => (
          <tr key={stream.name} data-testid="sync-stream" data-stream={stream.name}>
            <th scope="row">{label(stream.name)}</th>
            <td>{when(stream.lastRunAt)}</td>
            <td>{when(stream.lastSuccessAt)}</td>
            <td className={stream.lastError ? 'data-table__error' : undefined}>
              {stream.lastError ?? t('sync.no_error')}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const percent = new Intl.NumberFormat('fr-FR', { style: 'percent', maximumFractionDigits: 0 });
const count = new Intl.NumberFormat('fr-FR');

/** pass Culture's request budget: how much of it the last minute used, and a pause after a 429. */
export function RateBudget({ budget, now }: { budget: SyncOverview['budget']; now: Date }) {
  const { t } = useTranslation('ui');
  const timeZone = useVenueTimeZone();
  const isPaused = budget.pausedUntil !== null && new Date(budget.pausedUntil).getTime() > now.getTime();
  return (
    <div className="rate-budget" data-testid="sync-budget">
      <p className="rate-budget__figure">
        {t('sync.budget_used', {
          used: count.format(budget.usedLastMinute),
          limit: count.format(budget.limitPerMinute),
        })}
      </p>
      <meter
        className="rate-budget__meter"
        min={0}
        max={budget.limitPerMinute}
        low={budget.limitPerMinute * 0.6}
        high={budget.limitPerMinute * 0.85}
        optimum={0}
        value={budget.usedLastMinute}
        aria-label={t('sync.budget_title')}
      />
      <p className="rate-budget__note">
        {t('sync.budget_background', { share: percent.format(budget.backgroundShare) })}
      </p>
      {isPaused && budget.pausedUntil && (
        <p className="rate-budget__paused" role="status">
          {t('sync.budget_paused', { until: formatClockOrDate(budget.pausedUntil, now, timeZone) })}
        </p>
      )}
    </div>
  );
}
