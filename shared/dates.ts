/**
 * Dates travel and rest in UTC (ISO strings ending in `Z`); they are shown in the venue's time zone.
 * `Intl` carries the IANA zone database in both Node and Chromium, so no library is needed to *display*.
 */
export const DEFAULT_TIME_ZONE = 'Europe/Paris';

/** Overseas départements and collectivités have their own zones (INSEE codes → IANA). */
const ZONE_BY_DEPARTMENT: Record<string, string> = {
  '971': 'America/Guadeloupe',
  '972': 'America/Martinique',
  '973': 'America/Cayenne',
  '974': 'Indian/Reunion',
  '975': 'America/Miquelon',
  '976': 'Indian/Mayotte',
  '977': 'America/St_Barthelemy',
  '978': 'America/Marigot',
  '986': 'Pacific/Wallis',
  '987': 'Pacific/Tahiti',
  '988': 'Pacific/Noumea',
};

/** Time zone of a venue from its département code or postal code (mainland France by default). */
export function timeZoneForPostalCode(code: string | null | undefined): string {
  if (!code) return DEFAULT_TIME_ZONE;
  return ZONE_BY_DEPARTMENT[code.slice(0, 3)] ?? DEFAULT_TIME_ZONE;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = timeZone + JSON.stringify(options);
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat('fr-FR', { timeZone, ...options });
    formatters.set(key, f);
  }
  return f;
}

/** "vendredi 27 novembre à 20:30" in the venue's zone. */
export function formatSeance(isoUtc: string, timeZone: string): string {
  const d = new Date(isoUtc);
  const day = formatter(timeZone, { weekday: 'long', day: 'numeric', month: 'long' }).format(d);
  return `${day} à ${formatTime(isoUtc, timeZone)}`;
}

/** "20:30" in the venue's zone (remembered per minute, see `perMinute`: a verdict's render asks for it). */
export function formatTime(isoUtc: string, timeZone: string): string {
  return perMinute(timesByMinute, isoUtc, timeZone, (date) =>
    formatter(timeZone, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(date),
  );
}

/** "27/11/2026 20:30" in the venue's zone. */
export function formatDateTime(isoUtc: string, timeZone: string): string {
  const d = new Date(isoUtc);
  const date = formatter(timeZone, { day: '2-digit', month: '2-digit', year: 'numeric' }).format(d);
  return `${date} ${formatTime(isoUtc, timeZone)}`;
}

/**
 * Wordings of an instant already worked out, per zone and UTC minute: a zone's days and clock minutes change at
 * whole minutes (every offset in use is whole minutes), so every instant of a minute reads the same. `Intl`'s
 * `format` and `formatToParts` cost 3–6 µs a call in Node: the programme screen groups 2,000 séances by day at
 * each render (7–11 ms a pass), a verdict asks for four days and a clock time, a lookup two days.
 */
const daysByMinute = new Map<string, string>();
const timesByMinute = new Map<string, string>();
/** Beyond this many, a memo starts over (a season's séances fit several times). */
const KEPT_PER_MEMO = 20_000;
const MINUTE_MS = 60_000;

function perMinute(
  memo: Map<string, string>,
  isoUtc: string,
  timeZone: string,
  compute: (date: Date) => string,
): string {
  const at = Date.parse(isoUtc);
  // An unreadable date is not remembered: it fails in `compute` as it always did (RangeError).
  if (Number.isNaN(at)) return compute(new Date(isoUtc));
  const key = `${timeZone}|${Math.floor(at / MINUTE_MS)}`;
  let text = memo.get(key);
  if (text === undefined) {
    text = compute(new Date(at));
    if (memo.size >= KEPT_PER_MEMO) memo.clear();
    memo.set(key, text);
  }
  return text;
}

/** Calendar day (YYYY-MM-DD) of an instant in a zone, e.g. to select "today's" journal rows. */
export function dayInZone(isoUtc: string, timeZone: string): string {
  return perMinute(daysByMinute, isoUtc, timeZone, (date) => formatDay(date, timeZone));
}

function formatDay(date: Date, timeZone: string): string {
  const parts = formatter(timeZone, { year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(date);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}
