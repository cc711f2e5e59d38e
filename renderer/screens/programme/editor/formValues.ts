/**
 * The programme editor's forms as values: euros typed with a comma or a point → cents, seats → a count or unlimited,
 * a tariff or a séance checked as the core will check it, what still stops "Publier", and only what changed in a
 * film or a tariff. Pure: no React, tested under Node.
 */
import type { CallInput, EditableOffer } from '../../../../shared/contract';
import { seanceStartProblem } from '../../../../shared/seanceTime';
import { tariffWithLabel } from '../../../../shared/tariffLabels';
import { addDays } from '../../../format/dates';

/** The platform's highest tariff: 300 € (PriceCategoryCreation `price` ≤ 30000 cents). */
const MAX_TARIFF_CENTS = 30_000;

/** "5,50", "5.5", "5" → 550; null when it is not an amount. */
export function centsOf(text: string): number | null {
  const match = /^\s*(\d{1,3})(?:[.,](\d{1,2}))?\s*€?\s*$/.exec(text);
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '0').padEnd(2, '0'));
}

/** 550 → "5,50": an amount as the manager types it back. */
export function amountText(cents: number): string {
  return `${Math.floor(cents / 100)},${String(cents % 100).padStart(2, '0')}`;
}

/** "" → unlimited (null); a whole number ≥ 0 → itself; anything else → undefined (invalid). */
export function seatsOf(text: string): number | null | undefined {
  if (text.trim() === '') return null;
  return /^\s*\d{1,6}\s*$/.test(text) ? Number(text) : undefined;
}

/** A film's duration as typed: undefined when left empty, NaN when it is not a whole number of minutes. */
export function minutesOf(text: string): number | undefined {
  const typed = text.trim();
  if (typed === '') return undefined;
  return /^\d{1,6}$/.test(typed) ? Number(typed) : Number.NaN;
}

/** A message of the shared catalogue ("la séance … serait déjà commencée") as a sentence on its own. */
export function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Why a tariff typed in a form cannot be sent, as a key of `programme_editor.tariff_problem`. */
export type TariffProblem = 'label_empty' | 'label_taken' | 'price_invalid' | 'price_too_high';

export type CheckedTariff =
  { ok: true; label: string; priceCents: number } | { ok: false; problem: TariffProblem; takenLabel?: string };

/**
 * A tariff's label and price as typed, checked as the core will check them: a label, no other tariff of the
 * film with that label (`exceptId`: the one being edited), 0 to 300 €.
 */
export function checkedTariff(
  labelText: string,
  priceText: string,
  others: readonly { id: number; label: string }[],
  exceptId?: number,
): CheckedTariff {
  const label = labelText.trim();
  if (label === '') return { ok: false, problem: 'label_empty' };
  const twin = tariffWithLabel(others, label, exceptId);
  if (twin) return { ok: false, problem: 'label_taken', takenLabel: twin.label };
  const priceCents = centsOf(priceText);
  if (priceCents === null) return { ok: false, problem: 'price_invalid' };
  if (priceCents > MAX_TARIFF_CENTS) return { ok: false, problem: 'price_too_high' };
  return { ok: true, label, priceCents };
}

export type TariffChange = { label?: string | undefined; priceCents?: number | undefined };

/** What a tariff's row would send: only what differs from the tariff, null when nothing does (or it is invalid). */
export function tariffChange(tariff: { label: string; priceCents: number }, check: CheckedTariff): TariffChange | null {
  if (!check.ok) return null;
  const change = {
    label: check.label !== tariff.label ? check.label : undefined,
    priceCents: check.priceCents !== tariff.priceCents ? check.priceCents : undefined,
  };
  return change.label !== undefined || change.priceCents !== undefined ? change : null;
}

/** A film's own fields as typed: the duration and the trailer stay text until they are checked. */
export interface FilmText {
  name: string;
  description: string;
  duration: string;
  isDuo: boolean;
  videoUrl: string;
}

type OwnFields = Pick<EditableOffer, 'name' | 'description' | 'durationMinutes' | 'isDuo' | 'videoUrl'>;

/** A published film's fields as the edit form starts with them. */
export function filmText(offer: OwnFields): FilmText {
  return {
    name: offer.name,
    description: offer.description ?? '',
    // 0 is how some answers say "no duration" (the sandbox's, for one): shown empty, left as it is.
    duration: offer.durationMinutes ? String(offer.durationMinutes) : '',
    isDuo: offer.isDuo,
    videoUrl: offer.videoUrl ?? '',
  };
}

export type FilmChange = Omit<CallInput<'programme.offer.update'>, 'offerId'>;

/** What editing a film sends: only the fields that changed (undefined: left as they are). */
export function filmChange(offer: OwnFields, values: FilmText): FilmChange {
  const name = values.name.trim();
  const description = values.description.trim();
  const videoUrl = values.videoUrl.trim();
  const minutes = minutesOf(values.duration);
  return {
    name: name !== offer.name ? name : undefined,
    description: description !== (offer.description ?? '') ? description : undefined,
    // An emptied duration is left as it was: programme.offer.update has no way to clear one.
    durationMinutes: minutes !== undefined && minutes !== offer.durationMinutes ? minutes : undefined,
    isDuo: values.isDuo !== offer.isDuo ? values.isDuo : undefined,
    // An emptied trailer link removes the trailer (null), as pass Culture's `videoUrl: null` does.
    videoUrl: videoUrl === (offer.videoUrl ?? '') ? undefined : videoUrl === '' ? null : videoUrl,
  };
}

/** A séance row of the publish form, as typed: day and time null while they cannot be read. */
export interface SeanceDraft {
  key: number;
  day: string | null;
  time: string | null;
  seats: string;
}

/** A row checked: ready to send, or what is missing or wrong with it (keys of `programme_editor.seance_problem`). */
export type CheckedSeance =
  | { ok: true; day: string; time: string; seats: number | null }
  | { ok: false; problem: 'day' | 'time' | 'seats' | 'past'; detail?: string };

export function checkSeance(draft: SeanceDraft, timeZone: string, nowMs: number): CheckedSeance {
  if (!draft.day) return { ok: false, problem: 'day' };
  if (!draft.time) return { ok: false, problem: 'time' };
  const seats = seatsOf(draft.seats);
  if (seats === undefined) return { ok: false, problem: 'seats' };
  const past = seanceStartProblem(draft.day, draft.time, timeZone, nowMs);
  if (past) return { ok: false, problem: 'past', detail: past };
  return { ok: true, day: draft.day, time: draft.time, seats };
}

/** A new row of the publish form takes the last one's time and seats, the day after (today for the first). */
export function nextSeanceDraft(
  rows: readonly SeanceDraft[],
  key: number,
  today: string,
  defaultSeats: string,
): SeanceDraft {
  const last = rows.at(-1);
  const day = last?.day ? addDays(last.day, 1) : today;
  return { key, day, time: last?.time ?? '20:30', seats: last?.seats ?? defaultSeats };
}

/** What still stops "Publier", as keys of `programme_editor.missing` (a séance's with its number). */
export type MissingItem =
  | { key: 'name' | 'duration' | 'video' | 'poster' | 'tariff_label' | 'tariff_price' }
  | { key: 'seance_day' | 'seance_time' | 'seance_seats' | 'seance_past'; number: number };

export function missingItems(
  film: { name: string; durationProblem: string | null; videoProblem: string | null; posterProblem: string | null },
  tariff: CheckedTariff,
  seances: readonly CheckedSeance[],
): MissingItem[] {
  const items: MissingItem[] = [];
  if (film.name.trim() === '') items.push({ key: 'name' });
  if (film.durationProblem) items.push({ key: 'duration' });
  if (film.videoProblem) items.push({ key: 'video' });
  if (film.posterProblem) items.push({ key: 'poster' });
  if (!tariff.ok) items.push({ key: tariff.problem === 'label_empty' ? 'tariff_label' : 'tariff_price' });
  seances.forEach((check, index) => {
    if (!check.ok) items.push({ key: `seance_${check.problem}`, number: index + 1 });
  });
  return items;
}
