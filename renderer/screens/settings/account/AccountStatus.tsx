import { useTranslation } from 'react-i18next';
import type { AccountView } from '../../../../shared/contract';

/** The account in use: platform, where the key is kept (a warning when not encrypted), venues, counter. */
export function AccountStatus({ account }: { account: AccountView }) {
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
