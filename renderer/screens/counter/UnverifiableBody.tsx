import { useTranslation } from 'react-i18next';
import type { Verdict } from '../../../shared/contract';
import type { ProvisionalRequest } from './counterPanel';
import { ProvisionalSearch } from './ProvisionalSearch';

interface UnverifiableBodyProps {
  verdict: Verdict;
  isBusy: boolean;
  onRequestProvisional: (request: ProvisionalRequest) => void;
}

/** Offline and the token is unknown here: say why in plain words, and offer the search by name. */
export function UnverifiableBody({ verdict, isBusy, onRequestProvisional }: UnverifiableBodyProps) {
  const { t } = useTranslation('ui');
  return (
    <div className="verdict__body verdict__body--scroll">
      <p className="verdict__message verdict__message--explain" data-testid="verdict-message">
        {t('verdict.unverifiable_explanation')}
      </p>
      <ProvisionalSearch token={verdict.token} isBusy={isBusy} onRequest={onRequestProvisional} />
    </div>
  );
}
