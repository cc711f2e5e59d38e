import { useTranslation } from 'react-i18next';
import type { QueueItem } from '../../../shared/contract';
import { ClippedText } from '../../components/ClippedText';

/** What a queued action is about: the action, the countermark, who and which film. */
export function QueueItemSummary({ item }: { item: QueueItem }) {
  const { t } = useTranslation('ui');
  const action = item.action === 'keep' ? 'keep' : item.provisional ? 'use_provisional' : 'use';
  return (
    <p className="queue-summary">
      <span className={`queue-summary__action queue-summary__action--${item.action}`}>
        {t(`sync.action.${action}`)}
      </span>
      <span className="queue-summary__token">{item.token}</span>
      <ClippedText className="queue-summary__name" text={item.beneficiary ?? t('sync.unknown_beneficiary')} />
      {item.offerName && <ClippedText className="queue-summary__film" text={item.offerName} />}
    </p>
  );
}
