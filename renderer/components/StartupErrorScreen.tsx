import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError } from '../../shared/contract';
import { useApi } from '../context/coreContext';

interface StartupErrorScreenProps {
  error: ContractError;
  onRetry: () => void;
}

/**
 * The engine could not start on this account: why (in French), retry, and — only because the manager asks —
 * demo mode instead.
 */
export function StartupErrorScreen({ error, onRetry }: StartupErrorScreenProps) {
  const { t } = useTranslation('ui');
  const api = useApi();
  const [demoError, setDemoError] = useState<string | null>(null);
  const message = error.message;

  async function switchToDemo(): Promise<void> {
    const result = await api.call('account.useDemo', {});
    if (result.ok) onRetry();
    else setDemoError(result.error.message);
  }

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
      {error.code === 'engine_failed' && (
        <button type="button" className="button button--secondary" onClick={() => void switchToDemo()}>
          {t('app.use_demo_instead')}
        </button>
      )}
      {demoError && <p role="alert">{demoError}</p>}
    </main>
  );
}
