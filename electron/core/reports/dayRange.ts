/** A calendar day of the venue's zone as a UTC range, and "today" there. */
import { TZDate } from '@date-fns/tz';
import { addDays } from 'date-fns';
import { dayInZone } from '../../../shared/dates';

export function dayRange(day: string, timeZone: string): { from: string; to: string } {
  const [year, month, date] = day.split('-').map(Number);
  const start = new TZDate(year!, month! - 1, date!, timeZone);
  return { from: new Date(start.getTime()).toISOString(), to: new Date(addDays(start, 1).getTime()).toISOString() };
}

export function todayIn(timeZone: string, now: Date): string {
  return dayInZone(now.toISOString(), timeZone);
}
