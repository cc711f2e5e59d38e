/** The year's tables: fortnightly payment cycles, the rate bands in force, and the bookings used. */
import { useTranslation } from '../../i18n';
import type { ReimbursementOverview } from '../../../shared/contract';
import { formatDateTime } from '../../../shared/dates';
import { formatCents } from '../../../shared/money';
import { formatDay, formatRate } from './reimbursementValues';

/** Fortnightly cycles of the year, newest first: what should be paid, when (an estimate, said so). */
export function CycleTable({ cycles }: { cycles: ReimbursementOverview['cycles'] }) {
  const { t } = useTranslation('ui');
  return (
    <section className="reimbursements__panel" aria-labelledby="cycles-title">
      <h3 id="cycles-title">{t('reimbursements.cycles.title')}</h3>
      {cycles.length === 0 ? (
        <p className="screen-empty">{t('reimbursements.cycles.empty')}</p>
      ) : (
        <table className="data-table" data-testid="cycle-table">
          <thead>
            <tr>
              <th scope="col">{t('reimbursements.cycles.period')}</th>
              <th scope="col">{t('reimbursements.cycles.payment')}</th>
              <th scope="col">{t('reimbursements.cycles.bookings')}</th>
              <th scope="col">{t('reimbursements.cycles.revenue')}</th>
              <th scope="col">{t('reimbursements.cycles.reimbursement')}</th>
              <th scope="col">{t('reimbursements.cycles.state')}</th>
            </tr>
          </thead>
          <tbody>
            {[...cycles].reverse().map((cycle) => (
              <tr key={cycle.key} data-cycle={cycle.key} data-state={cycle.state}>
                <td>
                  {t('reimbursements.cycles.period_value', {
                    from: formatDay(cycle.firstDay),
                    to: formatDay(cycle.lastDay),
                  })}
                </td>
                <td>
                  {t('reimbursements.cycles.payment_value', {
                    from: formatDay(cycle.paymentFrom),
                    to: formatDay(cycle.paymentTo),
                  })}
                </td>
                <td className="num">{cycle.bookings}</td>
                <td className="num">{formatCents(cycle.revenueCents)}</td>
                <td className="num">{formatCents(cycle.reimbursementCents)}</td>
                <td>{t(`reimbursements.cycles.${cycle.state}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** The rate bands in force, the current one marked, with where the table comes from. */
export function BandTable({ overview }: { overview: ReimbursementOverview }) {
  const { t } = useTranslation('ui');
  const current = overview.currentBand.band;
  return (
    <section className="reimbursements__panel" aria-labelledby="bands-title">
      <h3 id="bands-title">{t('reimbursements.bands.title')}</h3>
      <table className="data-table" data-testid="band-table">
        <thead>
          <tr>
            <th scope="col">{t('reimbursements.bands.range')}</th>
            <th scope="col">{t('reimbursements.bands.rate')}</th>
          </tr>
        </thead>
        <tbody>
          {overview.rates.bands.map((band) => {
            const isCurrent = band.fromCents === current.fromCents;
            return (
              <tr
                key={band.fromCents}
                aria-current={isCurrent ? 'true' : undefined}
                className={isCurrent ? 'is-current' : ''}
              >
                <td>
                  {band.toCents === null
                    ? t('reimbursements.bands.above', { from: formatCents(band.fromCents) })
                    : t('reimbursements.bands.from_to', {
                        from: formatCents(band.fromCents),
                        to: formatCents(band.toCents),
                      })}
                  {isCurrent && <strong> · {t('reimbursements.bands.current')}</strong>}
                </td>
                <td>{formatRate(band.rateBasisPoints)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="reimbursements__note">{t('reimbursements.rule_note')}</p>
      <p className="reimbursements__note">
        {/* The table's source (pcapi file names) is for developers: it stays in rates.ts and the contract. */}
        {t('reimbursements.source', { from: formatDay(overview.rates.validFrom) })}
      </p>
    </section>
  );
}

interface UsageTableProps {
  overview: ReimbursementOverview;
}

/** The year's used bookings, newest first, with how each was validated and what it should bring. */
export function UsageTable({ overview }: UsageTableProps) {
  const { t } = useTranslation('ui');
  const { bookings, bookingsTotal, timeZone } = overview;
  if (bookings.length === 0) return null;
  return (
    <section className="reimbursements__panel" aria-labelledby="usages-title">
      <h3 id="usages-title">{t('reimbursements.bookings.title')}</h3>
      {bookingsTotal > bookings.length && (
        <p className="reimbursements__note">
          {t('reimbursements.bookings.shown', { count: bookings.length, total: bookingsTotal })}
        </p>
      )}
      <table className="data-table" data-testid="usage-table">
        <thead>
          <tr>
            <th scope="col">{t('reimbursements.bookings.used_at')}</th>
            <th scope="col">{t('reimbursements.bookings.film')}</th>
            <th scope="col">{t('reimbursements.bookings.beneficiary')}</th>
            <th scope="col">{t('reimbursements.bookings.origin')}</th>
            <th scope="col">{t('reimbursements.bookings.amount')}</th>
            <th scope="col">{t('reimbursements.bookings.rate')}</th>
            <th scope="col">{t('reimbursements.bookings.reimbursement')}</th>
          </tr>
        </thead>
        <tbody>
          {bookings.map((b) => (
            <tr key={b.bookingId} data-origin={b.origin}>
              <td>
                {formatDateTime(b.usedAt, timeZone)}
                {b.usedAtEstimated && <em> ({t('reimbursements.bookings.estimated')})</em>}
              </td>
              <td>{b.offerName}</td>
              <td>{b.beneficiary}</td>
              <td>
                {t(`reimbursements.origin.${b.origin}`)}
                {b.provisional && <em> · {t('reimbursements.bookings.provisional')}</em>}
                {b.reimbursed && <em> · {t('reimbursements.bookings.reimbursed')}</em>}
              </td>
              <td className="num">{formatCents(b.totalCents)}</td>
              <td className="num">{formatRate(b.rateBasisPoints)}</td>
              <td className="num">{formatCents(b.reimbursementCents)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
