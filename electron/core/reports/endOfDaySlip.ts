/**
 * The end-of-day report as a declarative slip (printing/slip.ts), so the receipt printer and the OS printer
 * render it like any slip. Short lines: it must read on 58 mm paper (32 columns).
 */
import type { EndOfDayCounts, EndOfDayReport } from '../../../shared/contract';
import { formatDateTime, formatTime } from '../../../shared/dates';
import { endOfDaySeances } from '../../../shared/endOfDaySeances';
import { formatCents } from '../../../shared/money';
import type { Slip, SlipBlock } from '../printing/slip';
import { rt } from './catalogue';
import { validatedAmountCents } from './endOfDay';

const frenchDay = (day: string) => `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;

function countPairs(c: EndOfDayCounts, bold = false): SlipBlock[] {
  const count = (n: { bookings: number; places: number }) => rt('slip.count', n);
  const pairs: [string, string][] = [
    [rt('slip.expected'), count(c.expected)],
    [rt('slip.here'), count(c.validatedHere)],
    [rt('slip.elsewhere'), count(c.validatedElsewhere)],
  ];
  if (c.provisional.bookings > 0) pairs.push([rt('slip.provisional'), count(c.provisional)]);
  if (c.conflicts.bookings > 0) pairs.push([rt('slip.conflicts'), count(c.conflicts)]);
  pairs.push([rt('slip.no_shows'), count(c.noShows)]);
  if (c.waiting.bookings > 0) pairs.push([rt('slip.waiting'), count(c.waiting)]);
  pairs.push([rt('slip.expected_amount'), formatCents(c.expected.amountCents)]);
  pairs.push([rt('slip.validated_amount'), formatCents(validatedAmountCents(c))]);
  return pairs.map(([label, value]) => ({ kind: 'pair', label, value, bold }));
}

const validatedBookings = (c: EndOfDayCounts) =>
  c.validatedHere.bookings + c.provisional.bookings + c.validatedElsewhere.bookings;

export function buildEndOfDaySlip(report: EndOfDayReport): Slip {
  const blocks: SlipBlock[] = [
    { kind: 'text', text: rt('slip.heading'), align: 'center', bold: true, size: 'tall' },
    { kind: 'text', text: rt('slip.subheading'), align: 'center' },
    ...(report.venueName ? [{ kind: 'text' as const, text: report.venueName, align: 'center' as const }] : []),
    { kind: 'separator', char: '=' },
    { kind: 'pair', label: rt('slip.day'), value: frenchDay(report.day) },
    // Narrowed to one counter (a secondary's validations, issue 14) or one person (issue 15): said on the slip.
    { kind: 'pair', label: rt('slip.counter'), value: report.counter ?? report.counterName },
    ...(report.person ? [{ kind: 'pair' as const, label: rt('slip.person'), value: report.person }] : []),
    { kind: 'separator', char: '=' },
  ];
  if (report.seances.length === 0) blocks.push({ kind: 'text', text: rt('slip.no_seance') });
  for (const seance of endOfDaySeances(report)) {
    blocks.push(
      { kind: 'text', text: `${formatTime(seance.start, report.timeZone)} ${seance.offerName}`, bold: true },
      ...countPairs(seance.counts),
    );
    // Several tariffs: what each one came to, under the séance's totals.
    if (seance.tariffs.length > 1) {
      for (const tariff of seance.tariffs) {
        const value = rt('slip.tariff_value', {
          validated: validatedBookings(tariff.counts),
          expected: tariff.counts.expected.bookings,
        });
        blocks.push({ kind: 'pair', label: rt('slip.tariff', { label: tariff.priceCategoryLabel }), value });
      }
    }
    blocks.push({ kind: 'separator' });
  }
  blocks.push(
    { kind: 'text', text: rt('slip.totals'), bold: true, align: 'center' },
    ...countPairs(report.totals, true),
    { kind: 'separator', char: '=' },
    {
      kind: 'text',
      text: rt('slip.printed_at', { when: formatDateTime(report.generatedAt, report.timeZone) }),
      align: 'center',
    },
  );
  return { title: rt('slip.title', { day: frenchDay(report.day) }), blocks };
}
