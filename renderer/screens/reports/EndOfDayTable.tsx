import { useTranslation } from '../../i18n';
import type { EndOfDayCounts, EndOfDayReport, SeanceCount } from '../../../shared/contract';
import { formatTime } from '../../../shared/dates';
import { endOfDaySeances, type EndOfDaySeance } from '../../../shared/endOfDaySeances';
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
      <td className="num" data-column="expected_amount">
        {formatCents(counts.expected.amountCents)}
      </td>
      <td className="num" data-column="validated_amount">
        {formatCents(validatedCents(counts))}
      </td>
    </>
  );
}

/**
 * A séance: its row (time, film, the tariffs added up), then — sold at several tariffs — a line per tariff inside
 * it. A <tbody> each, so the séance reads as one block and is never cut across two printed pages.
 */
function SeanceRows({ seance, timeZone }: { seance: EndOfDaySeance; timeZone: string }) {
  const single = seance.tariffs.length === 1 ? seance.tariffs[0] : undefined;
  return (
    <tbody
      className="eod-seance"
      data-testid="end-of-day-seance"
      data-offer-id={seance.offerId}
      data-stock-ids={seance.tariffs.map((tariff) => tariff.stockId).join(' ')}
    >
      <tr className="eod-seance__row" data-stock-id={single?.stockId}>
        <td className="eod-time">{formatTime(seance.start, timeZone)}</td>
        <th scope="row" className="eod-film">
          {seance.offerName}
          {single && <span className="eod-film__tariff"> · {single.priceCategoryLabel}</span>}
        </th>
        <CountCells counts={seance.counts} />
      </tr>
      {!single &&
        seance.tariffs.map((tariff) => (
          <tr
            key={tariff.stockId}
            className="eod-tariff"
            data-testid="end-of-day-tariff"
            data-stock-id={tariff.stockId}
          >
            <td />
            <td className="eod-tariff__label">{tariff.priceCategoryLabel}</td>
            <CountCells counts={tariff.counts} />
          </tr>
        ))}
    </tbody>
  );
}

/** One row per séance of the day, its tariffs inside it; then the day's totals. */
export function EndOfDayTable({ report }: { report: EndOfDayReport }) {
  const { t } = useTranslation('ui');
  const seances = endOfDaySeances(report);
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
      {seances.map((seance) => (
        <SeanceRows key={seance.key} seance={seance} timeZone={report.timeZone} />
      ))}
      {/* A body, not a <tfoot>: printed, a footer repeats on every page; the totals come once, at the end. */}
      <tbody className="end-of-day__totals">
        <tr data-testid="end-of-day-totals">
          <th scope="row" colSpan={2}>
            {t('reports.totals')}
          </th>
          <CountCells counts={report.totals} />
        </tr>
      </tbody>
    </table>
  );
}
