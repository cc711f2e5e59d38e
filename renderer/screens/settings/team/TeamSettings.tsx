/**
 * Réglages → Équipe (issue 15): with no team, the counter asks nothing; creating one starts with the manager's own
 * first name and PIN. Then people are added (first name, role, PIN), their role or PIN changed, deactivated (never
 * deleted: the journal names them), the idle lock set, and the team's audit read.
 */
import { useCallback, useState, type FormEvent, type InputHTMLAttributes } from 'react';
import { useTranslation } from '../../../i18n';
import type { EventName, StaffPerson, StaffRole } from '../../../../shared/contract';
import { IDLE_MINUTES_MAX, IDLE_MINUTES_MIN } from '../../../../shared/contract-staff';
import { useApi, useAppInfo } from '../../../context/coreContext';
import { useStaff } from '../../../context/staffContext';
import { useEventRefreshKey, useLoadedEnvelope } from '../../../hooks/coreData';
import { SettingsSection } from '../SettingsSection';
import { TeamAudit } from './TeamAudit';

const REFRESH_ON: readonly EventName[] = ['staff.changed'];
const PIN_PATTERN = /^\d{4,6}$/;

export function TeamSettings() {
  const { t } = useTranslation('ui');
  const { session } = useStaff();
  return (
    <SettingsSection id="team" title={t('team.title')} description={t('team.description')}>
      {session.teamConfigured ? <Team /> : <NoTeam />}
    </SettingsSection>
  );
}

function NoTeam() {
  const { t } = useTranslation('ui');
  const api = useApi();
  const info = useAppInfo();
  const { refresh } = useStaff();
  const [error, setError] = useState<string | null>(null);

  async function demoTeam(): Promise<void> {
    const result = await api.call('staff.demoTeam', {});
    if (result.ok) refresh();
    else setError(result.error.message);
  }

  return (
    <>
      <p data-testid="team-none">{t('team.none')}</p>
      <p className="settings-section__description">{t('team.first_manager')}</p>
      <PersonForm role="manager" submitLabel={t('team.create')} testId="team-create" onAdded={refresh} />
      {info.mode === 'demo' && (
        <div>
          <button
            type="button"
            className="button button--secondary"
            data-testid="team-demo"
            onClick={() => void demoTeam()}
          >
            {t('team.demo_team')}
          </button>
        </div>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}

function Team() {
  const { t } = useTranslation('ui');
  const api = useApi();
  const refreshKey = useEventRefreshKey(REFRESH_ON);
  const load = useCallback(() => api.call('staff.people.list', {}), [api]);
  const { envelope } = useLoadedEnvelope(load, refreshKey);
  const people = envelope?.ok ? envelope.value.people : [];
  return (
    <>
      <h4 className="team__heading">{t('team.people')}</h4>
      <ul className="team__people" data-testid="team-people">
        {people.map((person) => (
          <PersonRow key={person.id} person={person} />
        ))}
      </ul>
      <PersonForm submitLabel={t('team.add')} testId="team-add" onAdded={() => {}} />
      <IdleForm />
      <TeamAudit people={people} />
    </>
  );
}

function PersonRow({ person }: { person: StaffPerson }) {
  const { t } = useTranslation('ui');
  const api = useApi();
  const [pin, setPin] = useState('');
  const [note, setNote] = useState<{ error: boolean; text: string } | null>(null);

  async function update(change: { role?: StaffRole; pin?: string; active?: boolean }): Promise<void> {
    const result = await api.call('staff.people.update', { id: person.id, ...change });
    if (result.ok) {
      setNote(change.pin ? { error: false, text: t('team.pin_saved') } : null);
      setPin('');
    } else setNote({ error: true, text: result.error.message });
  }

  return (
    <li className="team-person" data-testid="team-person" data-name={person.firstName} data-active={person.active}>
      <span className="team-person__name">{person.firstName}</span>
      <span className="team-person__role" data-testid="team-person-role">
        {t(`role.${person.role}`)}
        {!person.active && ` (${t('team.inactive')})`}
      </span>
      <span className="team-person__actions">
        {person.active && (
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => void update({ role: person.role === 'manager' ? 'cashier' : 'manager' })}
          >
            {person.role === 'manager' ? t('team.make_cashier') : t('team.make_manager')}
          </button>
        )}
        <button
          type="button"
          className="button button--secondary button--small"
          onClick={() => void update({ active: !person.active })}
        >
          {person.active ? t('team.deactivate') : t('team.reactivate')}
        </button>
        {person.active && (
          <form
            className="team-person__pin"
            onSubmit={(event) => {
              event.preventDefault();
              if (PIN_PATTERN.test(pin)) void update({ pin });
            }}
          >
            <PinInput
              aria-label={`${t('team.new_pin')} — ${person.firstName}`}
              placeholder={t('team.new_pin')}
              value={pin}
              onChange={setPin}
            />
            <button type="submit" className="button button--secondary button--small" disabled={!PIN_PATTERN.test(pin)}>
              {t('team.save_pin')}
            </button>
          </form>
        )}
      </span>
      {note && (
        <p className={note.error ? 'form-error' : 'form-note'} role={note.error ? 'alert' : 'status'}>
          {note.text}
        </p>
      )}
    </li>
  );
}

interface PersonFormProps {
  /** Fixed role (the team's first person is its manager); otherwise chosen in the form. */
  role?: StaffRole;
  submitLabel: string;
  testId: string;
  onAdded: () => void;
}

function PersonForm({ role: fixedRole, submitLabel, testId, onAdded }: PersonFormProps) {
  const { t } = useTranslation('ui');
  const api = useApi();
  const [firstName, setFirstName] = useState('');
  const [role, setRole] = useState<StaffRole>(fixedRole ?? 'cashier');
  const [pin, setPin] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState<string | null>(null);
  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    if (pin !== again) return setError(t('team.pins_differ'));
    const result = await api.call('staff.people.add', { firstName: firstName.trim(), role, pin });
    if (!result.ok) return setError(result.error.message);
    setError(null);
    setFirstName('');
    setPin('');
    setAgain('');
    onAdded();
  }

  const ready = firstName.trim().length > 0 && PIN_PATTERN.test(pin) && again.length > 0;
  return (
    <form className="team-form" data-testid={testId} onSubmit={(event) => void submit(event)}>
      <label className="form-field">
        <span className="form-field__label">{t('team.first_name')}</span>
        <input
          className="form-field__input"
          data-testid={`${testId}-name`}
          value={firstName}
          maxLength={40}
          onChange={(event) => setFirstName(event.target.value)}
        />
      </label>
      {!fixedRole && (
        <label className="form-field">
          <span className="form-field__label">{t('team.role')}</span>
          <select
            className="form-field__input"
            data-testid={`${testId}-role`}
            value={role}
            onChange={(event) => setRole(event.target.value as StaffRole)}
          >
            <option value="cashier">{t('role.cashier')}</option>
            <option value="manager">{t('role.manager')}</option>
          </select>
        </label>
      )}
      <label className="form-field">
        <span className="form-field__label">{t('team.pin')}</span>
        <PinInput data-testid={`${testId}-pin`} value={pin} onChange={setPin} />
      </label>
      <label className="form-field">
        <span className="form-field__label">{t('team.pin_again')}</span>
        <PinInput data-testid={`${testId}-pin-again`} value={again} onChange={setAgain} />
      </label>
      <button type="submit" className="button button--primary" data-testid={`${testId}-submit`} disabled={!ready}>
        {submitLabel}
      </button>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}

function IdleForm() {
  const { t } = useTranslation('ui');
  const api = useApi();
  const { session } = useStaff();
  const [minutes, setMinutes] = useState(String(session.idleMinutes));
  const [note, setNote] = useState<string | null>(null);

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    const result = await api.call('staff.settings.set', { idleMinutes: Number(minutes) });
    setNote(result.ok ? t('team.idle_saved') : result.error.message);
  }

  const value = Number(minutes);
  const valid = Number.isInteger(value) && value >= IDLE_MINUTES_MIN && value <= IDLE_MINUTES_MAX;
  return (
    <form className="team-idle" onSubmit={(event) => void submit(event)}>
      <label>
        {t('team.idle')}{' '}
        <input
          data-testid="team-idle-minutes"
          type="number"
          min={IDLE_MINUTES_MIN}
          max={IDLE_MINUTES_MAX}
          className="form-field__input form-field__input--short"
          value={minutes}
          onChange={(event) => {
            setNote(null);
            setMinutes(event.target.value);
          }}
        />{' '}
        {t('team.idle_unit')}
      </label>{' '}
      <button type="submit" className="button button--secondary button--small" disabled={!valid}>
        {t('team.idle_save')}
      </button>
      {note && <span role="status"> {note}</span>}
    </form>
  );
}

/** A PIN field: digits only (anything else typed is dropped), six at most, never shown, never autofilled. */
function PinInput({
  value,
  onChange,
  ...rest
}: Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'type'> & {
  value: string;
  onChange: (pin: string) => void;
}) {
  return (
    <input
      {...rest}
      type="password"
      inputMode="numeric"
      autoComplete="new-password"
      className="form-field__input form-field__input--short"
      value={value}
      onChange={(event) => onChange(event.target.value.replace(/\D/g, '').slice(0, 6))}
    />
  );
}
