import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EditableOffer, EditableSeance } from '../../../../shared/contract';
import { dayInZone, formatTime } from '../../../../shared/dates';
import { formatCents } from '../../../../shared/money';
import { seanceStartProblem } from '../../../../shared/seanceTime';
import { useVenueTimeZone } from '../../../context/appInfoContext';
import { DateField } from '../../../forms/DateField';
import { TimeField } from '../../../forms/TimeField';
import { formatDayLong } from '../../../format/calendarDay';
import { seatsOf, sentence } from './formValues';
import { TariffSelect } from './TariffSelect';

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
  const { t } = useTranslation('ui');
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
