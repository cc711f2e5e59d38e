/** "Personne : Tout le monde / Léa / Sam…": narrows a list to one person's rows (journal, conflicts, audit). */
import { useTranslation } from 'react-i18next';

/** The people named in `rows`, sorted, once each. */
export function peopleOf(rows: readonly { personName?: string | null }[]): string[] {
  const names = new Set<string>();
  for (const row of rows) if (row.personName) names.add(row.personName);
  return [...names].sort((a, b) => a.localeCompare(b, 'fr'));
}

interface PersonFilterProps {
  people: readonly string[];
  value: string | null;
  onChange: (person: string | null) => void;
  testId: string;
}

export function PersonFilter({ people, value, onChange, testId }: PersonFilterProps) {
  const { t } = useTranslation('ui');
  return (
    <label className="person-filter">
      {t('person_filter.label')}{' '}
      <select
        className="form-field__input person-filter__select"
        data-testid={testId}
        value={value ?? ''}
        onChange={(event) => onChange(event.target.value || null)}
      >
        <option value="">{t('person_filter.everyone')}</option>
        {people.map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
      </select>
    </label>
  );
}
