import { useTranslation } from 'react-i18next';
import type { SeanceView } from '../../../shared/contract';
import { formatCents } from '../../../shared/money';

/** One price category of a séance: places booked and left, bookings expected and came. */
export function TariffLine({ stock }: { stock: SeanceView }) {
  const { t } = useTranslation('ui');
  return (
    <span className="tariff-line" data-testid="programme-tariff" data-stock-id={stock.stockId}>
      <span className="tariff-line__label">
        {t('programme.tariff', { label: stock.priceCategoryLabel, price: formatCents(stock.priceCents) })}
      </span>
      <span className="tariff-line__figure">
        {stock.quantity === null
          ? t('programme.tariff_booked_unlimited', { count: stock.bookedQuantity })
          : t('programme.tariff_booked', { count: stock.bookedQuantity, quantity: stock.quantity })}
      </span>
      <span className="tariff-line__figure">
        {stock.remaining === null
          ? t('programme.unlimited')
          : t('programme.tariff_remaining', { count: stock.remaining })}
      </span>
      <span className="tariff-line__figure">
        {t('programme.tariff_expected', { count: stock.expected })} ·{' '}
        {t('programme.tariff_came', { count: stock.came })}
      </span>
    </span>
  );
}
