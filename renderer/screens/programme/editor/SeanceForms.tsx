/** A film's séances in the editor: one séance's seats (set, close, reopen), moving or deleting it, and a new one. */
import { useState } from 'react';
import { useTranslation } from '../../../i18n';
import type { EditableOffer, EditableSeance } from '../../../../shared/contract';
import { dayInZone, formatTime } from '../../../../shared/dates';
import { formatCents } from '../../../../shared/money';
import { seanceStartProblem } from '../../../../shared/seanceTime';
import { useVenueTimeZone } from '../../../context/coreContext';
import { formatDayLong } from '../../../format/dates';
import { DateField, TimeField } from '../../../forms/DateTimeFields';
import { useNow } from '../../../hooks/pageHooks';
import { seatsOf, sentence } from './formValues';
import { TariffSelect } from './TariffFields';

export type SeanceAction =
  | { kind: 'seats'; available: number | null }
  | { kind: 'close' }
  | { kind: 'reopen' }
  /** `priceCategoryId` only when the séance goes on another tariff. */
  | { kind: 'move'; day: string; time: string; priceCategoryId: number | undefined }
  | { kind: 'delete' };

interface SeanceRowProps {
  seance: EditableSeance;
  managed: boolean;
  /** The film's tariffs, to put the séance on another one. */
  tariffs: EditableOffer['priceCategories'];
  busy: boolean;
  /** Now, from the dialog (one clock for all its rows): a séance cannot be moved into the past. */
  now: Date;
  onAction: (stockId: number, action: SeanceAction) => void;
}

/**
 * One séance in the film editor: pass Culture seats (set, close, reopen) and, for the key's own films, move it, put
 * it on another tariff, or delete it.
 */
export function SeanceRow({ seance, managed, tariffs, busy, now, onAction }: SeanceRowProps) {
  const { t } = useTranslation(['ui', 'common']);
  const timeZone = useVenueTimeZone();
  const [seats, setSeats] = useState(seance.available === null ? '' : String(seance.available));
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const startDay = dayInZone(seance.start, timeZone);
  const startTime = formatTime(seance.start, timeZone);
  const [moveDay, setMoveDay] = useState<string | null>(startDay);
  const [moveTime, setMoveTime] = useState<string | null>(startTime);
  const [moveTariff, setMoveTariff] = useState(seance.priceCategoryId);
  const parsedSeats = seatsOf(seats);
  const isMoved = moveDay !== startDay || moveTime !== startTime;
  // Only a new start is checked: a séance that has begun can still go on another tariff.
  const movePast =
    isMoved && moveDay && moveTime ? seanceStartProblem(moveDay, moveTime, timeZone, now.getTime()) : null;
  const canMove = !!moveDay && !!moveTime && movePast === null && (isMoved || moveTariff !== seance.priceCategoryId);
  const act = (action: SeanceAction) => onAction(seance.stockId, action);

  return (
    <li className="seance-editor" data-testid="seance-row" data-stock-id={seance.stockId}>
      <p className="seance-editor__head" data-testid="seance-head">
        <strong>
          {formatDayLong(dayInZone(seance.start, timeZone))} · {formatTime(seance.start, timeZone)}
        </strong>{' '}
        {t('programme_editor.tariff', { label: seance.priceCategoryLabel, price: formatCents(seance.priceCents) })}
      </p>
      <p data-testid="seance-seats">
        {t('programme_editor.seats_booked', { count: seance.bookedQuantity })} ·{' '}
        {seance.available === null
          ? t('programme_editor.seats_open_unlimited')
          : t('programme_editor.seats_open', { count: seance.available })}
        {seance.closedSales && ` · ${t('programme_editor.sales_closed')}`}
      </p>
      <form
        className="seance-editor__seats"
        onSubmit={(event) => {
          event.preventDefault();
          if (parsedSeats !== undefined) act({ kind: 'seats', available: parsedSeats });
        }}
      >
        <label>
          {t('programme_editor.available_label')}
          <input
            data-testid="seats-input"
            inputMode="numeric"
            value={seats}
            placeholder={t('programme_editor.unlimited')}
            onChange={(event) => setSeats(event.target.value)}
          />
        </label>
        <button type="submit" className="button button--secondary" disabled={busy || parsedSeats === undefined}>
          {t('programme_editor.save_seats')}
        </button>
        {seance.closedSales ? (
          <button
            type="button"
            className="button button--primary"
            data-testid="reopen-sales"
            disabled={busy}
            onClick={() => act({ kind: 'reopen' })}
          >
            {t('programme_editor.reopen_sales')}
          </button>
        ) : (
          <button
            type="button"
            className="button button--danger"
            data-testid="close-sales"
            disabled={busy}
            onClick={() => act({ kind: 'close' })}
          >
            {t('programme_editor.close_sales')}
          </button>
        )}
      </form>
      {managed && (
        <form
          className="seance-editor__move"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            if (!canMove || !moveDay || !moveTime) return;
            const priceCategoryId = moveTariff !== seance.priceCategoryId ? moveTariff : undefined;
            act({ kind: 'move', day: moveDay, time: moveTime, priceCategoryId });
          }}
        >
          <DateField
            label={t('programme_editor.day_label')}
            value={moveDay}
            onChange={setMoveDay}
            testId="seance-row-day"
          />
          <TimeField
            label={t('programme_editor.time_label')}
            value={moveTime}
            onChange={setMoveTime}
            testId="seance-row-time"
          />
          <TariffSelect tariffs={tariffs} value={moveTariff} onChange={setMoveTariff} testId="seance-row-tariff" />
          <button
            type="submit"
            className="button button--secondary"
            data-testid="seance-save"
            disabled={busy || !canMove}
          >
            {t('programme_editor.move')}
          </button>
          {!confirmingDelete ? (
            <button
              type="button"
              className="button button--danger"
              data-testid="delete-seance"
              disabled={busy}
              onClick={() => setConfirmingDelete(true)}
            >
              {t('programme_editor.delete')}
            </button>
          ) : (
            <span role="alert" data-testid="delete-warning">
              {t('programme_editor.delete_warning', {
                count: seance.unusedBookings,
                places: t('common:places', { count: seance.unusedPlaces }),
              })}{' '}
              <button
                type="button"
                className="button button--danger"
                data-testid="confirm-delete"
                disabled={busy}
                onClick={() => act({ kind: 'delete' })}
              >
                {t('programme_editor.confirm_delete')}
              </button>
              <button type="button" className="button button--secondary" onClick={() => setConfirmingDelete(false)}>
                {t('programme_editor.cancel')}
              </button>
            </span>
          )}
          {movePast && (
            <p role="alert" className="form-problem" data-testid="seance-problem">
              {sentence(movePast)}
            </p>
          )}
        </form>
      )}
    </li>
  );
}

interface NewSeance {
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
