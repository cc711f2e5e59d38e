import { useTranslation } from 'react-i18next';
import { useLinkState } from '../context/coreContext';

/** Browser mode only: the WebSocket to the engine dropped (or the page has no session). */
export function LinkLostBanner() {
  const { t } = useTranslation('ui');
  const { status } = useLinkState();
  if (status !== 'lost' && status !== 'no_session') return null;
  return (
    <div className="link-banner" role="alert" data-testid="link-lost">
      {status === 'lost' ? t('link.lost_banner') : t('link.no_session')}
    </div>
  );
}
