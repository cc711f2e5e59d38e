import { useTranslation } from 'react-i18next';
import { DateField } from '../../../forms/DateField';
import { TimeField } from '../../../forms/TimeField';
import { sentence } from './formValues';
import type { CheckedSeance, SeanceDraft } from './useNewSeances';

interface NewSeancesFieldsProps {
  rows: readonly { draft: SeanceDraft; check: CheckedSeance }[];
  onAdd: () => void;
  onChange: (key: number, change: Partial<Omit<SeanceDraft, 'key'>>) => void;
  onRemove: (key: number) => void;
}

/** The first séances of a film being published: day, time (venue's), pass Culture seats, one line each. */
export function NewSeancesFields({ rows, onAdd, onChange, onRemove }: NewSeancesFieldsProps) {
  const { t } = useTranslation('ui');
  return (
    <fieldset className="new-seances" data-testid="new-seances">
      <legend>{t('programme_editor.new_seances_title')}</legend>
      {rows.length === 0 && <p className="new-seances__empty">{t('programme_editor.new_seances_empty')}</p>}
      <ol className="new-seances__list">
        {rows.map(({ draft, check }, index) => (
          <li key={draft.key} className="new-seances__row" data-testid="new-seance">
            <span className="new-seances__number">{index + 1}</span>
            <DateField
              label={t('programme_editor.day_label')}
              value={draft.day}
              onChange={(day) => onChange(draft.key, { day })}
              testId="new-seance-day"
              required
            />
            <TimeField
              label={t('programme_editor.time_label')}
              value={draft.time}
              onChange={(time) => onChange(draft.key, { time })}
              testId="new-seance-time"
              required
            />
            <label>
              {t('programme_editor.new_seance_seats_label')}
              <input
                data-testid="new-seance-seats"
                inputMode="numeric"
                value={draft.seats}
                placeholder={t('programme_editor.unlimited')}
                onChange={(event) => onChange(draft.key, { seats: event.target.value })}
              />
            </label>
            <button
              type="button"
              className="button button--secondary"
              data-testid="new-seance-remove"
              aria-label={t('programme_editor.new_seance_remove_label', { number: index + 1 })}
              onClick={() => onRemove(draft.key)}
            >
              {t('programme_editor.new_seance_remove')}
            </button>
            {!check.ok && check.problem === 'past' && check.detail && (
              <p role="alert" className="form-problem" data-testid="new-seance-problem">
                {sentence(check.detail)}
              </p>
            )}
          </li>
        ))}
      </ol>
      <button type="button" className="button button--secondary" data-testid="new-seance-add" onClick={onAdd}>
        {t('programme_editor.new_seance_add')}
      </button>
    </fieldset>
  );
}
