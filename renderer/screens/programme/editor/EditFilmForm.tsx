import { useTranslation } from 'react-i18next';
import type { CallInput, EditableOffer } from '../../../../shared/contract';
import { FilmFields } from './FilmFields';
import { base64Of } from './formValues';
import { useFilmInput } from './useFilmInput';

export type FilmChange = Omit<CallInput<'programme.offer.update'>, 'offerId'>;

interface EditFilmFormProps {
  offer: EditableOffer;
  busy: boolean;
  /** Resolves true once pass Culture has the change. */
  onSave: (change: FilmChange) => Promise<boolean>;
}

/** The own fields of a film this key published, folded away until asked for; only what changed is sent. */
export function EditFilmForm({ offer, busy, onSave }: EditFilmFormProps) {
  const { t } = useTranslation('ui');
  const film = useFilmInput({
    name: offer.name,
    description: offer.description ?? '',
    // 0 is how some answers say "no duration" (the sandbox's, for one): shown empty, left as it is.
    duration: offer.durationMinutes ? String(offer.durationMinutes) : '',
    isDuo: offer.isDuo,
    videoUrl: offer.videoUrl ?? '',
  });
  const name = film.values.name.trim();
  const description = film.values.description.trim();
  const videoUrl = film.values.videoUrl.trim();
  const change: FilmChange = {
    name: name !== offer.name ? name : undefined,
    description: description !== (offer.description ?? '') ? description : undefined,
    // An emptied duration is left as it was: programme.offer.update has no way to clear one.
    durationMinutes: film.minutes !== undefined && film.minutes !== offer.durationMinutes ? film.minutes : undefined,
    isDuo: film.values.isDuo !== offer.isDuo ? film.values.isDuo : undefined,
    // An emptied trailer link removes the trailer (null), as pass Culture's `videoUrl: null` does.
    videoUrl: videoUrl === (offer.videoUrl ?? '') ? undefined : videoUrl === '' ? null : videoUrl,
  };
  const isChanged = Object.values(change).some((value) => value !== undefined) || film.poster !== null;

  async function save(): Promise<void> {
    const poster = film.poster ? { base64: await base64Of(film.poster.file) } : undefined;
    if (await onSave({ ...change, poster })) film.clearPoster();
  }

  return (
    <details className="film-editor" data-testid="edit-film">
      <summary data-testid="edit-film-open">{t('programme_editor.edit_film')}</summary>
      <form
        className="film-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (film.isValid && isChanged) void save();
        }}
      >
        <FilmFields film={film} />
        <button
          type="submit"
          className="button button--primary"
          data-testid="edit-film-submit"
          disabled={busy || !film.isValid || !isChanged}
        >
          {t('programme_editor.save_film')}
        </button>
      </form>
    </details>
  );
}
