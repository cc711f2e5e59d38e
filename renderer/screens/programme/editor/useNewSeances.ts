import { useState } from 'react';
import { seanceStartProblem } from '../../../../shared/seanceTime';
import { addDays } from '../../../format/calendarDay';
import { seatsOf } from './formValues';

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

/** The séances typed in the publish form: a new row takes the last one's time, the day after. */
export function useNewSeances(defaultSeats: string) {
  const [rows, setRows] = useState<SeanceDraft[]>([]);
  const [nextKey, setNextKey] = useState(1);
  return {
    rows,
    add(today: string) {
      const last = rows.at(-1);
      const day = last?.day ? addDays(last.day, 1) : today;
      setRows([...rows, { key: nextKey, day, time: last?.time ?? '20:30', seats: last?.seats ?? defaultSeats }]);
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
