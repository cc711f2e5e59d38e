import { useTranslation } from 'react-i18next';
import type { EndOfDayCounts, EndOfDayReport, SeanceCount } from '../../../shared/contract';
import { formatTime } from '../../../shared/dates';
import { formatCents } from '../../../shared/money';

const COLUMNS = [
  ['expected', 'expected'],
  ['here', 'validatedHere'],
  ['provisional', 'provisional'],
  ['elsewhere', 'validatedElsewhere'],
  ['conflicts', 'conflicts'],
  ['no_shows', 'noShows'],
  ['waiting', 'waiting'],
] as const satisfies readonly (readonly [string, keyof EndOfDayCounts])[];

const validatedCents = (c: EndOfDayCounts) =>
  c.validatedHere.amountCents + c.provisional.amountCents + c.validatedElsewhere.amountCents;

function CountCells({ counts }: { counts: EndOfDayCounts }) {
  const { t } = useTranslation('ui');
  const count = (n: SeanceCount) => (n.bookings === 0 ? '—' : t('reports.count', n));
  return (
    <>
      {COLUMNS.map(([column, key]) => (
        <td key={column} className="num" data-column={column}>
          {count(counts[key])}
        </td>
      ))}
      <td className="num">{formatCents(counts.expected.amountCents)}</td>
      <td className="num">{formatCents(validatedCents(counts))}</td>
    </>
  );
}

/** One row per séance of the day, then the day's totals. */
export function EndOfDayTable({ report }: { report: EndOfDayReport }) {
  const { t } = useTranslation('ui');
  return (
    <table className="data-table end-of-day__table" data-testid="end-of-day-table">
      <thead>
        <tr>
          <th scope="col">{t('reports.column.seance')}</th>
          <th scope="col">{t('reports.column.film')}</th>
          {COLUMNS.map(([column]) => (
            <th key={column} scope="col" className="num">
              {t(`reports.column.${column}`)}
            </th>
          ))}
          <th scope="col" className="num">
            {t('reports.column.expected_amount')}
          </th>
          <th scope="col" className="num">
            {t('reports.column.validated_amount')}
          </th>
        </tr>
      </thead>
      <tbody>
        {report.seances.map((s) => (
          <tr key={s.stockId} data-stock-id={s.stockId}>
            <td>{formatTime(s.start, report.timeZone)}</td>
            <td>{s.offerName}</td>
            <CountCells counts={s.counts} />
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr data-testid="end-of-day-totals">
          <th scope="row" colSpan={2}>
            {t('reports.totals')}
          </th>
          <CountCells counts={report.totals} />
        </tr>
      </tfoot>
    </table>
  );
}
