/** Figures of the Remboursements screen in the manager's words: rates, days, the years to choose from, a chart's days. Pure. */
/** "95 %" from basis points (10,000 = 100 %), French style. */
const percent = new Intl.NumberFormat('fr-FR', { style: 'percent', maximumFractionDigits: 2 });

export function formatRate(rateBasisPoints: number): string {
  return percent.format(rateBasisPoints / 10_000);
}

/** "15/03/2025" from a calendar day "2025-03-15". */
export function formatDay(day: string): string {
  return `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;
}

/** The platform's first year of reimbursements at the counter's reach: the year list starts there. */
const FIRST_YEAR = 2021;

/** The years a manager can look at, this one first (`today`: the venue's day, YYYY-MM-DD). */
export function selectableYears(today: string): number[] {
  const thisYear = Number(today.slice(0, 4));
  return Array.from({ length: Math.max(1, thisYear - FIRST_YEAR + 1) }, (_, i) => thisYear - i);
}

/** Days from 1 January of `year` to `day` (YYYY-MM-DD): the chart's horizontal position. */
export function dayOfYear(day: string, year: number): number {
  const at = Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
  return (at - Date.UTC(year, 0, 1)) / 86_400_000;
}
