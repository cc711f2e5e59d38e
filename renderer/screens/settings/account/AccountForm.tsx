import { useState } from 'react';
import { useTranslation } from '../../../i18n';
import type { AccountView, ContractError, VenueOption } from '../../../../shared/contract';
import { useApi } from '../../../context/coreContext';
import {
  connectionInput,
  draftProblem,
  formatSiret,
  initialDraft,
  isSameConnection,
  isSameDraft,
  LIVE_ENVIRONMENTS,
  saveProblem,
  venuesAfterTest,
  type AccountDraft,
  type LiveEnvironment,
  type SaveProblem,
} from './accountDraft';

const COUNTER_NAME_MAX = 40;

type Feedback = { kind: 'error'; error: ContractError } | { kind: 'problem'; problem: SaveProblem };

/**
 * Platform, key, venues and counter name. "Tester la connexion" lists the venues the key reaches; "Enregistrer"
 * restarts the engine on the account. The key is sent once and never shown again (`account.get` says `hasKey`).
 */
export function AccountForm({ account, onSaved }: { account: AccountView; onSaved: () => void }) {
  const { t } = useTranslation('ui');
  const api = useApi();
  const [draft, setDraft] = useState<AccountDraft>(() => initialDraft(account));
  const [tested, setTested] = useState<{ draft: AccountDraft; venues: VenueOption[] } | null>(null);
  const [selected, setSelected] = useState<number[]>(account.venueIds);
  const [counterName, setCounterName] = useState(account.counterName);
  const [busy, setBusy] = useState<'test' | 'save' | null>(null);
  const [feedback, setFeedback] = useState<Feedback | null>(null);

  const isTestFresh = tested !== null && isSameDraft(tested.draft, draft);
  const keepsConnection = account.environment !== 'demo' && isSameConnection(draft, account);

  function edit(change: Partial<AccountDraft>): void {
    setDraft((previous) => ({ ...previous, ...change }));
    setFeedback(null);
  }

  async function test(): Promise<void> {
    const problem = draftProblem(draft, account.hasKey);
    if (problem) return setFeedback({ kind: 'problem', problem });
    setBusy('test');
    setFeedback(null);
    const envelope = await api.call('account.test', connectionInput(draft)).catch(failure);
    setBusy(null);
    if (!envelope.ok) return setFeedback({ kind: 'error', error: envelope.error });
    const { venues } = envelope.value;
    setTested({ draft, venues });
    setSelected(venuesAfterTest(selected, venues));
  }

  async function save(): Promise<void> {
    const problem = saveProblem(draft, account.hasKey, selected, counterName);
    if (problem) return setFeedback({ kind: 'problem', problem });
    const name = counterName.trim();
    setBusy('save');
    setFeedback(null);
    const input = { ...connectionInput(draft), venueIds: selected, counterName: name };
    const envelope = await api.call('account.save', input).catch(failure);
    setBusy(null);
    if (!envelope.ok) return setFeedback({ kind: 'error', error: envelope.error });
    setDraft((previous) => ({ ...previous, apiKey: '' }));
    setTested(null);
    onSaved();
  }

  const canSave = isTestFresh || keepsConnection;
  return (
    <form
      className="account-form"
      data-testid="account-form"
      // The browser would word its own checks in its language ("Please enter a URL"): the form says it in French.
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void (canSave ? save() : test());
      }}
    >
      <EnvironmentChoice
        value={draft.environment}
        baseUrl={draft.baseUrl}
        onChange={(environment) => edit({ environment })}
        onBaseUrlChange={(baseUrl) => edit({ baseUrl })}
      />
      <label className="form-field">
        <span className="form-field__label">{t('account.api_key_label')}</span>
        <input
          type="password"
          className="form-field__input"
          data-testid="account-api-key"
          value={draft.apiKey}
          placeholder={account.hasKey ? t('account.api_key_keep') : t('account.api_key_placeholder')}
          autoComplete="new-password"
          spellCheck={false}
          onChange={(event) => edit({ apiKey: event.target.value })}
        />
      </label>
      <div className="form-actions">
        <button
          type="button"
          className="button button--secondary"
          data-testid="account-test"
          disabled={busy !== null}
          onClick={() => void test()}
        >
          {busy === 'test' ? t('account.testing') : t('account.test')}
        </button>
        {tested && !isTestFresh && <p className="form-note">{t('account.test_again')}</p>}
        {isTestFresh && (
          <p className="form-note form-note--ok">{t('account.test_ok', { count: tested.venues.length })}</p>
        )}
      </div>
      {isTestFresh && <VenueChoice venues={tested.venues} selected={selected} onChange={setSelected} />}
      <label className="form-field">
        <span className="form-field__label">{t('account.counter_name_label')}</span>
        <input
          type="text"
          className="form-field__input form-field__input--short"
          data-testid="account-counter-name"
          value={counterName}
          maxLength={COUNTER_NAME_MAX}
          placeholder={t('account.counter_name_placeholder')}
          onChange={(event) => setCounterName(event.target.value)}
        />
      </label>
      <div className="form-actions">
        <button
          type="button"
          className="button button--primary"
          data-testid="account-save"
          disabled={busy !== null || !canSave}
          onClick={() => void save()}
        >
          {busy === 'save' ? t('account.saving') : t('account.save')}
        </button>
        {!canSave && <p className="form-note">{t('account.save_needs_test')}</p>}
      </div>
      {feedback?.kind === 'error' && (
        <p className="form-error" role="alert" data-testid="account-error" data-error-code={feedback.error.code}>
          {feedback.error.message}
        </p>
      )}
      {feedback?.kind === 'problem' && (
        <p className="form-error" role="alert" data-testid="account-error" data-error-code={feedback.problem}>
          {t(`account.problem.${feedback.problem}`)}
        </p>
      )}
    </form>
  );
}

function failure(error: unknown) {
  return { ok: false, error: { code: 'internal', message: String(error) } } as const;
}

interface EnvironmentChoiceProps {
  value: LiveEnvironment;
  baseUrl: string;
  onChange: (environment: LiveEnvironment) => void;
  onBaseUrlChange: (baseUrl: string) => void;
}

/** Production, Intégration (pass Culture's test platform), or a URL of one's own. */
function EnvironmentChoice({ value, baseUrl, onChange, onBaseUrlChange }: EnvironmentChoiceProps) {
  const { t } = useTranslation('ui');
  return (
    <fieldset className="form-group">
      <legend className="form-group__legend">{t('account.environment_label')}</legend>
      {LIVE_ENVIRONMENTS.map((environment) => (
        <label key={environment} className="choice">
          <input
            type="radio"
            name="account-environment"
            value={environment}
            data-testid={`account-environment-${environment}`}
            checked={value === environment}
            onChange={() => onChange(environment)}
          />
          <span className="choice__text">
            <span className="choice__title">{t(`account.environment.${environment}`)}</span>
            <span className="choice__hint">{t(`account.environment_hint.${environment}`)}</span>
          </span>
        </label>
      ))}
      {value === 'custom' && (
        <label className="form-field">
          <span className="form-field__label">{t('account.base_url_label')}</span>
          <input
            type="url"
            className="form-field__input"
            data-testid="account-base-url"
            value={baseUrl}
            placeholder="https://"
            autoComplete="off"
            spellCheck={false}
            onChange={(event) => onBaseUrlChange(event.target.value)}
          />
        </label>
      )}
    </fieldset>
  );
}

interface VenueChoiceProps {
  venues: readonly VenueOption[];
  selected: readonly number[];
  onChange: (selected: number[]) => void;
}

/** The venues the key reaches (with SIRET and address, to tell them apart): the counter serves the ticked ones. */
function VenueChoice({ venues, selected, onChange }: VenueChoiceProps) {
  const { t } = useTranslation('ui');
  if (venues.length === 0) return <p className="form-error">{t('account.no_venue')}</p>;
  return (
    <fieldset className="form-group" data-testid="account-venues">
      <legend className="form-group__legend">{t('account.venues_label')}</legend>
      {venues.map((venue) => {
        const isChecked = selected.includes(venue.id);
        return (
          <label key={venue.id} className="choice choice--venue" data-testid="account-venue" data-venue-id={venue.id}>
            <input
              type="checkbox"
              checked={isChecked}
              onChange={() => onChange(isChecked ? selected.filter((id) => id !== venue.id) : [...selected, venue.id])}
            />
            <span className="choice__text">
              <span className="choice__title">{venue.name}</span>
              <span className="choice__hint">{venue.offererName}</span>
              <span className="choice__hint">
                {venue.siret ? t('account.siret', { siret: formatSiret(venue.siret) }) : t('account.no_siret')}
                {venue.address && ` · ${venue.address}`}
              </span>
            </span>
          </label>
        );
      })}
    </fieldset>
  );
}
