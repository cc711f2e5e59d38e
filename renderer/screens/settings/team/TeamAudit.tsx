/** The team's audit (sign-ins, wrong PINs, team changes, undos, exports, erasures), newest first, for the manager. */
import { useCallback, useState } from 'react';
import { useTranslation } from '../../../i18n';
import type { EventName, StaffPerson } from '../../../../shared/contract';
import { formatDateTime } from '../../../../shared/dates';
import { useApi, useVenueTimeZone } from '../../../context/coreContext';
import { useEventRefreshKey, useLedgerRefreshKey, useLoadedEnvelope } from '../../../hooks/coreData';

const REFRESH_ON: readonly EventName[] = ['staff.changed'];

export function TeamAudit({ people }: { people: readonly StaffPerson[] }) {
  const { t } = useTranslation('ui');
  const api = useApi();
  const timeZone = useVenueTimeZone();
  const [personId, setPersonId] = useState<number | null>(null);
  const refreshKey = `${useEventRefreshKey(REFRESH_ON)}/${useLedgerRefreshKey()}/${personId ?? ''}`;
  const load = useCallback(
    () => api.call('staff.audit', personId === null ? { limit: 200 } : { personId, limit: 200 }),
    [api, personId],
  );
  const { envelope } = useLoadedEnvelope(load, refreshKey);
  const rows = envelope?.ok ? envelope.value.rows : [];

  return (
    <div className="team-audit">
      <div className="team-audit__head">
        <h4 className="team__heading">{t('team.audit')}</h4>
        <label>
          {t('team.audit_filter')}{' '}
          <select
            className="form-field__input"
            data-testid="team-audit-person"
            value={personId ?? ''}
            onChange={(event) => setPersonId(event.target.value ? Number(event.target.value) : null)}
          >
            <option value="">{t('team.audit_everyone')}</option>
            {people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.firstName}
              </option>
            ))}
          </select>
        </label>
      </div>
      {envelope && !envelope.ok && (
        <p className="form-error" role="alert">
          {envelope.error.message}
        </p>
      )}
      {envelope?.ok && rows.length === 0 && <p>{t('team.audit_empty')}</p>}
      {rows.length > 0 && (
        <table className="team-audit__table" data-testid="team-audit">
          <tbody>
            {rows.map((row) => (
              <tr key={row.id} data-testid="team-audit-row" data-action={row.action}>
                <td>{formatDateTime(row.at, timeZone)}</td>
                <td>{t(`team.action.${row.action}`)}</td>
                <td>{row.personName ?? t('team.nobody')}</td>
                <td>{row.detail ?? ''}</td>
                <td>{row.counterName}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
