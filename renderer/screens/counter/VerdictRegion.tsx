import { useTranslation } from 'react-i18next';
import type { CounterPanel, PendingAction, ProvisionalRequest, UndoRequest } from './counterPanel';
import { IdlePanel } from './IdlePanel';
import { VerdictPanel } from './VerdictPanel';

interface VerdictRegionProps {
  panel: CounterPanel | null;
  pending: PendingAction | null;
  onValidate: () => void;
  onRequestUndo: (request: UndoRequest) => void;
  onRequestProvisional: (request: ProvisionalRequest) => void;
}

/**
 * The live region screen readers announce. The previous verdict stays (dimmed) while the next call runs,
 * under a line saying what is being done.
 */
export function VerdictRegion({ panel, pending, onValidate, onRequestUndo, onRequestProvisional }: VerdictRegionProps) {
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
      {panel ? (
        <VerdictPanel
          panel={panel}
          isBusy={isBusy}
          onValidate={onValidate}
          onRequestUndo={onRequestUndo}
          onRequestProvisional={onRequestProvisional}
        />
      ) : (
        !pending && <IdlePanel />
      )}
    </div>
  );
}
