import { useCallback, memo } from 'react';
import { useTranslation } from '../../i18n';
import type { DemoBooking } from '../../../shared/contract';
import { formatDateTime } from '../../../shared/dates';
import { useApi, useVenueTimeZone } from '../../context/coreContext';
import { truncateText } from '../../format/truncate';
import { useLedgerRefreshKey, useLoadedEnvelope } from '../../hooks/coreData';
import { useDebouncedValue } from '../../hooks/pageHooks';
import { demoStatusOf } from './counterPanel';

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

interface DemoBookingItemProps {
  booking: DemoBooking;
  onPick: (token: string) => void;
}

/**
 * Memoised on the booking's content: the panel reloads its list after every ledger change, and the guichet
 * beside it re-renders on every scan; only the items whose booking changed should render again.
 */
const DemoBookingItem = memo(DemoBookingItemView, (before, after) => {
  if (before.onPick !== after.onPick) return false;
  const a = before.booking;
  const b = after.booking;
  return (Object.keys(a) as (keyof DemoBooking)[]).every((key) => a[key] === b[key]);
});

function DemoBookingItemView({ booking, onPick }: DemoBookingItemProps) {
  const { t } = useTranslation('ui');
  const timeZone = useVenueTimeZone();
  const status = demoStatusOf(booking);
  return (
    <button
      type="button"
      className="demo-booking"
      data-testid="demo-booking"
      data-token={booking.token}
      data-status={status}
      onClick={() => onPick(booking.token)}
    >
      <span className="demo-booking__line">
        <span className="demo-booking__token">{booking.token}</span>
        <span className={`demo-booking__status demo-booking__status--${status}`}>{t(`demo.status.${status}`)}</span>
        {booking.quantity === 2 && <span className="demo-booking__duo">{t('demo.duo')}</span>}
      </span>
      <span className="demo-booking__name">{truncateText(`${booking.firstName} ${booking.lastName}`, 60).text}</span>
      <span className="demo-booking__offer">
        {truncateText(booking.offerName, 60).text} · {formatDateTime(booking.seanceStart, timeZone)}
      </span>
    </button>
  );
}
