/**
 * The programme editor's building blocks: a film's own fields (publishing one, editing one) with their checks as
 * they are typed, the poster read from its bytes, and the dialog every editor form opens in.
 */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from '../../../i18n';
import { durationProblem, MAX_EVENT_DURATION_MINUTES, videoUrlProblem } from '../../../../shared/filmRules';
import { posterBytesProblem } from '../../../../shared/poster';
import { minutesOf, sentence, type FilmText } from './formValues';

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

/** The poster file chosen, read at once: its preview, and why pass Culture would refuse it (null: it will take it). */
export interface ChosenPoster {
  file: File;
  previewUrl: string;
  problem: string | null;
}

export interface FilmInput {
  values: FilmText;
  set: <K extends keyof FilmText>(field: K, value: FilmText[K]) => void;
  /** The chosen poster, once read; null when none (or while it is being read). */
  poster: ChosenPoster | null;
  choosePoster: (file: File | null) => void;
  /** Changes when the chosen poster is dropped, so the file field is drawn empty again. */
  posterFieldKey: number;
  clearPoster: () => void;
  /** The duration in minutes; undefined when left empty, NaN when it is not a whole number. */
  minutes: number | undefined;
  /** What is wrong with the duration, in French; null when it is empty or valid. */
  durationProblem: string | null;
  /** What is wrong with the trailer link, in French; null when it is empty or valid. */
  videoProblem: string | null;
  /** A name, a duration and a trailer that are empty or valid, and no refused poster. */
  isValid: boolean;
}

/** Reads a chosen file as pass Culture will: format, pixel size and 2:3 from its bytes, weight (shared/poster.ts). */
async function readPoster(file: File): Promise<ChosenPoster> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const problem = posterBytesProblem(bytes);
  const previewUrl = problem === null ? await dataUrlOf(file) : '';
  return { file, previewUrl, problem };
}

/** The CSP allows `data:` images, not `blob:`. */
function dataUrlOf(file: File): Promise<string> {
  return new Promise((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : '');
    reader.onerror = () => resolve('');
    reader.readAsDataURL(file);
  });
}

export function useFilmInput(initial: FilmText): FilmInput {
  const [values, setValues] = useState(initial);
  const [poster, setPoster] = useState<ChosenPoster | null>(null);
  const [posterFieldKey, setPosterFieldKey] = useState(0);
  // Only the last file chosen counts, whichever finishes reading first.
  const lastChoice = useRef(0);
  const minutes = minutesOf(values.duration);
  const durationText = minutes === undefined ? null : durationProblem(minutes);
  const videoUrl = values.videoUrl.trim();
  const videoProblem = videoUrl === '' ? null : videoUrlProblem(videoUrl);
  return {
    values,
    set: (field, value) => setValues((current) => ({ ...current, [field]: value })),
    poster,
    choosePoster(file) {
      const choice = ++lastChoice.current;
      setPoster(null);
      if (file) {
        void readPoster(file).then((read) => {
          if (choice === lastChoice.current) setPoster(read);
        });
      }
    },
    posterFieldKey,
    clearPoster() {
      lastChoice.current += 1;
      setPoster(null);
      setPosterFieldKey((key) => key + 1);
    },
    minutes,
    durationProblem: durationText,
    videoProblem,
    isValid: values.name.trim().length > 0 && durationText === null && videoProblem === null && !poster?.problem,
  };
}

/**
 * A poster file as base64 (without the data: prefix); the core checks its format and 2:3 ratio. The browser's
 * own encoder (FileReader): a binary string handed to btoa took 200 ms for a 2 MB poster, this 92 ms (medians of
 * 9 in headless Chromium), the same text.
 */
export function base64Of(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = typeof reader.result === 'string' ? reader.result : '';
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('poster unreadable'));
    reader.readAsDataURL(file);
  });
}

interface EditorDialogProps {
  title: string;
  testId: string;
  onClose: () => void;
  children: ReactNode;
}

/**
 * A modal form for programme editing: a native <dialog> (focus trapped, page behind inert). Escape closes it and
 * goes no further, so the Programme screen does not also go back.
 */
export function EditorDialog({ title, testId, onClose, children }: EditorDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  return (
    <dialog
      ref={ref}
      className="confirm-dialog editor-dialog"
      aria-labelledby={`${testId}-title`}
      data-testid={testId}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.preventDefault();
        event.stopPropagation();
        onClose();
      }}
    >
      <div className="confirm-dialog__content">
        <h2 id={`${testId}-title`} className="confirm-dialog__title">
          {title}
        </h2>
        {children}
      </div>
    </dialog>
  );
}
