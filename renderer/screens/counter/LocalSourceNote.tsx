import { useTranslation } from 'react-i18next';

/**
 * The verdict comes from this counter's mirror: offline, or online while pass Culture confirms it (local first —
 * a different answer replaces the verdict by itself).
 */
export function LocalSourceNote({ confirming }: { confirming: boolean }) {
  const { t } = useTranslation('ui');
  return (
    <p className="verdict__source" data-testid="verdict-source" data-source="local" data-confirming={confirming}>
      {t(confirming ? 'verdict.source_local_confirming' : 'verdict.source_local')}
    </p>
  );
}
