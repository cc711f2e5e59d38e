import { memo, useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../../context/coreContext';
import { useDebouncedValue } from '../../../hooks/useDebouncedValue';
import { useLedgerRefreshKey } from '../../../hooks/useLedgerRefreshKey';
import { useLoadedEnvelope } from '../../../hooks/useLoadedEnvelope';
import { DemoBookingItem } from './DemoBookingItem';

const RELOAD_AFTER_MS = 300;

/**
 * Demo mode: the sandbox's bookings with their tokens, to try every verdict. Follows the ledger. Memoised (give
 * it a stable `onPick`): it must not re-render with the guichet on every keystroke and scan.
 */
export const DemoBookingsPanel = memo(function DemoBookingsPanel({ onPick }: { onPick: (token: string) => void }) {
  const { t } = useTranslation('ui');
  const api = useApi();
  // Every lookup and validation changes the ledger: reload once the counter pauses, not on top of the next scan.
  const refreshKey = useDebouncedValue(useLedgerRefreshKey(), RELOAD_AFTER_MS);
  const load = useCallback(() => api.call('demo.bookings', {}), [api]);
  const { envelope } = useLoadedEnvelope(load, refreshKey);

  return (
    <aside className="demo-panel" data-testid="demo-panel" aria-labelledby="demo-panel-title">
      <h2 className="demo-panel__title" id="demo-panel-title">
        {t('demo.title')}
      </h2>
      <p className="demo-panel__hint">{t('demo.hint')}</p>
      {envelope && !envelope.ok && (
        <p className="demo-panel__error" role="status">
          {envelope.error.message}
        </p>
      )}
      {envelope?.ok && envelope.value.bookings.length === 0 && <p className="demo-panel__hint">{t('demo.empty')}</p>}
      {envelope?.ok && (
        <ul className="demo-panel__list">
          {envelope.value.bookings.map((booking) => (
            <li key={booking.token}>
              <DemoBookingItem booking={booking} onPick={onPick} />
            </li>
          ))}
        </ul>
      )}
    </aside>
  );
});
