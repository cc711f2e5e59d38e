import { useTranslation } from '../../i18n';
import type { RateBandView, ReimbursementOverview } from '../../../shared/contract';
import { formatCents } from '../../../shared/money';
import { dayOfYear } from './reimbursementValues';

interface RevenueChartProps {
  year: number;
  today: string;
  series: ReimbursementOverview['series'];
  bands: readonly RateBandView[];
}

const WIDTH = 900;
const HEIGHT = 320;
const PAD = { left: 96, right: 16, top: 16, bottom: 36 };
const MONTHS = ['janv.', 'févr.', 'mars', 'avr.', 'mai', 'juin', 'juil.', 'août', 'sept.', 'oct.', 'nov.', 'déc.'];

/**
 * Cumulative revenue (and reimbursement) of the year as steps, with the band thresholds as horizontal lines.
 * The vertical scale reaches the next threshold above the revenue, so the distance to it is visible.
 */
export function RevenueChart({ year, today, series, bands }: RevenueChartProps) {
  const { t } = useTranslation('ui');
  const daysInYear = dayOfYear(`${year + 1}-01-01`, year);
  const lastDay = today.startsWith(String(year)) ? dayOfYear(today, year) : daysInYear;
  const revenue = series[series.length - 1]?.revenueCents ?? 0;
  const nextThreshold = bands.find((b) => b.toCents !== null && b.toCents > revenue)?.toCents ?? revenue;
  const top = Math.max(nextThreshold, revenue) * 1.08 || 1;

  const x = (d: number) => PAD.left + (d / daysInYear) * (WIDTH - PAD.left - PAD.right);
  const y = (cents: number) => HEIGHT - PAD.bottom - (cents / top) * (HEIGHT - PAD.top - PAD.bottom);
  const steps = (of: (p: ReimbursementOverview['series'][number]) => number) => {
    let path = `M${x(0)},${y(0)}`;
    for (const point of series) {
      const d = dayOfYear(point.day, year) + 1;
      path += ` H${x(d - 1)} V${y(of(point))} H${x(d)}`;
    }
    return `${path} H${x(lastDay)}`;
  };
  const thresholds = bands.map((b) => b.toCents).filter((c): c is number => c !== null && c <= top);

  return (
    <figure className="revenue-chart">
      <figcaption className="revenue-chart__title">{t('reimbursements.chart.title')}</figcaption>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label={t('reimbursements.chart.label', { year })}
        data-testid="revenue-chart"
      >
        {MONTHS.map((month, index) => {
          const d = dayOfYear(`${year}-${String(index + 1).padStart(2, '0')}-01`, year);
          return (
            <g key={month}>
              <line className="revenue-chart__grid" x1={x(d)} x2={x(d)} y1={PAD.top} y2={HEIGHT - PAD.bottom} />
              <text className="revenue-chart__axis" x={x(d) + 4} y={HEIGHT - 12}>
                {month}
              </text>
            </g>
          );
        })}
        {thresholds.map((cents) => (
          <g key={cents} data-testid="revenue-chart-threshold">
            <line
              className="revenue-chart__threshold"
              x1={PAD.left}
              x2={WIDTH - PAD.right}
              y1={y(cents)}
              y2={y(cents)}
            />
            <text className="revenue-chart__axis" x={PAD.left - 6} y={y(cents) + 5} textAnchor="end">
              {formatCents(cents).replace(/,00/, '')}
            </text>
          </g>
        ))}
        <line className="revenue-chart__axis-line" x1={PAD.left} x2={PAD.left} y1={PAD.top} y2={HEIGHT - PAD.bottom} />
        <line
          className="revenue-chart__axis-line"
          x1={PAD.left}
          x2={WIDTH - PAD.right}
          y1={HEIGHT - PAD.bottom}
          y2={HEIGHT - PAD.bottom}
        />
        <path className="revenue-chart__reimbursement" d={steps((p) => p.reimbursementCents)} />
        <path className="revenue-chart__revenue" d={steps((p) => p.revenueCents)} />
      </svg>
      <p className="revenue-chart__legend">
        <span className="revenue-chart__key revenue-chart__key--revenue">{t('reimbursements.chart.revenue')}</span>
        <span className="revenue-chart__key revenue-chart__key--reimbursement">
          {t('reimbursements.chart.reimbursement')}
        </span>
      </p>
    </figure>
  );
}
