const formatters = new Map<string, Intl.DateTimeFormat>();

/** "20:31:07" in the venue's zone, for the journal (shared/dates stops at minutes). */
export function formatClockTime(isoUtc: string, timeZone: string): string {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('fr-FR', {
      timeZone,
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter.format(new Date(isoUtc));
}
