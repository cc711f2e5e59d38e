/** The end-of-day report as CSV for French Excel: one row per séance, then the day's totals. */
import type { EndOfDayCounts, EndOfDayReport } from '../../../shared/contract';
import { formatDateTime } from '../../../shared/dates';
import { rt } from './catalogue';
import { frenchDecimal, toCsv, type CsvCell } from './csv';
import { validatedAmountCents } from './endOfDay';

const HEADER_KEYS = [
  'seance',
  'film',
  'tariff',
  'expected',
  'expected_places',
  'expected_amount',
  'here',
  'here_places',
  'provisional',
  'elsewhere',
  'elsewhere_places',
  'validated_amount',
  'conflicts',
  'no_shows',
  'no_show_places',
  'waiting',
  'cancelled',
] as const;

function countCells(c: EndOfDayCounts): CsvCell[] {
  return [
    c.expected.bookings,
    c.expected.places,
    frenchDecimal(c.expected.amountCents),
    c.validatedHere.bookings,
    c.validatedHere.places,
    c.provisional.bookings,
    c.validatedElsewhere.bookings,
    c.validatedElsewhere.places,
    frenchDecimal(validatedAmountCents(c)),
    c.conflicts.bookings,
    c.noShows.bookings,
    c.noShows.places,
    c.waiting.bookings,
    c.cancelled.bookings,
  ];
}

export function endOfDayCsv(report: EndOfDayReport): { fileName: string; csv: string } {
  const rows: CsvCell[][] = [
    HEADER_KEYS.map((key) => rt(`csv.${key}`)),
    ...report.seances.map((s) => [
      formatDateTime(s.start, report.timeZone),
      s.offerName,
      s.priceCategoryLabel,
      ...countCells(s.counts),
    ]),
    [rt('csv.total'), '', '', ...countCells(report.totals)],
  ];
  // A file name says whose validations it holds when narrowed (letters, digits and dashes only).
  const who = [report.counter, report.person]
    .filter((name): name is string => Boolean(name))
    .map((name) =>
      name
        .normalize('NFD')
        .replace(/[^A-Za-z0-9]+/g, '-')
        .replace(/^-|-$/g, ''),
    )
    .filter(Boolean)
    .join('-');
  const fileName = who ? rt('csv.file_name_of', { day: report.day, who }) : rt('csv.file_name', { day: report.day });
  return { fileName, csv: toCsv(rows) };
}
