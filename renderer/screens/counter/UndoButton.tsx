import { useTranslation } from 'react-i18next';
import type { BookingView } from '../../../shared/contract';
import { shortName } from './counterPanel';

interface UndoButtonProps {
  isBusy: boolean;
  booking: BookingView | null;
  onClick: () => void;
}

export function UndoButton({ isBusy, booking, onClick }: UndoButtonProps) {
  const { t } = useTranslation('ui');
  const name = shortName(booking);
  return (
    <button
      type="button"
      className="button button--undo"
      data-testid="undo-button"
      aria-label={name ? t('verdict.undo_label', { name }) : undefined}
      disabled={isBusy}
      onClick={onClick}
    >
      {t('verdict.undo')}
    </button>
  );
}
