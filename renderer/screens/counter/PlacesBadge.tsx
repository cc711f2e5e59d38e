import { useTranslation } from 'react-i18next';
import type { BookingView } from '../../../shared/contract';

/** "1 place", or a badge nobody can miss for a DUO (one countermark, two people). */
export function PlacesBadge({ booking }: { booking: BookingView }) {
  const { t } = useTranslation('ui');
  const places = t('common:places', { count: booking.quantity });
  if (!booking.isDuo) {
    return (
      <span className="places" data-testid="places">
        {places}
      </span>
    );
  }
  return (
    <span className="places places--duo" data-testid="places">
      {t('verdict.places_duo', { places })}
    </span>
  );
}
