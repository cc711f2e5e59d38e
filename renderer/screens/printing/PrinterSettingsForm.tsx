import { useCallback, useState, type FormEvent } from 'react';
import { useTranslation } from '../../i18n';
import type { PrintingSettingsView } from '../../../shared/contract';
import { LoadState } from '../../components/LoadState';
import { useApi } from '../../context/coreContext';
import { useLoadedEnvelope } from '../../hooks/coreData';
import { choiceOfSpec, specOfChoice, type PrinterChoice } from './printerChoice';
import { PrinterChoiceFields } from './PrinterChoiceFields';

/** Which printer, paper, commands, code page, how the name is printed, and whether to print on each validation. */
export function PrinterSettingsForm() {
  const { t } = useTranslation('ui');
  const api = useApi();
  const load = useCallback(() => api.call('printer.settings.get', {}), [api]);
  const [attempt, setAttempt] = useState(0);
  const { envelope } = useLoadedEnvelope(load, String(attempt));

  return (
    <LoadState envelope={envelope} errorLayout="line" errorClassName="printing__message printing__message--error">
      {(loaded) => (
        <SettingsFields
          key={attempt}
          initial={loaded.settings}
          defaultPrinter={loaded.saved ? null : loaded.defaultPrinterLabel}
          systemPrinting={loaded.systemPrinting}
          onSaved={() => setAttempt((n) => n + 1)}
          saveLabel={t('printing.settings.save')}
        />
      )}
    </LoadState>
  );
}

interface SettingsFieldsProps {
  initial: PrintingSettingsView;
  defaultPrinter: string | null;
  systemPrinting: boolean;
  onSaved: () => void;
  saveLabel: string;
}

function SettingsFields({ initial, defaultPrinter, systemPrinting, onSaved, saveLabel }: SettingsFieldsProps) {
  const { t } = useTranslation('ui');
  const api = useApi();
  const [settings, setSettings] = useState(initial);
  const [choice, setChoice] = useState<PrinterChoice>(() => choiceOfSpec(initial.printer));
  const [message, setMessage] = useState<{ text: string; isError: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const update = (patch: Partial<PrintingSettingsView>) => setSettings((current) => ({ ...current, ...patch }));

  async function save(event: FormEvent): Promise<void> {
    event.preventDefault();
    setBusy(true);
    const envelope = await api.call('printer.settings.set', { ...settings, printer: specOfChoice(choice) });
    setBusy(false);
    if (!envelope.ok) {
      setMessage({ text: envelope.error.message, isError: true });
      return;
    }
    setMessage({ text: t('printing.settings.saved'), isError: false });
    onSaved();
  }

  return (
    // noValidate: the browser would word its number checks in its own language; the engine answers in French.
    <form className="printer-form" data-testid="printer-settings" noValidate onSubmit={(event) => void save(event)}>
      <PrinterChoiceFields choice={choice} systemPrinting={systemPrinting} onChange={setChoice} />
      {defaultPrinter && (
        <p className="printing__note">{t('printing.settings.default_printer', { printer: defaultPrinter })}</p>
      )}
      <fieldset>
        <legend>{t('printing.settings.paper')}</legend>
        {([58, 80] as const).map((width) => (
          <label key={width} className="printer-form__choice">
            <input
              type="radio"
              name="paper"
              checked={settings.paperWidth === width}
              onChange={() => update({ paperWidth: width })}
            />
            {t('printing.settings.paper_width', { width })}
          </label>
        ))}
      </fieldset>
      <div>
        <label htmlFor="printer-dialect">{t('printing.settings.dialect')}</label>
        <select
          id="printer-dialect"
          value={settings.dialect}
          onChange={(event) => update({ dialect: event.target.value === 'star' ? 'star' : 'epson' })}
        >
          <option value="epson">{t('printing.settings.dialect_epson')}</option>
          <option value="star">{t('printing.settings.dialect_star')}</option>
        </select>
      </div>
      <div>
        <label htmlFor="printer-code-page">{t('printing.settings.code_page')}</label>
        <select
          id="printer-code-page"
          value={settings.codePage}
          onChange={(event) => update({ codePage: event.target.value === 'PC858_EURO' ? 'PC858_EURO' : 'WPC1252' })}
        >
          <option value="WPC1252">{t('printing.settings.code_page_wpc1252')}</option>
          <option value="PC858_EURO">{t('printing.settings.code_page_pc858')}</option>
        </select>
      </div>
      <fieldset>
        <legend>{t('printing.settings.name_format')}</legend>
        {(['full', 'initials'] as const).map((format) => (
          <label key={format} className="printer-form__choice">
            <input
              type="radio"
              name="name-format"
              data-testid={`name-format-${format}`}
              checked={settings.nameFormat === format}
              onChange={() => update({ nameFormat: format })}
            />
            {t(`printing.settings.name_${format}`)}
          </label>
        ))}
      </fieldset>
      <label className="printer-form__choice">
        <input
          type="checkbox"
          data-testid="auto-print"
          checked={settings.autoPrint}
          onChange={(event) => update({ autoPrint: event.target.checked })}
        />
        {t('printing.settings.auto_print')}
      </label>
      <div className="printing__row">
        <button type="submit" className="button button--primary" data-testid="save-printer" disabled={busy}>
          {saveLabel}
        </button>
      </div>
      {message && (
        <p
          className={message.isError ? 'printing__message printing__message--error' : 'printing__message'}
          role="status"
        >
          {message.text}
        </p>
      )}
    </form>
  );
}
