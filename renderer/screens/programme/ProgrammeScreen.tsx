import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventName } from '../../../shared/contract';
import { dayInZone } from '../../../shared/dates';
import { useVenueTimeZone } from '../../context/appInfoContext';
import { useApi } from '../../context/coreContext';
import { addDays, formatDayLong } from '../../format/calendarDay';
import { useEscapeKey } from '../../hooks/useEscapeKey';
import { useEventRefreshKey } from '../../hooks/useEventRefreshKey';
import { useLoadedEnvelope } from '../../hooks/useLoadedEnvelope';
import { useNow } from '../../hooks/useNow';
import type { SeanceTarget } from '../bookings/seanceTarget';
import { DayTabs, UNSCHEDULED_TAB } from './DayTabs';
import { ManageFilmDialog } from './editor/ManageFilmDialog';
import { PublishFilmDialog, type PublishOutcome } from './editor/PublishFilmDialog';
import { FilmCard } from './FilmCard';
import { filmsOfDay, slotCountsByDay, type SeanceSlot } from './groupProgramme';
import { UnscheduledFilms } from './UnscheduledFilms';

const DAYS = 7;
const REFRESH_ON: readonly EventName[] = ['programme.changed', 'bookings.changed', 'ledger.changed', 'account.changed'];

interface ProgrammeScreenProps {
  onOpenSeance: (target: SeanceTarget) => void;
  onBack: () => void;
}

/** Today and the next days at the venue: films, séances, pass Culture places booked and left. Escape goes back. */
export function ProgrammeScreen({ onOpenSeance, onBack }: ProgrammeScreenProps) {
  const { t } = useTranslation('ui');
  const api = useApi();
  const timeZone = useVenueTimeZone();
  const now = useNow(60_000);
  const refreshKey = useEventRefreshKey(REFRESH_ON);
  const load = useCallback(() => api.call('programme.list', { days: DAYS }), [api]);
  const { envelope, isRefreshing, retry } = useLoadedEnvelope(load, refreshKey);
  const loadUnscheduled = useCallback(() => api.call('programme.unscheduled', { days: DAYS }), [api]);
  const unscheduled = useLoadedEnvelope(loadUnscheduled, refreshKey).envelope;
  const [editing, setEditing] = useState<
    { kind: 'publish' } | { kind: 'manage'; offerId: number; notice?: PublishOutcome['notice'] } | null
  >(null);
  // A dialog takes Escape for itself: the screen only goes back when none is open.
  useEscapeKey(() => {
    if (!editing) onBack();
  });

  const today = dayInZone(now.toISOString(), timeZone);
  const days = useMemo(() => Array.from({ length: DAYS }, (_, i) => addDays(today, i)), [today]);
  const [chosenDay, setChosenDay] = useState<string | null>(null);
  const day = chosenDay && (days.includes(chosenDay) || chosenDay === UNSCHEDULED_TAB) ? chosenDay : today;
  const unscheduledFilms = unscheduled?.ok ? unscheduled.value.films : [];

  const programme = envelope?.ok ? envelope.value : null;
  const counts = useMemo(() => slotCountsByDay(programme?.seances ?? [], timeZone), [programme, timeZone]);
  const films = useMemo(
    () => (programme ? filmsOfDay(programme.offers, programme.seances, day, timeZone) : []),
    [programme, day, timeZone],
  );

  function open(slot: SeanceSlot): void {
    onOpenSeance({
      offerId: slot.offerId,
      offerName: slot.offerName,
      start: slot.start,
      stockIds: slot.stocks.map((stock) => stock.stockId),
    });
  }

  return (
    <section className="programme" aria-labelledby="programme-title" aria-busy={isRefreshing}>
      <div className="screen-head">
        <h2 className="screen-head__title" id="programme-title">
          {t('programme.title')}
        </h2>
        <p className="screen-head__hint">{t('programme.hint')}</p>
        <button
          type="button"
          className="button button--primary"
          data-testid="publish-film-open"
          onClick={() => setEditing({ kind: 'publish' })}
        >
          {t('programme_editor.publish_open')}
        </button>
      </div>
      {editing?.kind === 'publish' && (
        <PublishFilmDialog
          onClose={() => setEditing(null)}
          onPublished={({ offerId, notice }) => setEditing({ kind: 'manage', offerId, notice })}
        />
      )}
      {editing?.kind === 'manage' && (
        <ManageFilmDialog offerId={editing.offerId} notice={editing.notice} onClose={() => setEditing(null)} />
      )}
      <DayTabs
        days={days}
        selected={day}
        counts={counts}
        unscheduledCount={unscheduledFilms.length}
        onSelect={setChosenDay}
      />
      <div
        className="programme__day"
        role="tabpanel"
        id="programme-day-panel"
        aria-labelledby={`day-tab-${day}`}
        data-testid="programme-day-panel"
      >
        {day === UNSCHEDULED_TAB ? (
          <UnscheduledFilms
            films={unscheduledFilms}
            firstDay={today}
            lastDay={days.at(-1) ?? today}
            onManage={(offerId) => setEditing({ kind: 'manage', offerId })}
          />
        ) : (
          <h3 className="visually-hidden">{formatDayLong(day)}</h3>
        )}
        {envelope && !envelope.ok && (
          <div className="screen-error" role="alert">
            <p>{envelope.error.message}</p>
            <button type="button" className="button button--secondary" onClick={retry}>
              {t('app.retry')}
            </button>
          </div>
        )}
        {!envelope && <p className="screen-empty">{t('programme.loading')}</p>}
        {programme && day !== UNSCHEDULED_TAB && films.length === 0 && (
          <p className="screen-empty">{t('programme.empty_day')}</p>
        )}
        {films.map((film) => (
          <FilmCard
            key={film.offer.offerId}
            film={film}
            now={now}
            onOpenSeance={open}
            onManage={() => setEditing({ kind: 'manage', offerId: film.offer.offerId })}
          />
        ))}
      </div>
    </section>
  );
}
