import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventName } from '../../../../shared/contract';
import { useApi } from '../../../context/coreContext';
import { useEventRefreshKey, useLoadedEnvelope } from '../../../hooks/coreData';
import { SettingsSection } from '../SettingsSection';
import { AccountForm } from './AccountForm';
import { AccountReadOnly } from './AccountReadOnly';
import { AccountStatus } from './AccountStatus';
import { DemoSwitch } from './DemoSwitch';

const REFRESH_ON: readonly EventName[] = ['account.changed'];

/** The pass Culture account: which platform, which key, which venues, and this counter's name. */
export function AccountSettings() {
  const { t } = useTranslation('ui');
  const api = useApi();
  const refreshKey = useEventRefreshKey(REFRESH_ON);
  const load = useCallback(() => api.call('account.get', {}), [api]);
  const { envelope, retry } = useLoadedEnvelope(load, refreshKey);
  const account = envelope?.ok ? envelope.value : null;
  const [notice, setNotice] = useState<'saved' | 'demo' | null>(null);

  return (
    <SettingsSection id="account" title={t('account.title')} description={t('account.description')}>
      {envelope && !envelope.ok && (
        <div className="screen-error" role="alert">
          <p>{envelope.error.message}</p>
          <button type="button" className="button button--secondary" onClick={retry}>
            {t('app.retry')}
          </button>
        </div>
      )}
      {account && <AccountStatus account={account} />}
      {account?.fromEnvironment && <AccountReadOnly />}
      {account && !account.fromEnvironment && (
        <AccountForm
          key={`${account.environment}|${account.baseUrl ?? ''}|${account.venueIds.join(',')}`}
          account={account}
          onSaved={() => setNotice('saved')}
        />
      )}
      {notice && (
        <p className="form-note form-note--ok" role="status" data-testid="account-saved">
          {t(`account.notice.${notice}`)}
        </p>
      )}
      {account && !account.fromEnvironment && account.environment !== 'demo' && (
        <DemoSwitch onDone={() => setNotice('demo')} />
      )}
    </SettingsSection>
  );
}
