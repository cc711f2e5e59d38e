import { useTranslation } from 'react-i18next';
import type { ReimbursementOverview } from '../../../shared/contract';
import { formatCents } from '../../../shared/money';
import { formatDay, formatRate } from './formatRate';

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
