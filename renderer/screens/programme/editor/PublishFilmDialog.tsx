import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CINEMA_CATEGORY, eventCategoryLabel } from '../../../../shared/eventCategories';
import { dayInZone } from '../../../../shared/dates';
import { useVenueTimeZone } from '../../../context/appInfoContext';
import { useApi } from '../../../context/coreContext';
import { useNow } from '../../../hooks/useNow';
import { EditorDialog } from './EditorDialog';
import { FilmFields } from './FilmFields';
import { base64Of } from './formValues';
import { NewSeancesFields } from './NewSeancesFields';
import { TariffFields } from './TariffFields';
import { useFilmInput, type FilmInput } from './useFilmInput';
import { checkSeance, useNewSeances, type CheckedSeance } from './useNewSeances';
import { useTariffInput, type TariffInput } from './useTariffInput';
import '../programme-editor.css';

/** What the film is published with, said to the manager when the film opens. */
export interface PublishOutcome {
  offerId: number;
  /** French: done with N séances, or the séances pass Culture refused (the film itself is published). */
  notice: { error: boolean; text: string };
}

interface PublishFilmDialogProps {
  onClose: () => void;
  /** The film is on pass Culture: the caller opens it (to add or check séances). */
  onPublished: (outcome: PublishOutcome) => void;
}

/** What still stops "Publier", in the manager's words, in the order of the form. */
function missingItems(
  film: FilmInput,
  tariff: TariffInput,
  seances: readonly CheckedSeance[],
  t: (key: string, params?: Record<string, unknown>) => string,
): string[] {
  const items: string[] = [];
  if (film.values.name.trim() === '') items.push(t('programme_editor.missing.name'));
  if (film.durationProblem) items.push(t('programme_editor.missing.duration'));
  if (film.videoProblem) items.push(t('programme_editor.missing.video'));
  if (film.poster?.problem) items.push(t('programme_editor.missing.poster'));
  if (!tariff.check.ok) {
    const problem = tariff.check.problem;
    items.push(t(`programme_editor.missing.tariff_${problem === 'label_empty' ? 'label' : 'price'}`));
  }
  seances.forEach((check, index) => {
    if (!check.ok) items.push(t(`programme_editor.missing.seance_${check.problem}`, { number: index + 1 }));
  });
  return items;
}

/**
 * A new film on pass Culture (event offer SEANCE_CINE): name ≤ 90, description, duration, DUO, trailer, tariff,
 * poster 2:3, and its first séances. What is missing or wrong is listed by the button, before anything is sent.
 */
export function PublishFilmDialog({ onClose, onPublished }: PublishFilmDialogProps) {
  const { t } = useTranslation('ui');
  const api = useApi();
  const timeZone = useVenueTimeZone();
  const now = useNow(30_000);
  const film = useFilmInput({ name: '', description: '', duration: '', isDuo: true, videoUrl: '' });
  const tariff = useTariffInput({ label: t('programme_editor.default_tariff'), price: '' }, []);
  const seances = useNewSeances('20');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [triedToPublish, setTriedToPublish] = useState(false);
  const checked = seances.rows.map((draft) => ({ draft, check: checkSeance(draft, timeZone, now.getTime()) }));
  const missing = missingItems(
    film,
    tariff,
    checked.map((row) => row.check),
    t,
  );

  async function publish(): Promise<void> {
    setTriedToPublish(true);
    if (missing.length > 0 || !tariff.check.ok) return;
    const ready = checked.flatMap(({ check }) => (check.ok ? [check] : []));
    setBusy(true);
    setError(null);
    const { values, poster } = film;
    const videoUrl = values.videoUrl.trim();
    const result = await api.call('programme.offer.create', {
      name: values.name.trim(),
      description: values.description.trim() || undefined,
      durationMinutes: film.minutes,
      isDuo: values.isDuo,
      videoUrl: videoUrl || undefined,
      priceCategories: [{ label: tariff.check.label, priceCents: tariff.check.priceCents }],
      poster: poster ? { base64: await base64Of(poster.file) } : undefined,
      seances: ready.map(({ day, time, seats }) => ({ day, time, seats, tariffIndex: 0 })),
    });
    setBusy(false);
    if (!result.ok) return setError(result.error.message);
    const { offerId, seancesRefused, seances: published } = result.value;
    onPublished({
      offerId,
      notice: seancesRefused
        ? { error: true, text: t('programme_editor.published_without_seances', { reason: seancesRefused }) }
        : { error: false, text: t('programme_editor.published', { count: published.length }) },
    });
  }

  return (
    <EditorDialog title={t('programme_editor.publish_title')} testId="publish-film" onClose={onClose}>
      <form
        className="film-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void publish();
        }}
      >
        <FilmFields film={film} autoFocus categoryLabel={eventCategoryLabel(CINEMA_CATEGORY)} />
        <TariffFields
          tariff={tariff}
          showProblem={tariff.price !== '' || triedToPublish}
          testIds={{ label: 'film-tariff-label', price: 'film-price' }}
        />
        <NewSeancesFields
          rows={checked}
          onAdd={() => seances.add(dayInZone(now.toISOString(), timeZone))}
          onChange={seances.update}
          onRemove={seances.remove}
        />
        {error && (
          <p role="alert" className="form-problem" data-testid="editor-message">
            {error}
          </p>
        )}
        {missing.length > 0 && (
          <p
            id="publish-missing"
            role={triedToPublish ? 'alert' : 'status'}
            className={triedToPublish ? 'publish-missing publish-missing--tried' : 'publish-missing'}
            data-testid="publish-missing"
          >
            {t('programme_editor.missing.intro', { items: missing.join(' ; ') })}
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
            disabled={busy}
            aria-describedby={missing.length > 0 ? 'publish-missing' : undefined}
          >
            {busy ? t('programme_editor.publishing') : t('programme_editor.publish')}
          </button>
        </div>
      </form>
    </EditorDialog>
  );
}
