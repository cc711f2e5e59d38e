import { useTranslation } from 'react-i18next';
import { formatTime } from '../../../shared/dates';
import { useVenueTimeZone } from '../../context/appInfoContext';
import type { SeanceSlot } from './groupProgramme';
import { slotTotals } from './groupProgramme';
import type { SeanceTiming } from './seanceTiming';
import { TariffLine } from './TariffLine';

interface SeanceButtonProps {
  slot: SeanceSlot;
  timing: SeanceTiming;
  onOpen: (slot: SeanceSlot) => void;
}

/** One séance (film + time): places booked and left, expected and came, per tariff; opens its bookings. */
export function SeanceButton({ slot, timing, onOpen }: SeanceButtonProps) {
  const { t } = useTranslation('ui');
  const timeZone = useVenueTimeZone();
  const totals = slotTotals(slot);
  const time = formatTime(slot.start, timeZone);
  return (
    <button
      type="button"
      className={`seance-slot seance-slot--${timing}`}
      data-testid="programme-seance"
      data-stock-id={slot.stocks[0]?.stockId}
      data-stock-ids={slot.stocks.map((stock) => stock.stockId).join(' ')}
      data-timing={timing}
      onClick={() => onOpen(slot)}
    >
      {/* Several films have a 20:30: the film's name makes each button's name unique when read alone. */}
      <span className="visually-hidden">{slot.offerName}, </span>
      <span className="seance-slot__top">
        <span className="seance-slot__time">{time}</span>
        {timing !== 'upcoming' && (
          <span className={`seance-slot__timing seance-slot__timing--${timing}`}>
            {t(`programme.timing.${timing}`)}
          </span>
        )}
      </span>
      <span className="seance-slot__totals">
        <span>{t('programme.booked', { count: totals.booked })}</span>
        <span>
          {totals.remaining === null ? t('programme.unlimited') : t('programme.remaining', { count: totals.remaining })}
        </span>
      </span>
      <span className="seance-slot__presence">
        <span>{t('programme.expected', { count: totals.expected })}</span>
        <span>{t('programme.came', { count: totals.came })}</span>
      </span>
      <span className="seance-slot__tariffs">
        {slot.stocks.map((stock) => (
          <TariffLine key={stock.stockId} stock={stock} />
        ))}
      </span>
    </button>
  );
}
