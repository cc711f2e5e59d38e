import { useTranslation } from '../../../i18n';
import type { PairedCounter } from '../../../../shared/contract';
import { useVenueTimeZone } from '../../../context/coreContext';
import { formatClockOrDate } from '../../../format/dates';
import { useNow } from '../../../hooks/pageHooks';

/**
 * The main counter's secondaries: name, state, last contact, address; with `onRevoke` (Réglages → Postes), a
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
          <th>{t('counters.col_address')}</th>
          {onRevoke && <th />}
        </tr>
      </thead>
      <tbody>
        {props.secondaries.map((s) => (
          <tr key={s.id} data-testid="secondary-row" data-name={s.name} data-connected={s.connected}>
            <td>{s.name}</td>
            <td>{s.connected ? t('counters.connected') : t('counters.disconnected')}</td>
            <td>{s.lastSeenAt ? formatClockOrDate(s.lastSeenAt, now, timeZone) : t('counters.never')}</td>
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
