import { useTranslation } from 'react-i18next';
import { formatTime } from '../../../shared/dates';
import type { Verdict } from '../../../shared/contract';
import { useVenueTimeZone } from '../../context/appInfoContext';
import { seanceDayLabel } from '../../format/seanceDay';

/** When and where a used booking was validated, as far as this counter knows. */
export function UsedByNote({ usedBy }: { usedBy: NonNullable<Verdict['usedBy']> }) {
  const { t } = useTranslation('ui');
  const timeZone = useVenueTimeZone();
  return (
    <p className="verdict__note verdict__note--strong" data-testid="used-by" data-where={usedBy.where}>
      {usedBy.where === 'here' && usedBy.at
        ? t('verdict.used_here', {
            counter: usedBy.counterName ?? '',
            day: seanceDayLabel(usedBy.at, new Date(), timeZone),
            time: formatTime(usedBy.at, timeZone),
          })
        : t('verdict.used_elsewhere')}
    </p>
  );
}
