/** "Personne : Tout le monde / Léa / Sam…": narrows a list to one person's rows (journal, conflicts, audit), or to one counter's. */
import { useTranslation } from '../i18n';

/** The people named in `rows`, sorted, once each. */
export function peopleOf(rows: readonly { personName?: string | null }[]): string[] {
  const names = new Set<string>();
  for (const row of rows) if (row.personName) names.add(row.personName);
  return [...names].sort((a, b) => a.localeCompare(b, 'fr'));
}

interface NameFilterProps {
  names: readonly string[];
  /** null: every row. */
  value: string | null;
  onChange: (name: string | null) => void;
  testId: string;
  label: string;
  allLabel: string;
}

/** A select narrowing a list to the rows of one name (a person, a counter). */
export function NameFilter({ names, value, onChange, testId, label, allLabel }: NameFilterProps) {
  return (
    <label className="person-filter">
      {label}{' '}
      <select
        className="form-field__input person-filter__select"
        data-testid={testId}
        value={value ?? ''}
        onChange={(event) => onChange(event.target.value || null)}
      >
        <option value="">{allLabel}</option>
        {names.map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
      </select>
    </label>
  );
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
    <NameFilter
      names={people}
      value={value}
      onChange={onChange}
      testId={testId}
      label={t('person_filter.label')}
      allLabel={t('person_filter.everyone')}
    />
  );
}
