import { useTranslation } from 'react-i18next';
import { formatFrenchDay, parseFrenchDay } from '../../shared/frenchDateInput';
import { formatDayLong } from '../format/calendarDay';
import { ParsedTextField } from './ParsedTextField';
import './fields.css';

interface DateFieldProps {
  label: string;
  /** `YYYY-MM-DD`, '' when empty, null when what is typed is not a day. */
  value: string | null;
  onChange: (day: string | null) => void;
  testId?: string;
  required?: boolean;
  /** Says the weekday under the field (off where the day is written nearby already). */
  showWeekday?: boolean;
}

/** A day typed as dd/mm/yyyy whatever the browser's language, its weekday said under it. */
export function DateField({ label, value, onChange, testId, required, showWeekday = true }: DateFieldProps) {
  const { t } = useTranslation('ui');
  return (
    <ParsedTextField
      className="date-field"
      label={label}
      value={value}
      onChange={onChange}
      parse={parseFrenchDay}
      format={formatFrenchDay}
      describe={showWeekday ? formatDayLong : undefined}
      placeholder={t('fields.day_placeholder')}
      problem={t('fields.day_problem')}
      testId={testId}
      required={required}
    />
  );
}
