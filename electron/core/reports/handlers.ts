/** Contract handlers of the manager's side: reimbursements per venue, the end-of-day report (screen, CSV, print). */
import type { CallInput, CallOutput } from '../../../shared/contract';
import type { reportCalls } from '../../../shared/contract-reports';
import { ContractFailure } from '../contractFailure';
import { reimbursementOverview } from '../reimbursement/overview';
import type { UsageSources } from '../reimbursement/usages';
import { endOfDayReport, type EndOfDaySources } from '../reports/endOfDay';
import { endOfDayCsv } from '../reports/endOfDayCsv';
import { buildEndOfDaySlip } from '../reports/endOfDaySlip';
import { PrintFailure } from '../printing/transport';
import type { Slip } from '../printing/slip';
import type { Venue } from '../venue';

export interface ReportHandlerDeps {
  /** The mirror's séances and bookings, and this counter's validations. */
  sources: EndOfDaySources & UsageSources;
  clock: () => Date;
  timeZone: () => string;
  venue: () => Venue | null;
  counterName: string;
  printReport: (slip: Slip) => Promise<{ printer: string }>;
}

type ReportCall = keyof typeof reportCalls;
type ReportHandlers = { [N in ReportCall]: (input: CallInput<N>) => Promise<CallOutput<N>> | CallOutput<N> };

export function reportHandlers(d: ReportHandlerDeps): ReportHandlers {
  const report = (day: string | undefined, person?: string, counter?: string) =>
    endOfDayReport(d.sources, {
      day,
      person,
      counter,
      timeZone: d.timeZone(),
      venueName: d.venue()?.name ?? null,
      counterName: d.counterName,
      now: d.clock(),
    });

  return {
    'reimbursements.overview': ({ venueId, year }) => {
      const own = d.venue();
      return reimbursementOverview(d.sources, {
        venueId,
        year,
        defaultVenue: own ? { id: own.id, name: own.name } : null,
        timeZone: d.timeZone(),
        now: d.clock(),
      });
    },
    'reports.endOfDay': ({ day, person, counter }) => report(day, person, counter),
    'reports.endOfDayCsv': ({ day, person, counter }) => endOfDayCsv(report(day, person, counter)),
    'reports.printEndOfDay': async ({ day, person, counter }) => {
      try {
        return await d.printReport(buildEndOfDaySlip(report(day, person, counter)));
      } catch (error) {
        if (error instanceof PrintFailure) throw new ContractFailure('print_failed', error.message);
        throw error;
      }
    },
  };
}
