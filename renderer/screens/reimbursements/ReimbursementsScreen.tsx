import { useCallback, useState } from 'react';
import { useTranslation } from '../../i18n';
import type { ReimbursementOverview } from '../../../shared/contract';
import { formatCents } from '../../../shared/money';
import { LoadState } from '../../components/LoadState';
import { useApi } from '../../context/coreContext';
import { useEscapeKey } from '../../hooks/pageHooks';
import { useLedgerRefreshKey, useLoadedEnvelope } from '../../hooks/coreData';
import { BandTable, CycleTable, UsageTable } from './ReimbursementTables';
import { formatRate, selectableYears } from './reimbursementValues';
import { RevenueChart } from './RevenueChart';
import './reimbursements.css';

/** Follows the pass Culture money of one venue for one year: revenue, bands, fortnightly payments, a chart. */
export function ReimbursementsScreen({ onBack }: { onBack: () => void }) {
  const { t } = useTranslation('ui');
  const api = useApi();
  const [venueId, setVenueId] = useState<number | undefined>(undefined);
  const [year, setYear] = useState<number | undefined>(undefined);
  const refreshKey = useLedgerRefreshKey();
  const load = useCallback(() => api.call('reimbursements.overview', { venueId, year }), [api, venueId, year]);
  const { envelope, isRefreshing, retry } = useLoadedEnvelope(load, refreshKey);
  useEscapeKey(onBack);

  return (
    <section className="reimbursements" aria-labelledby="reimbursements-title" aria-busy={isRefreshing}>
      <div className="screen-head">
        <h2 className="screen-head__title" id="reimbursements-title">
          {t('reimbursements.title')}
        </h2>
        {envelope?.ok && <Filters overview={envelope.value} onVenue={setVenueId} onYear={setYear} />}
      </div>
      <LoadState envelope={envelope} onRetry={retry}>
        {(overview) => <Overview overview={overview} />}
      </LoadState>
    </section>
  );
}

interface FiltersProps {
  overview: ReimbursementOverview;
  onVenue: (venueId: number) => void;
  onYear: (year: number) => void;
}

function Filters({ overview, onVenue, onYear }: FiltersProps) {
  const { t } = useTranslation('ui');
  const years = selectableYears(overview.today);
  return (
    <div className="reimbursements__filters">
      {overview.venues.length > 1 && (
        <label>
          {t('reimbursements.venue')}{' '}
          <select
            value={overview.venue?.venueId}
            onChange={(event) => onVenue(Number(event.target.value))}
            data-testid="reimbursements-venue"
          >
            {overview.venues.map((v) => (
              <option key={v.venueId} value={v.venueId}>
                {v.venueName}
              </option>
            ))}
          </select>
        </label>
      )}
      <label>
        {t('reimbursements.year')}{' '}
        <select
          value={overview.year}
          onChange={(event) => onYear(Number(event.target.value))}
          data-testid="reimbursements-year"
        >
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}

function Overview({ overview }: { overview: ReimbursementOverview }) {
  const { t } = useTranslation(['ui', 'common']);
  if (!overview.venue) return <p className="screen-empty">{t('reimbursements.no_venue')}</p>;
  const { totals, currentBand } = overview;
  return (
    <>
      <p className="reimbursements__estimate" role="note" data-testid="reimbursements-estimate">
        {t('reimbursements.estimate_note')}
      </p>
      <div className="reimbursements__cards" data-testid="reimbursements-totals">
        <Card
          label={t('reimbursements.totals.revenue', { year: overview.year })}
          value={formatCents(totals.revenueCents)}
          testId="revenue"
        />
        <Card
          label={t('reimbursements.totals.reimbursement')}
          value={formatCents(totals.reimbursementCents)}
          testId="reimbursement"
        />
        <Card
          label={t('reimbursements.totals.contribution')}
          value={formatCents(totals.contributionCents)}
          testId="contribution"
        />
        <Card
          label={t('reimbursements.totals.band')}
          value={t('reimbursements.totals.band_rate', { rate: formatRate(currentBand.band.rateBasisPoints) })}
          detail={
            currentBand.remainingCents === null
              ? t('reimbursements.totals.last_band')
              : t('reimbursements.totals.remaining', { amount: formatCents(currentBand.remainingCents) })
          }
          testId="band"
        />
      </div>
      <ul className="reimbursements__origins" data-testid="reimbursements-origins">
        {(['here', 'elsewhere', 'automatic'] as const).map((origin) => (
          <li key={origin} data-origin={origin}>
            <strong>{t(`reimbursements.origin.${origin}`)}</strong> :{' '}
            {t('reimbursements.origin.count', {
              bookings: t('reimbursements.origin.bookings', { count: totals.byOrigin[origin].bookings }),
              places: t('common:places', { count: totals.byOrigin[origin].places }),
              amount: formatCents(totals.byOrigin[origin].revenueCents),
            })}
          </li>
        ))}
        <li data-origin="upcoming">
          {t('reimbursements.totals.upcoming', {
            count: totals.upcoming.bookings,
            amount: formatCents(totals.upcoming.revenueCents),
          })}
        </li>
      </ul>
      {overview.series.length === 0 ? (
        <p className="screen-empty">{t('reimbursements.chart.empty')}</p>
      ) : (
        <RevenueChart
          year={overview.year}
          today={overview.today}
          series={overview.series}
          bands={overview.rates.bands}
        />
      )}
      <div className="reimbursements__columns">
        <CycleTable cycles={overview.cycles} />
        <BandTable overview={overview} />
      </div>
      <UsageTable overview={overview} />
    </>
  );
}

function Card({ label, value, detail, testId }: { label: string; value: string; detail?: string; testId: string }) {
  return (
    <div className="reimbursements__card" data-testid={`reimbursements-${testId}`}>
      <span className="reimbursements__card-label">{label}</span>
      <strong className="reimbursements__card-value">{value}</strong>
      {detail && <span className="reimbursements__card-detail">{detail}</span>}
    </div>
  );
}
