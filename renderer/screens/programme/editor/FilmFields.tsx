import { useTranslation } from 'react-i18next';
import { MAX_EVENT_DURATION_MINUTES } from '../../../../shared/filmRules';
import { sentence } from './formValues';
import type { FilmInput } from './useFilmInput';

interface FilmFieldsProps {
  film: FilmInput;
  autoFocus?: boolean;
  /** The category the film will have, as pass Culture labels it ("Séance de cinéma"), when publishing it. */
  categoryLabel?: string;
}

/**
 * A film's own fields (name ≤ 90, description, duration under 24 h, DUO, trailer link, poster 2:3), for publishing
 * it and editing it. What pass Culture would refuse is said under the field as soon as it is typed or chosen.
 */
export function FilmFields({ film, autoFocus = false, categoryLabel }: FilmFieldsProps) {
  const { t } = useTranslation('ui');
  const { values, set, poster } = film;
  return (
    <>
      {categoryLabel && (
        <p className="film-form__category" data-testid="film-category">
          {t('programme_editor.category', { label: categoryLabel })}
        </p>
      )}
      <label>
        {t('programme_editor.name_label')}
        <input
          data-testid="film-name"
          required
          maxLength={90}
          autoFocus={autoFocus}
          value={values.name}
          onChange={(event) => set('name', event.target.value)}
        />
      </label>
      <label>
        {t('programme_editor.description_label')}
        <textarea
          data-testid="film-description"
          maxLength={10_000}
          value={values.description}
          onChange={(event) => set('description', event.target.value)}
        />
      </label>
      <label>
        {t('programme_editor.duration_label', { max: MAX_EVENT_DURATION_MINUTES })}
        <input
          data-testid="film-duration"
          inputMode="numeric"
          aria-invalid={film.durationProblem !== null}
          value={values.duration}
          onChange={(event) => set('duration', event.target.value)}
        />
      </label>
      {film.durationProblem && (
        <p role="alert" className="form-problem" data-testid="duration-problem">
          {t('programme_editor.field_problem', {
            field: t('programme_editor.duration'),
            problem: film.durationProblem,
          })}
        </p>
      )}
      <label className="checkbox-field">
        <input type="checkbox" checked={values.isDuo} onChange={(event) => set('isDuo', event.target.checked)} />
        {t('programme_editor.duo_label')}
      </label>
      <label className="film-form__wide">
        {t('programme_editor.video_label')}
        <input
          data-testid="film-video"
          type="url"
          inputMode="url"
          placeholder="https://www.youtube.com/watch?v=…"
          aria-invalid={film.videoProblem !== null}
          value={values.videoUrl}
          onChange={(event) => set('videoUrl', event.target.value)}
        />
      </label>
      {film.videoProblem && (
        <p role="alert" className="form-problem" data-testid="video-problem">
          {sentence(film.videoProblem)}
        </p>
      )}
      <div className="film-form__poster">
        {/* The native file field words its button in the browser's language ("Choose File"): ours is French. */}
        <label className="film-form__file">
          <span>{t('programme_editor.poster_label')}</span>
          <input
            key={film.posterFieldKey}
            className="visually-hidden"
            type="file"
            accept="image/png,image/jpeg"
            data-testid="film-poster"
            onChange={(event) => film.choosePoster(event.target.files?.[0] ?? null)}
          />
          <span className="button button--secondary film-form__file-button" aria-hidden="true">
            {poster ? t('programme_editor.poster_change') : t('programme_editor.poster_choose')}
          </span>
        </label>
        <span className="film-form__file-name" data-testid="poster-name">
          {poster ? poster.file.name : t('programme_editor.poster_none')}
        </span>
        {poster && !poster.problem && poster.previewUrl && (
          <img className="film-form__preview" src={poster.previewUrl} alt={t('programme_editor.poster_preview')} />
        )}
        {poster && (
          <button
            type="button"
            className="button button--secondary"
            data-testid="poster-remove"
            onClick={film.clearPoster}
          >
            {t('programme_editor.poster_remove')}
          </button>
        )}
      </div>
      {poster?.problem && (
        <p role="alert" className="form-problem" data-testid="poster-problem">
          {t('programme_editor.poster_refused', { file: poster.file.name, problem: poster.problem })}
        </p>
      )}
    </>
  );
}
