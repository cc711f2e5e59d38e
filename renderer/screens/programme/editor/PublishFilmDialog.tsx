import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../../context/coreContext';
import { EditorDialog } from './EditorDialog';
import { FilmFields } from './FilmFields';
import { base64Of } from './formValues';
import { TariffFields } from './TariffFields';
import { useFilmInput } from './useFilmInput';
import { useTariffInput } from './useTariffInput';

interface PublishFilmDialogProps {
  onClose: () => void;
  /** The film is on pass Culture: the caller opens it to add séances. */
  onPublished: (offerId: number) => void;
}

/** A new film on pass Culture (event offer SEANCE_CINE): name ≤ 90, description, duration, DUO, tariff, poster 2:3. */
export function PublishFilmDialog({ onClose, onPublished }: PublishFilmDialogProps) {
  const { t } = useTranslation('ui');
  const api = useApi();
  const film = useFilmInput({ name: '', description: '', duration: '', isDuo: true });
  const tariff = useTariffInput({ label: t('programme_editor.default_tariff'), price: '' }, []);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const valid = film.isValid && tariff.check.ok;

  async function publish(): Promise<void> {
    if (!film.isValid || !tariff.check.ok) return;
    setBusy(true);
    const { values, poster } = film;
    const result = await api.call('programme.offer.create', {
      name: values.name.trim(),
      description: values.description.trim() || undefined,
      durationMinutes: film.minutes,
      isDuo: values.isDuo,
      priceCategories: [{ label: tariff.check.label, priceCents: tariff.check.priceCents }],
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
        <FilmFields film={film} autoFocus />
        <TariffFields
          tariff={tariff}
          showProblem={tariff.price !== ''}
          testIds={{ label: 'film-tariff-label', price: 'film-price' }}
        />
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
