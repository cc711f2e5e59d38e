/** Réglages → the pass Culture account: the one in use, its form (or why it is read-only), and the way back to demo mode. */
import { useCallback, useState } from 'react';
import { useTranslation } from '../../../i18n';
import type { EventName, AccountView, ContractError } from '../../../../shared/contract';
import { LoadState } from '../../../components/LoadState';
import { useApi } from '../../../context/coreContext';
import { useEventRefreshKey, useLoadedEnvelope } from '../../../hooks/coreData';
import { SettingsSection } from '../SettingsSection';
import { AccountForm } from './AccountForm';

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
      <LoadState envelope={envelope} onRetry={retry}>
        {(account) => (
          <>
            <AccountStatus account={account} />
            {account.fromEnvironment ? (
              <AccountReadOnly />
            ) : (
              <AccountForm
                key={`${account.environment}|${account.baseUrl ?? ''}|${account.venueIds.join(',')}`}
                account={account}
                onSaved={() => setNotice('saved')}
              />
            )}
          </>
        )}
      </LoadState>
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

/** The account in use: platform, where the key is kept (a warning when not encrypted), venues, counter. */
function AccountStatus({ account }: { account: AccountView }) {
  const { t } = useTranslation('ui');
  return (
    <div className="account-status" data-testid="account-status" data-environment={account.environment}>
      <dl className="account-status__list">
        <div>
          <dt>{t('account.current_environment')}</dt>
          <dd>
            {t(`account.environment.${account.environment}`)}
            {account.environment === 'custom' && account.baseUrl && ` (${account.baseUrl})`}
          </dd>
        </div>
        <div>
          <dt>{t('account.current_key')}</dt>
          <dd>{account.hasKey ? t(`account.key_storage.${account.keyStorage}`) : t('account.no_key')}</dd>
        </div>
        <div>
          <dt>{t('account.current_counter')}</dt>
          <dd>{account.counterName}</dd>
        </div>
      </dl>
      {account.keyExposedWarning && (
        <p className="warning-box warning-box--danger" role="alert" data-testid="key-exposed-warning">
          {account.keyExposedWarning}
        </p>
      )}
      {account.keyStorageWarning && (
        <p className="warning-box" role="note" data-testid="key-storage-warning">
          {account.keyStorageWarning}
        </p>
      )}
    </div>
  );
}

/** Set by environment variables: nothing to edit here, and the screen says where to change it. */
function AccountReadOnly() {
  const { t } = useTranslation('ui');
  return (
    <p className="info-box" data-testid="account-read-only">
      {t('account.from_environment')}
    </p>
  );
}

/** Back to the sandbox; asks once more, since the counter then stops working for real bookings. */
function DemoSwitch({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation('ui');
  const api = useApi();
  const [isConfirming, setIsConfirming] = useState(false);
  const [isBusy, setIsBusy] = useState(false);
  const [error, setError] = useState<ContractError | null>(null);
  const [eraseData, setEraseData] = useState(false);

  async function switchToDemo(): Promise<void> {
    setIsBusy(true);
    setError(null);
    const envelope = await api
      .call('account.useDemo', { eraseData })
      .catch((failure: unknown) => ({ ok: false, error: { code: 'internal', message: String(failure) } }) as const);
    setIsBusy(false);
    setIsConfirming(false);
    if (envelope.ok) onDone();
    else setError(envelope.error);
  }

  return (
    <div className="demo-switch">
      {!isConfirming ? (
        <button
          type="button"
          className="button button--secondary"
          data-testid="account-use-demo"
          onClick={() => setIsConfirming(true)}
        >
          {t('account.use_demo')}
        </button>
      ) : (
        <div className="demo-switch__confirm" role="group" aria-labelledby="demo-switch-question">
          <p id="demo-switch-question">{t('account.use_demo_question')}</p>
          <label className="checkbox-field">
            <input
              type="checkbox"
              data-testid="account-erase-data"
              checked={eraseData}
              onChange={(event) => setEraseData(event.target.checked)}
            />
            {t('account.erase_data_label')}
          </label>
          <button type="button" className="button button--secondary" autoFocus onClick={() => setIsConfirming(false)}>
            {t('account.use_demo_cancel')}
          </button>
          <button
            type="button"
            className="button button--danger"
            data-testid="account-use-demo-confirm"
            disabled={isBusy}
            onClick={() => void switchToDemo()}
          >
            {t('account.use_demo_confirm')}
          </button>
        </div>
      )}
      {error && (
        <p className="form-error" role="alert" data-error-code={error.code}>
          {error.message}
        </p>
      )}
    </div>
  );
}
