import { useTranslation } from 'react-i18next';
import type { SeanceView } from '../../../shared/contract';
import { formatSeance } from '../../../shared/dates';
import { useVenueTimeZone } from '../../context/appInfoContext';
import { slotTotals } from '../programme/groupProgramme';
import { TariffLine } from '../programme/TariffLine';
import type { SeanceTarget } from './seanceTarget';

/** The séance shown: film, day and time, places booked and left, expected and came, per tariff. */
export function SeanceSummary({ target, stocks }: { target: SeanceTarget; stocks: readonly SeanceView[] }) {
  const { t } = useTranslation('ui');
  const timeZone = useVenueTimeZone();
  const totals = slotTotals({ stocks });
  return (
    <div className="seance-summary" data-testid="seance-summary">
      <div className="seance-summary__head">
        <h3 className="seance-summary__film">{target.offerName}</h3>
        <p className="seance-summary__when">{formatSeance(target.start, timeZone)}</p>
      </div>
      {stocks.length > 0 && (
        <p className="seance-summary__totals">
          <span>{t('programme.booked', { count: totals.booked })}</span>
          <span>
            {totals.remaining === null
              ? t('programme.unlimited')
              : t('programme.remaining', { count: totals.remaining })}
          </span>
          <span>{t('programme.expected', { count: totals.expected })}</span>
          <span>{t('programme.came', { count: totals.came })}</span>
        </p>
      )}
      {stocks.length > 1 && (
        <div className="seance-summary__tariffs">
          {stocks.map((stock) => (
            <TariffLine key={stock.stockId} stock={stock} />
          ))}
        </div>
      )}
    </div>
  );
}
