import { useTranslation } from 'react-i18next';

/** Recorded here, in the upload queue: pass Culture will hear of it when the network is back. */
export function UploadPendingNote() {
  const { t } = useTranslation('ui');
  return (
    <p className="upload-pending" data-testid="upload-pending" role="note">
      {t('verdict.upload_pending')}
    </p>
  );
}
