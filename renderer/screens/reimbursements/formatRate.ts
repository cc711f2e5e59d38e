/** "95 %" from basis points (10,000 = 100 %), French style. */
const percent = new Intl.NumberFormat('fr-FR', { style: 'percent', maximumFractionDigits: 2 });

export function formatRate(rateBasisPoints: number): string {
  return percent.format(rateBasisPoints / 10_000);
}

/** "15/03/2025" from a calendar day "2025-03-15". */
export function formatDay(day: string): string {
  return `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;
}
