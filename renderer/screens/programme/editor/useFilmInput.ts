import { useState } from 'react';

/** A film's own fields as typed: the duration stays text until it is checked. */
export interface FilmText {
  name: string;
  description: string;
  duration: string;
  isDuo: boolean;
}

export interface FilmInput {
  values: FilmText;
  set: <K extends keyof FilmText>(field: K, value: FilmText[K]) => void;
  poster: File | null;
  setPoster: (file: File | null) => void;
  /** Changes when the chosen poster is dropped, so the file field is drawn empty again. */
  posterFieldKey: number;
  clearPoster: () => void;
  /** The duration in minutes; undefined when left empty, NaN when it is not 1 to 1000 whole minutes. */
  minutes: number | undefined;
  isDurationValid: boolean;
  /** A name, and a duration that is empty or valid (the contract's filmFields). */
  isValid: boolean;
}

export function useFilmInput(initial: FilmText): FilmInput {
  const [values, setValues] = useState(initial);
  const [poster, setPoster] = useState<File | null>(null);
  const [posterFieldKey, setPosterFieldKey] = useState(0);
  const typed = values.duration.trim();
  const minutes = typed === '' ? undefined : /^\d{1,4}$/.test(typed) ? Number(typed) : Number.NaN;
  const isDurationValid = minutes === undefined || (minutes >= 1 && minutes <= 1000);
  return {
    values,
    set: (field, value) => setValues((current) => ({ ...current, [field]: value })),
    poster,
    setPoster,
    posterFieldKey,
    clearPoster() {
      setPoster(null);
      setPosterFieldKey((key) => key + 1);
    },
    minutes,
    isDurationValid,
    isValid: values.name.trim().length > 0 && isDurationValid,
  };
}
