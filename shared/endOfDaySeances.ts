/**
 * The end-of-day report gives one line per stock: a séance sold at several tariffs is several stocks of the same
 * film at the same start. The screen, the print view and the slip show one séance with its tariffs inside it (the
 * CSV keeps a line per tariff, for Excel).
 */
import type { EndOfDayCounts, EndOfDayReport, SeanceCount } from './contract';

type StockLine = EndOfDayReport['seances'][number];

export interface EndOfDaySeance {
  key: string;
  offerId: number;
  offerName: string;
  start: string;
  /** Its tariffs, in the report's order (one stock each). */
  tariffs: StockLine[];
  /** The tariffs added up. */
  counts: EndOfDayCounts;
}

function sum(a: SeanceCount, b: SeanceCount): SeanceCount {
  return { bookings: a.bookings + b.bookings, places: a.places + b.places, amountCents: a.amountCents + b.amountCents };
}

export function addCounts(a: EndOfDayCounts, b: EndOfDayCounts): EndOfDayCounts {
  const keys = Object.keys(a) as (keyof EndOfDayCounts)[];
  return Object.fromEntries(keys.map((key) => [key, sum(a[key], b[key])])) as unknown as EndOfDayCounts;
}

/** One entry per film and start, in the report's order (by start, then film). */
export function endOfDaySeances(report: Pick<EndOfDayReport, 'seances'>): EndOfDaySeance[] {
  const byKey = new Map<string, EndOfDaySeance>();
  for (const line of report.seances) {
    const key = `${line.offerId}@${line.start}`;
    const seance = byKey.get(key);
    if (seance) {
      seance.tariffs.push(line);
      seance.counts = addCounts(seance.counts, line.counts);
    } else {
      byKey.set(key, {
        key,
        offerId: line.offerId,
        offerName: line.offerName,
        start: line.start,
        tariffs: [line],
        counts: line.counts,
      });
    }
  }
  return [...byKey.values()];
}
