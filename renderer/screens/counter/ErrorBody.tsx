import { useTranslation } from 'react-i18next';
import type { ContractError } from '../../../shared/contract';
import { VerdictMessage } from './VerdictMessage';

/** The call failed (platform unreachable, timeout, odd answer…): say so, and that the guichet still works. */
export function ErrorBody({ error }: { error: ContractError }) {
  const { t } = useTranslation('ui');
  return (
    <div className="verdict__body" data-error-code={error.code}>
      <VerdictMessage isProminent>{error.message}</VerdictMessage>
      <p className="verdict__note">{t('verdict.error_hint')}</p>
    </div>
  );
}
