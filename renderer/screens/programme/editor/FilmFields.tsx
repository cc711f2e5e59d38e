import { useTranslation } from 'react-i18next';
import type { FilmInput } from './useFilmInput';

/** A film's own fields (name ≤ 90, description, duration, DUO, poster 2:3), for publishing it and editing it. */
export function FilmFields({ film, autoFocus = false }: { film: FilmInput; autoFocus?: boolean }) {
  const { t } = useTranslation('ui');
  const { values, set } = film;
  return (
    <>
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
        {t('programme_editor.duration_label')}
        <input
          data-testid="film-duration"
          inputMode="numeric"
          value={values.duration}
          onChange={(event) => set('duration', event.target.value)}
        />
      </label>
      {!film.isDurationValid && (
        <p role="alert" className="form-problem" data-testid="duration-problem">
          {t('programme_editor.duration_problem')}
        </p>
      )}
      <label className="checkbox-field">
        <input type="checkbox" checked={values.isDuo} onChange={(event) => set('isDuo', event.target.checked)} />
        {t('programme_editor.duo_label')}
      </label>
      <label>
        {t('programme_editor.poster_label')}
        <input
          key={film.posterFieldKey}
          type="file"
          accept="image/png,image/jpeg"
          data-testid="film-poster"
          onChange={(event) => film.setPoster(event.target.files?.[0] ?? null)}
        />
      </label>
    </>
  );
}
