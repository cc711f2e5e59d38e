import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EditableOffer } from '../../../../shared/contract';
import { seatsOf } from './formValues';
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

/** A new séance: day and time at the venue (sent with its offset by the core), tariff, pass Culture seats. */
export function AddSeanceForm({ offer, busy, onAdd }: AddSeanceFormProps) {
  const { t } = useTranslation('ui');
  const [day, setDay] = useState('');
  const [time, setTime] = useState('20:30');
  const [chosenPriceCategoryId, setPriceCategoryId] = useState(offer.priceCategories[0]?.id ?? 0);
  // The film's tariffs change while the form is open (one added, one renamed): the choice stays one of them.
  const priceCategoryId = offer.priceCategories.some((pc) => pc.id === chosenPriceCategoryId)
    ? chosenPriceCategoryId
    : (offer.priceCategories[0]?.id ?? 0);
  const [seats, setSeats] = useState('20');
  const parsedSeats = seatsOf(seats);
  const valid =
    /^\d{4}-\d{2}-\d{2}$/.test(day) && /^\d{2}:\d{2}$/.test(time) && parsedSeats !== undefined && priceCategoryId > 0;
  return (
    <form
      className="seance-editor__add"
      data-testid="add-seance"
      onSubmit={(event) => {
        event.preventDefault();
        if (valid && parsedSeats !== undefined) onAdd({ day, time, priceCategoryId, seats: parsedSeats });
      }}
    >
      <h3>{t('programme_editor.add_seance')}</h3>
      <label>
        {t('programme_editor.day_label')}
        <input
          type="date"
          data-testid="seance-day"
          required
          value={day}
          onChange={(event) => setDay(event.target.value)}
        />
      </label>
      <label>
        {t('programme_editor.time_label')}
        <input
          type="time"
          data-testid="seance-time"
          required
          value={time}
          onChange={(event) => setTime(event.target.value)}
        />
      </label>
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
    </form>
  );
}
