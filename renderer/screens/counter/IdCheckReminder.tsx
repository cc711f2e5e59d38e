import { useTranslation } from 'react-i18next';

export function IdCheckReminder() {
  const { t } = useTranslation('ui');
  return (
    <p className="id-check" data-testid="id-check">
      <svg className="id-check__icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <rect x="2.5" y="5" width="19" height="14" rx="2" fill="none" stroke="currentColor" strokeWidth="2" />
        <circle cx="8.5" cy="11" r="2.2" fill="none" stroke="currentColor" strokeWidth="2" />
        <path
          d="M5.5 16.2c.8-1.6 5.2-1.6 6 0M14 10h4.5M14 13.5h3"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
          strokeLinecap="round"
        />
      </svg>
      {t('verdict.check_id')}
    </p>
  );
}
