import { useCallback, useState, type FormEvent } from 'react';
import { useTranslation } from '../../../i18n';
import type { CounterRole, Envelope, LanView } from '../../../../shared/contract';
import { useApi, useVenueTimeZone } from '../../../context/coreContext';
import { useEventRefreshKey, useLoadedEnvelope } from '../../../hooks/coreData';
import { useNow } from '../../../hooks/pageHooks';
import { formatClockOrDate } from '../../../format/dates';
import { SettingsSection } from '../SettingsSection';
import { SecondariesTable } from './SecondariesTable';

const LAN_EVENTS = ['lan.changed'] as const;

/** `ABCD-EFGH`: read aloud, typed at the secondary. */
function grouped(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/**
 * Réglages → Postes: this counter alone, the main counter (its address, a pairing code, its secondaries, each
 * revocable at once), or a secondary of a main counter (paired with its address and code).
 */
export function CountersSettings() {
  const { t } = useTranslation('ui');
  const api = useApi();
  const load = useCallback(() => api.call('lan.get', {}), [api]);
  const refreshKey = useEventRefreshKey(LAN_EVENTS);
  const { envelope, retry } = useLoadedEnvelope(load, refreshKey);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const view = envelope?.ok ? envelope.value : null;

  async function run(call: () => Promise<Envelope<LanView>>): Promise<boolean> {
    setBusy(true);
    try {
      const result = await call();
      // The view is read again (also on `lan.changed`): one source, never an older answer over a newer one.
      if (result.ok) {
        setError(null);
        retry();
      } else setError(result.error.message);
      return result.ok;
    } finally {
      setBusy(false);
    }
  }

  return (
    <SettingsSection id="counters" title={t('counters.title')} description={t('counters.description')}>
      {envelope && !envelope.ok && <p role="alert">{envelope.error.message}</p>}
      {view && (
        <>
          <RoleChoice
            role={view.role}
            busy={busy}
            onChoose={(role) => void run(() => api.call('lan.setRole', { role }))}
          />
          {view.role === 'main' && view.main && (
            <MainPanel
              main={view.main}
              busy={busy}
              onNewCode={() => void run(() => api.call('lan.pairingCode', {}))}
              onRevoke={(id) => void run(() => api.call('lan.revoke', { id }))}
            />
          )}
          {view.role === 'secondary' && view.secondary && (
            <SecondaryPanel
              secondary={view.secondary}
              busy={busy}
              onUnpair={() => void run(() => api.call('lan.unpair', {}))}
            />
          )}
          {view.role === 'alone' && (
            <PairForm busy={busy} onPair={(mainUrl, code) => run(() => api.call('lan.pair', { mainUrl, code }))} />
          )}
        </>
      )}
      {error && (
        <p className="form-error" role="alert" data-testid="counters-error">
          {error}
        </p>
      )}
    </SettingsSection>
  );
}

function RoleChoice(props: { role: CounterRole; busy: boolean; onChoose: (role: 'alone' | 'main') => void }) {
  const { t } = useTranslation('ui');
  return (
    <p className="counters-role" data-testid="counter-role" data-role={props.role}>
      <strong>{t(`counters.role.${props.role}`)}</strong> {t(`counters.role_hint.${props.role}`)}{' '}
      {props.role !== 'secondary' && (
        <button
          type="button"
          className="button button--secondary button--small"
          data-testid={props.role === 'alone' ? 'become-main' : 'become-alone'}
          disabled={props.busy}
          onClick={() => props.onChoose(props.role === 'alone' ? 'main' : 'alone')}
        >
          {t(props.role === 'alone' ? 'counters.become_main' : 'counters.become_alone')}
        </button>
      )}
    </p>
  );
}

function MainPanel(props: {
  main: NonNullable<LanView['main']>;
  busy: boolean;
  onNewCode: () => void;
  onRevoke: (id: string) => void;
}) {
  const { t } = useTranslation('ui');
  const timeZone = useVenueTimeZone();
  const now = useNow(15_000);
  const { main } = props;
  return (
    <div className="counters-main" data-testid="counters-main">
      <dl className="account-status__list">
        <div>
          <dt>{t('counters.address')}</dt>
          <dd data-testid="main-address">{main.addresses.join(' · ') || t('counters.no_address')}</dd>
        </div>
        <div>
          <dt>{t('counters.code')}</dt>
          <dd data-testid="pairing-code">
            {main.pairing
              ? t('counters.code_until', {
                  code: grouped(main.pairing.code),
                  time: formatClockOrDate(main.pairing.expiresAt, now, timeZone),
                })
              : t('counters.no_code')}
          </dd>
        </div>
      </dl>
      <p className="settings-section__description">
        {t('counters.fingerprint', { fingerprint: main.fingerprint.slice(0, 23) })}
      </p>
      <p>
        <button
          type="button"
          className="button button--primary"
          data-testid="new-pairing-code"
          disabled={props.busy}
          onClick={props.onNewCode}
        >
          {t('counters.new_code')}
        </button>
      </p>
      <SecondariesTable secondaries={main.secondaries} busy={props.busy} onRevoke={props.onRevoke} />
    </div>
  );
}

function SecondaryPanel(props: { secondary: NonNullable<LanView['secondary']>; busy: boolean; onUnpair: () => void }) {
  const { t } = useTranslation('ui');
  const timeZone = useVenueTimeZone();
  const now = useNow(15_000);
  const { secondary } = props;
  return (
    <div data-testid="counters-secondary" data-connected={secondary.connected}>
      <dl className="account-status__list">
        <div>
          <dt>{t('counters.main_counter')}</dt>
          <dd>
            {secondary.mainName} ({secondary.mainUrl})
          </dd>
        </div>
        <div>
          <dt>{t('counters.col_state')}</dt>
          <dd data-testid="main-link">
            {secondary.connected
              ? t('counters.link.connected')
              : secondary.mode === 'revoked'
                ? t('counters.link.revoked')
                : secondary.lastContactAt
                  ? t('counters.unreachable_since', { time: formatClockOrDate(secondary.lastContactAt, now, timeZone) })
                  : t('counters.link.autonomous')}
          </dd>
        </div>
        <div>
          <dt>{t('counters.col_queue')}</dt>
          <dd data-testid="handover-waiting">{secondary.waiting}</dd>
        </div>
        <div>
          <dt>{t('counters.replica')}</dt>
          <dd>{secondary.replicaAt ? formatClockOrDate(secondary.replicaAt, now, timeZone) : t('counters.never')}</dd>
        </div>
      </dl>
      <p>
        <button
          type="button"
          className="button button--secondary"
          data-testid="unpair"
          disabled={props.busy}
          onClick={props.onUnpair}
        >
          {t('counters.unpair')}
        </button>
      </p>
    </div>
  );
}

function PairForm(props: { busy: boolean; onPair: (mainUrl: string, code: string) => Promise<boolean> }) {
  const { t } = useTranslation('ui');
  const [mainUrl, setMainUrl] = useState('');
  const [code, setCode] = useState('');

  function submit(event: FormEvent): void {
    event.preventDefault();
    void props.onPair(mainUrl, code).then((ok) => {
      if (ok) setCode('');
    });
  }

  return (
    <form className="form-group" data-testid="pair-form" onSubmit={submit} noValidate>
      <p className="form-group__legend">{t('counters.pair_title')}</p>
      <p className="settings-section__description">{t('counters.pair_hint')}</p>
      <label className="form-field">
        <span className="form-field__label">{t('counters.main_address')}</span>
        <input
          className="form-field__input"
          data-testid="pair-address"
          placeholder="https://192.168.1.20:47800"
          value={mainUrl}
          onChange={(event) => setMainUrl(event.target.value)}
        />
      </label>
      <label className="form-field">
        <span className="form-field__label">{t('counters.code')}</span>
        <input
          className="form-field__input form-field__input--short"
          data-testid="pair-code"
          autoComplete="off"
          value={code}
          onChange={(event) => setCode(event.target.value)}
        />
      </label>
      <p>
        <button type="submit" className="button button--primary" data-testid="pair-submit" disabled={props.busy}>
          {t('counters.pair')}
        </button>
      </p>
    </form>
  );
}
