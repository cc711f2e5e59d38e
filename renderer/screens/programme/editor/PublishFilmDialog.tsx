import { useState } from 'react';
import { useTranslation } from '../../../i18n';
import { CINEMA_CATEGORY, eventCategoryLabel } from '../../../../shared/eventCategories';
import { dayInZone } from '../../../../shared/dates';
import { useApi, useVenueTimeZone } from '../../../context/coreContext';
import { DateField, TimeField } from '../../../forms/DateTimeFields';
import { useNow } from '../../../hooks/pageHooks';
import { base64Of, EditorDialog, FilmFields, useFilmInput } from './FilmFields';
import {
  checkSeance,
  missingItems,
  nextSeanceDraft,
  sentence,
  type CheckedSeance,
  type SeanceDraft,
} from './formValues';
import { TariffFields, useTariffInput } from './TariffFields';
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
    {
      name: film.values.name,
      durationProblem: film.durationProblem,
      videoProblem: film.videoProblem,
      posterProblem: film.poster?.problem ?? null,
    },
    tariff.check,
    checked.map((row) => row.check),
  ).map((item) => t(`programme_editor.missing.${item.key}`, 'number' in item ? { number: item.number } : {}));

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

interface NewSeancesFieldsProps {
  rows: readonly { draft: SeanceDraft; check: CheckedSeance }[];
  onAdd: () => void;
  onChange: (key: number, change: Partial<Omit<SeanceDraft, 'key'>>) => void;
  onRemove: (key: number) => void;
}

/** The first séances of a film being published: day, time (venue's), pass Culture seats, one line each. */
function NewSeancesFields({ rows, onAdd, onChange, onRemove }: NewSeancesFieldsProps) {
  const { t } = useTranslation('ui');
  return (
    <fieldset className="new-seances" data-testid="new-seances">
      <legend>{t('programme_editor.new_seances_title')}</legend>
      {rows.length === 0 && <p className="new-seances__empty">{t('programme_editor.new_seances_empty')}</p>}
      <ol className="new-seances__list">
        {rows.map(({ draft, check }, index) => (
          <li key={draft.key} className="new-seances__row" data-testid="new-seance">
            <span className="new-seances__number">{index + 1}</span>
            <DateField
              label={t('programme_editor.day_label')}
              value={draft.day}
              onChange={(day) => onChange(draft.key, { day })}
              testId="new-seance-day"
              required
            />
            <TimeField
              label={t('programme_editor.time_label')}
              value={draft.time}
              onChange={(time) => onChange(draft.key, { time })}
              testId="new-seance-time"
              required
            />
            <label>
              {t('programme_editor.new_seance_seats_label')}
              <input
                data-testid="new-seance-seats"
                inputMode="numeric"
                value={draft.seats}
                placeholder={t('programme_editor.unlimited')}
                onChange={(event) => onChange(draft.key, { seats: event.target.value })}
              />
            </label>
            <button
              type="button"
              className="button button--secondary"
              data-testid="new-seance-remove"
              aria-label={t('programme_editor.new_seance_remove_label', { number: index + 1 })}
              onClick={() => onRemove(draft.key)}
            >
              {t('programme_editor.new_seance_remove')}
            </button>
            {!check.ok && check.problem === 'past' && check.detail && (
              <p role="alert" className="form-problem" data-testid="new-seance-problem">
                {sentence(check.detail)}
              </p>
            )}
          </li>
        ))}
      </ol>
      <button type="button" className="button button--secondary" data-testid="new-seance-add" onClick={onAdd}>
        {t('programme_editor.new_seance_add')}
      </button>
    </fieldset>
  );
}

/** The séances typed in the publish form: a new row takes the last one's time, the day after. */
function useNewSeances(defaultSeats: string) {
  const [rows, setRows] = useState<SeanceDraft[]>([]);
  const [nextKey, setNextKey] = useState(1);
  return {
    rows,
    add(today: string) {
      setRows([...rows, nextSeanceDraft(rows, nextKey, today, defaultSeats)]);
      setNextKey(nextKey + 1);
    },
    update(key: number, change: Partial<Omit<SeanceDraft, 'key'>>) {
      setRows((current) => current.map((row) => (row.key === key ? { ...row, ...change } : row)));
    },
    remove(key: number) {
      setRows((current) => current.filter((row) => row.key !== key));
    },
  };
}
