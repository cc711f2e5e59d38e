import { useTranslation } from 'react-i18next';

export function DemoBanner() {
  const { t } = useTranslation('ui');
  return (
    <div className="demo-banner" data-testid="demo-banner" role="note">
      <span className="demo-banner__pill" aria-hidden="true">
        {t('demo_banner.pill')}
      </span>
      {t('demo_banner.text')}
    </div>
  );
}
