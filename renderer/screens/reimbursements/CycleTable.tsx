import { useTranslation } from 'react-i18next';
import type { ReimbursementOverview } from '../../../shared/contract';
import { formatCents } from '../../../shared/money';
import { formatDay } from './formatRate';

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
