import { useTranslation } from 'react-i18next';
import type { LedgerRow } from '../../../shared/contract';

/** Today's counts at a glance: entries validated, validations undone, lookups. */
export function JournalSummary({ rows }: { rows: readonly LedgerRow[] }) {
  const { t } = useTranslation('ui');
  const count = (kind: LedgerRow['kind'], outcome?: string) =>
    rows.filter((row) => row.kind === kind && (outcome === undefined || row.outcome === outcome)).length;

  const figures = [
    { key: 'validations', value: count('validation', 'validated') + count('validation', 'provisional') },
    { key: 'undos', value: count('undo', 'undone') },
    { key: 'lookups', value: count('lookup') },
  ] as const;

  return (
    <dl className="journal-summary" data-testid="journal-summary">
      {figures.map((figure) => (
        <div key={figure.key} className="journal-summary__figure">
          <dt>{t(`journal.summary.${figure.key}`)}</dt>
          <dd>{figure.value}</dd>
        </div>
      ))}
    </dl>
  );
}
