import { useTranslation } from 'react-i18next';
import type { BookingView } from '../../../shared/contract';

/** "Entrée validée — 2 places (DUO)": the label of a validated panel, so the count is read first. */
export function ValidationHeadline({ booking }: { booking: BookingView | null }) {
  const { t } = useTranslation('ui');
  const places = t('common:places', { count: booking?.quantity ?? 1 });
  return (
    <span data-testid="validation-confirmation">
      {booking?.isDuo ? t('verdict.validated_headline_duo', { places }) : t('verdict.validated_headline', { places })}
    </span>
  );
}
