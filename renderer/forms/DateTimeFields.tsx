/**
 * Day and time fields typed in French format whatever the browser's language (dd/mm/yyyy, 24 h): text fields read
 * by a parser (shared/frenchDateInput.ts), so the format is ours and not the browser's.
 */
import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from '../i18n';
import { formatFrenchDay, parseFrenchDay, parseFrenchTime } from '../../shared/frenchDateInput';
import { formatDayLong } from '../format/dates';
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

interface ParsedTextFieldProps {
  label: ReactNode;
  /** The value as the form keeps it: '' when empty, null when what is typed cannot be read. */
  value: string | null;
  onChange: (value: string | null) => void;
  parse: (text: string) => string | null;
  format: (value: string) => string;
  placeholder: string;
  testId?: string;
  /** What the value means, under the field once it reads (e.g. the weekday of a date). */
  describe?: (value: string) => string;
  /** Shown under the field when what is typed cannot be read, once the manager has left the field. */
  problem: string;
  required?: boolean;
  autoFocus?: boolean;
  className?: string;
}

/**
 * A text field read by a parser, so its format is ours and not the browser's (see shared/frenchDateInput.ts).
 * The text is rewritten in the canonical format when the field is left; a value set from outside (a reset, the
 * next séance) replaces what is typed.
 */
function ParsedTextField(props: ParsedTextFieldProps) {
  const { value, parse, format } = props;
  const [text, setText] = useState(value ? format(value) : '');
  const [shownValue, setShownValue] = useState(value);
  const [left, setLeft] = useState(false);
  const hintId = useId();
  // A value changed from outside (not by typing here): show it.
  if (value !== shownValue) {
    setShownValue(value);
    if (value !== null && value !== (text.trim() === '' ? '' : parse(text))) setText(value ? format(value) : '');
  }
  const isInvalid = value === null && text.trim() !== '';
  const hint = isInvalid ? (left ? props.problem : null) : value && props.describe ? props.describe(value) : null;
  return (
    <label className={props.className}>
      {props.label}
      <input
        data-testid={props.testId}
        inputMode="numeric"
        autoComplete="off"
        placeholder={props.placeholder}
        required={props.required}
        autoFocus={props.autoFocus}
        value={text}
        aria-invalid={isInvalid && left}
        aria-describedby={hint ? hintId : undefined}
        onChange={(event) => {
          const typed = event.target.value;
          setText(typed);
          setLeft(false);
          const next = typed.trim() === '' ? '' : parse(typed);
          setShownValue(next);
          props.onChange(next);
        }}
        onBlur={() => {
          setLeft(true);
          if (value) setText(format(value));
        }}
      />
      {hint && (
        <span
          id={hintId}
          className={isInvalid ? 'field-hint field-hint--problem' : 'field-hint'}
          role={isInvalid ? 'alert' : undefined}
        >
          {hint}
        </span>
      )}
    </label>
  );
}
