import { useTranslation } from 'react-i18next';
import type { LedgerRow } from '../../../shared/contract';
import { JournalRow } from './JournalRow';

const COLUMNS = ['time', 'kind', 'token', 'beneficiary', 'film', 'outcome', 'ticket'] as const;

export function JournalTable({ rows }: { rows: readonly LedgerRow[] }) {
  const { t } = useTranslation('ui');
  return (
    <table className="journal-table" data-testid="journal-table">
      <caption className="visually-hidden">{t('journal.caption')}</caption>
      <thead>
        <tr>
          {COLUMNS.map((column) => (
            <th key={column} scope="col">
              {t(`journal.column.${column}`)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <JournalRow key={row.id} row={row} />
        ))}
      </tbody>
    </table>
  );
}
