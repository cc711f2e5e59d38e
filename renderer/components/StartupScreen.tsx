import { useTranslation } from 'react-i18next';

export function StartupScreen() {
  const { t } = useTranslation('ui');
  return (
    <main className="startup" aria-busy="true">
      <h1 className="startup__title">{t('app.name')}</h1>
      <p className="startup__text" role="status">
        {t('app.starting')}
      </p>
    </main>
  );
}
