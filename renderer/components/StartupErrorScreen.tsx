import { useTranslation } from 'react-i18next';

interface StartupErrorScreenProps {
  message: string;
  onRetry: () => void;
}

export function StartupErrorScreen({ message, onRetry }: StartupErrorScreenProps) {
  const { t } = useTranslation('ui');
  return (
    <main className="startup startup--failed">
      <h1 className="startup__title">{t('app.name')}</h1>
      <div className="startup__error" role="alert" data-testid="startup-error">
        <h2>{t('app.startup_failed')}</h2>
        <p>{message}</p>
      </div>
      <button type="button" className="button button--primary" onClick={onRetry} autoFocus>
        {t('app.retry')}
      </button>
    </main>
  );
}
