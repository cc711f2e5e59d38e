import { useTranslation } from 'react-i18next';

export function UndoButton({ isBusy, onClick }: { isBusy: boolean; onClick: () => void }) {
  const { t } = useTranslation('ui');
  return (
    <button type="button" className="button button--undo" data-testid="undo-button" disabled={isBusy} onClick={onClick}>
      {t('verdict.undo')}
    </button>
  );
}
