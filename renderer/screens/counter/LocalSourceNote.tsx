import { useTranslation } from 'react-i18next';

/** The verdict comes from this counter's mirror (offline), not from pass Culture. */
export function LocalSourceNote() {
  const { t } = useTranslation('ui');
  return (
    <p className="verdict__source" data-testid="verdict-source" data-source="local">
      {t('verdict.source_local')}
    </p>
  );
}
