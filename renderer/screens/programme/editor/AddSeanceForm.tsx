import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EditableOffer } from '../../../../shared/contract';
import { seanceStartProblem } from '../../../../shared/seanceTime';
import { useVenueTimeZone } from '../../../context/appInfoContext';
import { DateField } from '../../../forms/DateField';
import { TimeField } from '../../../forms/TimeField';
import { useNow } from '../../../hooks/useNow';
import { seatsOf, sentence } from './formValues';
import { TariffSelect } from './TariffSelect';

export interface NewSeance {
  day: string;
  time: string;
  priceCategoryId: number;
  seats: number | null;
}

interface AddSeanceFormProps {
  offer: Pick<EditableOffer, 'priceCategories'>;
  busy: boolean;
  onAdd: (seance: NewSeance) => void;
}

/**
 * A new séance: day (dd/mm/yyyy) and time (24 h) at the venue, sent with its offset by the core; tariff; pass
 * Culture seats. A séance that would already have begun is refused here, with the reason, before anything is sent.
 */
export function AddSeanceForm({ offer, busy, onAdd }: AddSeanceFormProps) {
  const { t } = useTranslation('ui');
  const timeZone = useVenueTimeZone();
  const now = useNow(30_000);
  const [day, setDay] = useState<string | null>('');
  const [time, setTime] = useState<string | null>('20:30');
  const [chosenPriceCategoryId, setPriceCategoryId] = useState(offer.priceCategories[0]?.id ?? 0);
  // The film's tariffs change while the form is open (one added, one renamed): the choice stays one of them.
  const priceCategoryId = offer.priceCategories.some((pc) => pc.id === chosenPriceCategoryId)
    ? chosenPriceCategoryId
    : (offer.priceCategories[0]?.id ?? 0);
  const [seats, setSeats] = useState('20');
  const parsedSeats = seatsOf(seats);
  const past = day && time ? seanceStartProblem(day, time, timeZone, now.getTime()) : null;
  const valid = !!day && !!time && past === null && parsedSeats !== undefined && priceCategoryId > 0;
  return (
    <form
      className="seance-editor__add"
      data-testid="add-seance"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (valid && day && time && parsedSeats !== undefined)
          onAdd({ day, time, priceCategoryId, seats: parsedSeats });
      }}
    >
      <h3>{t('programme_editor.add_seance')}</h3>
      <DateField label={t('programme_editor.day_label')} value={day} onChange={setDay} testId="seance-day" required />
      <TimeField
        label={t('programme_editor.time_label')}
        value={time}
        onChange={setTime}
        testId="seance-time"
        required
      />
      <TariffSelect
        tariffs={offer.priceCategories}
        value={priceCategoryId}
        onChange={setPriceCategoryId}
        testId="seance-tariff"
      />
      <label>
        {t('programme_editor.seats_label')}
        <input
          data-testid="seance-seats-input"
          inputMode="numeric"
          value={seats}
          placeholder={t('programme_editor.unlimited')}
          onChange={(event) => setSeats(event.target.value)}
        />
      </label>
      <button
        type="submit"
        className="button button--primary"
        data-testid="add-seance-submit"
        disabled={busy || !valid}
      >
        {t('programme_editor.add')}
      </button>
      {past && (
        <p role="alert" className="form-problem" data-testid="seance-problem">
          {sentence(past)}
        </p>
      )}
    </form>
  );
}
