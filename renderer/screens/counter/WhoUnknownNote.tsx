import { useTranslation } from 'react-i18next';

/** A refusal without a name: the platform's answer carries none, and this counter never saw the countermark. */
export function WhoUnknownNote() {
  const { t } = useTranslation('ui');
  return (
    <p className="verdict__note" data-testid="who-unknown">
      {t('verdict.who_unknown')}
    </p>
  );
}
