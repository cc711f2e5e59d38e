import { useTranslation } from 'react-i18next';

interface BookingsSearchFieldProps {
  value: string;
  onChange: (value: string) => void;
}

/** Name search; Escape empties it first (a second Escape leaves the screen). */
export function BookingsSearchField({ value, onChange }: BookingsSearchFieldProps) {
  const { t } = useTranslation('ui');
  return (
    <div className="search-field">
      <label className="search-field__label" htmlFor="bookings-search">
        {t('bookings.search_label')}
      </label>
      <input
        id="bookings-search"
        data-testid="bookings-search"
        className="search-field__input"
        type="search"
        value={value}
        placeholder={t('bookings.search_placeholder')}
        autoComplete="off"
        spellCheck={false}
        autoFocus
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && value !== '') {
            event.preventDefault();
            onChange('');
          }
        }}
      />
    </div>
  );
}
