import { useTranslation } from 'react-i18next';
import { parseFrenchTime } from '../../shared/frenchDateInput';
import { ParsedTextField } from './ParsedTextField';
import './fields.css';

interface TimeFieldProps {
  label: string;
  /** `HH:MM` (24 h), '' when empty, null when what is typed is not a time. */
  value: string | null;
  onChange: (time: string | null) => void;
  testId?: string;
  required?: boolean;
}

/** A time of day typed as 20:30 (or 20h30, 2030) whatever the browser's language: always 24 h. */
export function TimeField({ label, value, onChange, testId, required }: TimeFieldProps) {
  const { t } = useTranslation('ui');
  return (
    <ParsedTextField
      className="time-field"
      label={label}
      value={value}
      onChange={onChange}
      parse={parseFrenchTime}
      format={(time) => time}
      placeholder={t('fields.time_placeholder')}
      problem={t('fields.time_problem')}
      testId={testId}
      required={required}
    />
  );
}
