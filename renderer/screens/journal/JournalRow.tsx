import { useTranslation } from 'react-i18next';
import { truncateText } from '../../format/truncate';
import type { LedgerRow } from '../../../shared/contract';
import { useVenueTimeZone } from '../../context/appInfoContext';
import { formatClockTime } from '../../format/formatClockTime';
import { hasEntrySlip, ReprintButton } from '../../components/ReprintButton';
import { outcomeTone } from './outcomeTone';

export function JournalRow({ row }: { row: LedgerRow }) {
  const { t } = useTranslation('ui');
  const timeZone = useVenueTimeZone();
  const noValue = t('journal.no_value');
  const outcome = t(`journal.outcome.${row.outcome}`, {
    defaultValue: t('journal.outcome_other', { outcome: row.outcome }),
  });

  return (
    <tr
      className={`journal-row journal-row--${row.kind}`}
      data-testid="journal-row"
      data-kind={row.kind}
      data-outcome={row.outcome}
    >
      <td className="journal-row__time">{formatClockTime(row.at, timeZone)}</td>
      <td>{t(`journal.kind.${row.kind}`)}</td>
      <td className="journal-row__token">{row.token}</td>
      <td>{row.beneficiary === null ? noValue : truncateText(row.beneficiary, 60).text}</td>
      <td>{row.offerName === null ? noValue : truncateText(row.offerName, 60).text}</td>
      <td>
        <span className={`outcome outcome--${outcomeTone(row)}`}>{outcome}</span>
      </td>
      <td>{hasEntrySlip(row) && <ReprintButton ledgerId={row.id} token={row.token} />}</td>
    </tr>
  );
}
