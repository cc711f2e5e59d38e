import { useTranslation } from '../../../i18n';
import type { PairedCounter } from '../../../../shared/contract';
import { useVenueTimeZone } from '../../../context/coreContext';
import { formatClockOrDate } from '../../../format/dates';
import { useNow } from '../../../hooks/pageHooks';

/**
 * The main counter's secondaries: name, mode (connected; autonomous while it hands over what it validated alone;
 * unreachable), last contact, what waits to be handed over, address; with `onRevoke` (Réglages → Postes), a
 * button to revoke each at once. Also the manager's view on the Synchronisation screen (without the buttons).
 */
export function SecondariesTable(props: {
  secondaries: readonly PairedCounter[];
  busy?: boolean;
  onRevoke?: (id: string) => void;
}) {
  const { t } = useTranslation('ui');
  const timeZone = useVenueTimeZone();
  const now = useNow(15_000);
  const { onRevoke } = props;
  if (props.secondaries.length === 0) {
    return <p className="settings-section__description">{t('counters.no_secondary')}</p>;
  }
  return (
    <table className="data-table" data-testid="secondaries">
      <thead>
        <tr>
          <th>{t('counters.col_name')}</th>
          <th>{t('counters.col_state')}</th>
          <th>{t('counters.col_seen')}</th>
          <th>{t('counters.col_queue')}</th>
          <th>{t('counters.col_address')}</th>
          {onRevoke && <th />}
        </tr>
      </thead>
      <tbody>
        {props.secondaries.map((s) => (
          <tr key={s.id} data-testid="secondary-row" data-name={s.name} data-connected={s.connected} data-mode={s.mode}>
            <td>{s.name}</td>
            <td>{t(`counters.mode.${s.mode}`)}</td>
            <td>{s.lastSeenAt ? formatClockOrDate(s.lastSeenAt, now, timeZone) : t('counters.never')}</td>
            <td data-testid="secondary-queue">{s.waiting ?? t('counters.queue_unknown')}</td>
            <td>{s.address ?? '—'}</td>
            {onRevoke && (
              <td>
                <button
                  type="button"
                  className="button button--danger button--small"
                  data-testid="revoke-secondary"
                  disabled={props.busy}
                  aria-label={t('counters.revoke_label', { name: s.name })}
                  onClick={() => onRevoke(s.id)}
                >
                  {t('counters.revoke')}
                </button>
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
