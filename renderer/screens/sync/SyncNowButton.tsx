import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError } from '../../../shared/contract';
import { useApi } from '../../context/coreContext';

/** Runs a sync cycle now (uploads first, then downloads) and says how it went. */
export function SyncNowButton({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation('ui');
  const api = useApi();
  const [state, setState] = useState<'idle' | 'running' | 'done'>('idle');
  const [error, setError] = useState<ContractError | null>(null);
  const [wasOnline, setWasOnline] = useState(true);

  async function syncNow(): Promise<void> {
    setState('running');
    setError(null);
    const envelope = await api
      .call('sync.now', {})
      .catch((failure: unknown) => ({ ok: false, error: { code: 'internal', message: String(failure) } }) as const);
    setState('done');
    if (envelope.ok) setWasOnline(envelope.value.online);
    else setError(envelope.error);
    onDone();
  }

  return (
    <div className="sync-now">
      <button
        type="button"
        className="button button--primary"
        data-testid="sync-now"
        disabled={state === 'running'}
        onClick={() => void syncNow()}
      >
        {state === 'running' ? t('sync.now_running') : t('sync.now')}
      </button>
      {state === 'done' && (
        <p
          className={error || !wasOnline ? 'sync-now__result sync-now__result--bad' : 'sync-now__result'}
          role="status"
        >
          {error ? error.message : wasOnline ? t('sync.now_done') : t('sync.now_offline')}
        </p>
      )}
    </div>
  );
}
