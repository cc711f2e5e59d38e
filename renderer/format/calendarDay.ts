/**
 * Calendar days (YYYY-MM-DD, already in the venue's zone, see shared/dates `dayInZone`): arithmetic and labels.
 * A day is handled as noon UTC, so adding days or naming the weekday never crosses a DST change.
 */
const dayLabel = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'UTC',
  weekday: 'short',
  day: 'numeric',
  month: 'short',
});
const longDayLabel = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'UTC',
  weekday: 'long',
  day: 'numeric',
  month: 'long',
});

function noonUtc(day: string): Date {
  return new Date(`${day}T12:00:00Z`);
}

/** `day` plus `count` days. */
export function addDays(day: string, count: number): string {
  const date = noonUtc(day);
  date.setUTCDate(date.getUTCDate() + count);
  return date.toISOString().slice(0, 10);
}

/** "sam. 29 nov." */
export function formatDayShort(day: string): string {
  return dayLabel.format(noonUtc(day));
}

/** "samedi 29 novembre" */
export function formatDayLong(day: string): string {
  return longDayLabel.format(noonUtc(day));
}
