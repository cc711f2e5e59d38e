import { useTranslation } from 'react-i18next';
import { VerdictIcon } from './VerdictIcon';

export function IdlePanel() {
  const { t } = useTranslation('ui');
  return (
    <div className="idle-panel" data-testid="idle">
      <VerdictIcon kind="idle" />
      <div>
        <p className="idle-panel__title">{t('counter.idle_title')}</p>
        <p className="idle-panel__text">{t('counter.idle_text')}</p>
      </div>
    </div>
  );
}
