import { useTranslation } from 'react-i18next';
import type { ReimbursementOverview } from '../../../shared/contract';
import { formatDateTime } from '../../../shared/dates';
import { formatCents } from '../../../shared/money';
import { formatRate } from './formatRate';

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
