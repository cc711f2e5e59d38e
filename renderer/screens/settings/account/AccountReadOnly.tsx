import { useTranslation } from 'react-i18next';

/** Set by environment variables: nothing to edit here, and the screen says where to change it. */
export function AccountReadOnly() {
  const { t } = useTranslation('ui');
  return (
    <p className="info-box" data-testid="account-read-only">
      {t('account.from_environment')}
    </p>
  );
}
