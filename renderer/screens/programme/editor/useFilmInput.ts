import { useRef, useState } from 'react';
import { durationProblem, videoUrlProblem } from '../../../../shared/filmRules';
import { posterBytesProblem } from '../../../../shared/poster';

/** A film's own fields as typed: the duration and the trailer stay text until they are checked. */
export interface FilmText {
  name: string;
  description: string;
  duration: string;
  isDuo: boolean;
  videoUrl: string;
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
  const typed = values.duration.trim();
  const minutes = typed === '' ? undefined : /^\d{1,6}$/.test(typed) ? Number(typed) : Number.NaN;
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
