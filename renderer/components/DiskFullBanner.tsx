import { useTranslation } from 'react-i18next';
import { useSyncStatus } from '../hooks/useSyncStatus';

/** The disk is full: validations cannot be recorded until space returns (the engine says when it does). */
export function DiskFullBanner() {
  const { t } = useTranslation('ui');
  const { status } = useSyncStatus();
  if (!status?.diskFull) return null;
  return (
    <div className="link-banner disk-full-banner" role="alert" data-testid="disk-full">
      {t('disk.full_banner')}
    </div>
  );
}
