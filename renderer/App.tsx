import { useCallback, useState } from 'react';
import { useTranslation } from './i18n';
import type { EventName, ContractError, BackupView } from '../shared/contract';
import { DEFAULT_TIME_ZONE, formatDateTime } from '../shared/dates';
import { AppShell } from './components/AppShell';
import { AppInfoContext, useApi } from './context/coreContext';
import { CounterSettingsProvider } from './context/counterSettingsContext';
import { StaffProvider } from './context/staffContext';
import { useEventRefreshKey, useLoadedEnvelope } from './hooks/coreData';

/** The account changed and the engine restarted on it: mode, venue and counter name may differ. */
const RELOAD_ON: readonly EventName[] = ['account.changed'];

/** Loads `app.info` (again after a lost link comes back, or the account changed), then shows the guichet. */
export function App() {
  const api = useApi();
  const reloadKey = useEventRefreshKey(RELOAD_ON);
  const loadInfo = useCallback(() => api.call('app.info', {}), [api]);
  const { envelope, retry } = useLoadedEnvelope(loadInfo, reloadKey);

  if (!envelope) return <StartupScreen />;
  // A damaged database: the manager chooses a backup (never an empty ledger or demo mode by itself).
  if (!envelope.ok && envelope.error.code === 'database_damaged') return <DatabaseRecoveryScreen onRecovered={retry} />;
  if (!envelope.ok) return <StartupErrorScreen error={envelope.error} onRetry={retry} />;
  return (
    <AppInfoContext value={envelope.value}>
      <StaffProvider>
        <CounterSettingsProvider>
          <AppShell />
        </CounterSettingsProvider>
      </StaffProvider>
    </AppInfoContext>
  );
}

function StartupScreen() {
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

interface StartupErrorScreenProps {
  error: ContractError;
  onRetry: () => void;
}

/**
 * The engine could not start on this account: why (in French), retry, and — only because the manager asks —
 * demo mode instead.
 */
function StartupErrorScreen({ error, onRetry }: StartupErrorScreenProps) {
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

/**
 * The account's database is damaged: the manager chooses — restore a backup (newest first), or start with an empty
 * database on purpose. The damaged file is kept aside either way; nothing starts behind the manager's back.
 */
function DatabaseRecoveryScreen({ onRecovered }: { onRecovered: () => void }) {
  const { t } = useTranslation('ui');
  const api = useApi();
  const load = useCallback(() => api.call('database.recovery', {}), [api]);
  const { envelope } = useLoadedEnvelope(load, '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [confirmEmpty, setConfirmEmpty] = useState(false);
  const view = envelope?.ok ? envelope.value : null;

  async function recover(input: { action: 'restore'; backup: string } | { action: 'empty' }): Promise<void> {
    setBusy(true);
    setError(null);
    const result = await api.call('database.recover', input);
    setBusy(false);
    if (result.ok && !result.value.damaged && result.value.message === null) onRecovered();
    else setError(result.ok ? result.value.message : result.error.message);
  }

  return (
    <main className="startup startup--failed recovery" data-testid="database-recovery">
      <h1 className="startup__title">{t('app.name')}</h1>
      <div className="startup__error" role="alert">
        <h2>{t('recovery.title')}</h2>
        <p>{view?.message ?? (envelope && !envelope.ok ? envelope.error.message : t('app.starting'))}</p>
      </div>
      {view && view.backups.length > 0 && (
        <section className="recovery__backups" aria-labelledby="recovery-backups-title">
          <h3 id="recovery-backups-title">{t('recovery.backups_title')}</h3>
          <ul>
            {view.backups.map((backup: BackupView, index) => (
              <li key={backup.name} data-testid="recovery-backup">
                <span>
                  {t(`recovery.kind.${backup.kind}`)} — {formatDateTime(backup.takenAt, DEFAULT_TIME_ZONE)} —{' '}
                  {t('recovery.size', { size: Math.max(1, Math.round(backup.sizeBytes / 1024)) })}
                </span>
                <button
                  type="button"
                  className={index === 0 ? 'button button--primary' : 'button button--secondary'}
                  disabled={busy}
                  autoFocus={index === 0}
                  onClick={() => void recover({ action: 'restore', backup: backup.name })}
                >
                  {t('recovery.restore')}
                </button>
              </li>
            ))}
          </ul>
          <p className="recovery__hint">{t('recovery.restore_hint')}</p>
        </section>
      )}
      {view?.damaged &&
        (confirmEmpty ? (
          <div className="recovery__confirm" role="group">
            <p>{t('recovery.empty_question')}</p>
            <button type="button" className="button button--secondary" onClick={() => setConfirmEmpty(false)}>
              {t('recovery.cancel')}
            </button>
            <button
              type="button"
              className="button button--danger"
              disabled={busy}
              onClick={() => void recover({ action: 'empty' })}
            >
              {t('recovery.empty_confirm')}
            </button>
          </div>
        ) : (
          <button type="button" className="button button--secondary" onClick={() => setConfirmEmpty(true)}>
            {t('recovery.empty')}
          </button>
        ))}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </main>
  );
}
