import { useTranslation } from 'react-i18next';
import type { VenueOption } from '../../../../shared/contract';

interface VenueChoiceProps {
  venues: readonly VenueOption[];
  selected: readonly number[];
  onChange: (selected: number[]) => void;
}

/** The venues the key reaches (with SIRET and address, to tell them apart): the counter serves the ticked ones. */
export function VenueChoice({ venues, selected, onChange }: VenueChoiceProps) {
  const { t } = useTranslation('ui');
  if (venues.length === 0) return <p className="form-error">{t('account.no_venue')}</p>;
  return (
    <fieldset className="form-group" data-testid="account-venues">
      <legend className="form-group__legend">{t('account.venues_label')}</legend>
      {venues.map((venue) => {
        const isChecked = selected.includes(venue.id);
        return (
          <label key={venue.id} className="choice choice--venue" data-testid="account-venue" data-venue-id={venue.id}>
            <input
              type="checkbox"
              checked={isChecked}
              onChange={() => onChange(isChecked ? selected.filter((id) => id !== venue.id) : [...selected, venue.id])}
            />
            <span className="choice__text">
              <span className="choice__title">{venue.name}</span>
              <span className="choice__hint">{venue.offererName}</span>
              <span className="choice__hint">
                {venue.siret ? t('account.siret', { siret: formatSiret(venue.siret) }) : t('account.no_siret')}
                {venue.address && ` · ${venue.address}`}
              </span>
            </span>
          </label>
        );
      })}
    </fieldset>
  );
}

/** "832 654 909 00015": SIREN in threes, then the establishment number, as on official papers. */
function formatSiret(siret: string): string {
  return /^\d{14}$/.test(siret) ? siret.replace(/^(\d{3})(\d{3})(\d{3})(\d{5})$/, '$1 $2 $3 $4') : siret;
}
