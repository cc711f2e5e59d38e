import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../../context/coreContext';
import { EditorDialog } from './EditorDialog';
import { base64Of, centsOf } from './formValues';

interface PublishFilmDialogProps {
  onClose: () => void;
  /** The film is on pass Culture: the caller opens it to add séances. */
  onPublished: (offerId: number) => void;
}

/** A new film on pass Culture (event offer SEANCE_CINE): name ≤ 90, description, duration, DUO, tariff, poster 2:3. */
export function PublishFilmDialog({ onClose, onPublished }: PublishFilmDialogProps) {
  const { t } = useTranslation('ui');
  const api = useApi();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [duration, setDuration] = useState('');
  const [isDuo, setIsDuo] = useState(true);
  const [tariffLabel, setTariffLabel] = useState(t('programme_editor.default_tariff'));
  const [tariffPrice, setTariffPrice] = useState('');
  const [poster, setPoster] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const priceCents = centsOf(tariffPrice);
  const minutes = duration.trim() === '' ? undefined : Number(duration);
  const valid =
    name.trim().length > 0 &&
    priceCents !== null &&
    priceCents <= 30_000 &&
    (minutes === undefined || Number.isInteger(minutes));

  async function publish(): Promise<void> {
    if (!valid || priceCents === null) return;
    setBusy(true);
    const result = await api.call('programme.offer.create', {
      name: name.trim(),
      description: description.trim() || undefined,
      durationMinutes: minutes,
      isDuo,
      priceCategories: [{ label: tariffLabel.trim() || t('programme_editor.default_tariff'), priceCents }],
      poster: poster ? { base64: await base64Of(poster) } : undefined,
    });
    setBusy(false);
    if (result.ok) onPublished(result.value.offerId);
    else setError(result.error.message);
  }

  return (
    <EditorDialog title={t('programme_editor.publish_title')} testId="publish-film" onClose={onClose}>
      <form
        className="film-form"
        onSubmit={(event) => {
          event.preventDefault();
          void publish();
        }}
      >
        <label>
          {t('programme_editor.name_label')}
          <input
            data-testid="film-name"
            required
            maxLength={90}
            autoFocus
            value={name}
            onChange={(event) => setName(event.target.value)}
          />
        </label>
        <label>
          {t('programme_editor.description_label')}
          <textarea maxLength={10_000} value={description} onChange={(event) => setDescription(event.target.value)} />
        </label>
        <label>
          {t('programme_editor.duration_label')}
          <input
            data-testid="film-duration"
            inputMode="numeric"
            value={duration}
            onChange={(event) => setDuration(event.target.value)}
          />
        </label>
        <label className="checkbox-field">
          <input type="checkbox" checked={isDuo} onChange={(event) => setIsDuo(event.target.checked)} />
          {t('programme_editor.duo_label')}
        </label>
        <label>
          {t('programme_editor.tariff_name_label')}
          <input maxLength={50} value={tariffLabel} onChange={(event) => setTariffLabel(event.target.value)} />
        </label>
        <label>
          {t('programme_editor.tariff_price_label')}
          <input
            data-testid="film-price"
            inputMode="decimal"
            required
            value={tariffPrice}
            onChange={(event) => setTariffPrice(event.target.value)}
          />
        </label>
        <label>
          {t('programme_editor.poster_label')}
          <input
            type="file"
            accept="image/png,image/jpeg"
            data-testid="film-poster"
            onChange={(event) => setPoster(event.target.files?.[0] ?? null)}
          />
        </label>
        {error && (
          <p role="alert" data-testid="editor-message">
            {error}
          </p>
        )}
        <div className="confirm-dialog__actions">
          <button type="button" className="button button--secondary" onClick={onClose}>
            {t('programme_editor.cancel')}
          </button>
          <button
            type="submit"
            className="button button--primary"
            data-testid="publish-submit"
            disabled={busy || !valid}
          >
            {t('programme_editor.publish')}
          </button>
        </div>
      </form>
    </EditorDialog>
  );
}
