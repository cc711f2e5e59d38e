import { useTranslation } from 'react-i18next';
import type { CounterPanel, PendingAction } from './counterPanel';
import { IdlePanel } from './IdlePanel';
import { VerdictPanel, type VerdictActions } from './VerdictPanel';

interface VerdictRegionProps extends VerdictActions {
  panel: CounterPanel | null;
  pending: PendingAction | null;
}

/**
 * The live region screen readers announce. The previous verdict stays (dimmed, its buttons off) while the next
 * call runs, under a line saying what is being done.
 */
export function VerdictRegion({ panel, pending, ...actions }: VerdictRegionProps) {
  const { t } = useTranslation('ui');
  const isBusy = pending !== null;
  return (
    <div className="verdict-region" aria-live="assertive" aria-atomic="true" aria-busy={isBusy}>
      {pending && (
        <p className="pending-notice" data-testid="pending" role="status">
          <span className="pending-notice__spinner" aria-hidden="true" />
          {t(`counter.pending.${pending.action}`, { token: pending.token })}
        </p>
      )}
      {panel ? <VerdictPanel panel={panel} isBusy={isBusy} {...actions} /> : !pending && <IdlePanel />}
    </div>
  );
}
