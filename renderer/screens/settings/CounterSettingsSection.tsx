import { useState, type FormEvent } from 'react';
import { useTranslation } from '../../i18n';
import type { CounterSettings } from '../../../shared/contract';
import { MAX_WINDOW_MINUTES } from '../../../shared/seanceWindow';
import { useApi } from '../../context/coreContext';
import { useCounterSettings } from '../../context/counterSettingsContext';
import { playVerdictSound, type VerdictSound } from '../../sounds/webAudio';
import { SettingsSection } from './SettingsSection';
import { windowMinutes } from './settingsValues';

const SOUNDS: readonly VerdictSound[] = ['valid', 'validated', 'warning', 'refused', 'not_countermark'];

/** Réglages → Guichet: the séance window the engine applies, and the verdict sounds (volume, mute, try them). */
export function CounterSettingsSection() {
  const { t } = useTranslation('ui');
  const api = useApi();
  const settings = useCounterSettings();
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  async function save(change: Partial<CounterSettings>): Promise<boolean> {
    const result = await api.call('counter.settings.set', change);
    setError(result.ok ? null : result.error.message);
    return result.ok;
  }

  return (
    <SettingsSection id="counter" title={t('counter_settings.title')} description={t('counter_settings.description')}>
      <WindowForm
        key={`${settings.seanceWindow.beforeMinutes}-${settings.seanceWindow.afterMinutes}`}
        window={settings.seanceWindow}
        saved={saved}
        onSave={async (seanceWindow) => setSaved(await save({ seanceWindow }))}
        onEdit={() => setSaved(false)}
      />
      <fieldset className="form-group">
        <legend className="form-group__legend">{t('counter_settings.sound_title')}</legend>
        <p className="settings-section__description">{t('counter_settings.sound_hint')}</p>
        <label className="checkbox-field">
          <input
            type="checkbox"
            data-testid="sound-enabled"
            checked={settings.sound.enabled}
            onChange={(event) => void save({ sound: { ...settings.sound, enabled: event.target.checked } })}
          />
          {t('counter_settings.sound_enabled')}
        </label>
        <label className="form-field">
          <span className="form-field__label">{t('counter_settings.volume', { volume: settings.sound.volume })}</span>
          <input
            type="range"
            min={0}
            max={100}
            step={5}
            className="form-field__input--short"
            data-testid="sound-volume"
            value={settings.sound.volume}
            disabled={!settings.sound.enabled}
            onChange={(event) => void save({ sound: { ...settings.sound, volume: Number(event.target.value) } })}
          />
        </label>
        <div className="sound-tries" role="group" aria-label={t('counter_settings.try_title')}>
          {SOUNDS.map((sound) => (
            <button
              key={sound}
              type="button"
              className="button button--secondary button--small"
              data-testid={`sound-try-${sound}`}
              onClick={() => playVerdictSound(sound, settings.sound.enabled ? settings.sound.volume : 0)}
            >
              {t('counter_settings.try_title')} : {t(`counter_settings.try.${sound}`)}
            </button>
          ))}
        </div>
      </fieldset>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </SettingsSection>
  );
}

interface WindowFormProps {
  window: CounterSettings['seanceWindow'];
  saved: boolean;
  onSave: (window: CounterSettings['seanceWindow']) => Promise<void>;
  onEdit: () => void;
}

function WindowForm({ window, saved, onSave, onEdit }: WindowFormProps) {
  const { t } = useTranslation('ui');
  const [before, setBefore] = useState(String(window.beforeMinutes));
  const [after, setAfter] = useState(String(window.afterMinutes));
  const [invalid, setInvalid] = useState(false);

  function submit(event: FormEvent): void {
    event.preventDefault();
    const beforeMinutes = windowMinutes(before);
    const afterMinutes = windowMinutes(after);
    setInvalid(beforeMinutes === null || afterMinutes === null);
    if (beforeMinutes !== null && afterMinutes !== null) void onSave({ beforeMinutes, afterMinutes });
  }

  return (
    <form className="form-group" data-testid="seance-window-form" onSubmit={submit} noValidate>
      <p className="form-group__legend">{t('counter_settings.window_title')}</p>
      <p className="settings-section__description">{t('counter_settings.window_hint')}</p>
      <label className="form-field">
        <span className="form-field__label">{t('counter_settings.before')}</span>
        <input
          className="form-field__input form-field__input--short"
          inputMode="numeric"
          data-testid="window-before"
          value={before}
          onChange={(event) => {
            setBefore(event.target.value);
            onEdit();
          }}
        />
      </label>
      <label className="form-field">
        <span className="form-field__label">{t('counter_settings.after')}</span>
        <input
          className="form-field__input form-field__input--short"
          inputMode="numeric"
          data-testid="window-after"
          value={after}
          onChange={(event) => {
            setAfter(event.target.value);
            onEdit();
          }}
        />
      </label>
      {invalid && (
        <p className="form-error" role="alert">
          {t('counter_settings.window_invalid', { max: MAX_WINDOW_MINUTES })}
        </p>
      )}
      <div>
        <button type="submit" className="button button--primary" data-testid="window-save">
          {t('counter_settings.save_window')}
        </button>{' '}
        {saved && <span role="status">{t('counter_settings.saved')}</span>}
      </div>
    </form>
  );
}
