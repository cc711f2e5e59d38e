import { useTranslation } from 'react-i18next';
import type { SyncOverview } from '../../../shared/contract';
import { useVenueTimeZone } from '../../context/coreContext';
import { formatClockOrDate } from '../../format/dates';

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
