import { useTranslation } from 'react-i18next';

/** Demo mode, said on every screen in one badge (the full sentence for screen readers and on hover). */
export function DemoBanner() {
  const { t } = useTranslation('ui');
  return (
    <p className="demo-banner" data-testid="demo-banner" role="note" title={t('demo_banner.text')}>
      <span className="demo-banner__pill" aria-hidden="true">
        {t('demo_banner.pill')}
      </span>
      <span className="demo-banner__short" aria-hidden="true">
        {t('demo_banner.short')}
      </span>
      <span className="visually-hidden">{t('demo_banner.text')}</span>
    </p>
  );
}
