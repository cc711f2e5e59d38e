import { useCallback, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from '../../i18n';
import { useStaff } from '../../context/staffContext';
import type { EventName } from '../../../shared/contract';
import { dayInZone } from '../../../shared/dates';
import { LoadState } from '../../components/LoadState';
import { useApi, useVenueTimeZone } from '../../context/coreContext';
import { addDays, formatDayLong, formatDayShort } from '../../format/dates';
import { useEventRefreshKey, useLoadedEnvelope } from '../../hooks/coreData';
import { useEscapeKey, useNow } from '../../hooks/pageHooks';
import type { SeanceTarget } from '../bookings/seanceBookingRows';
import { ManageFilmDialog } from './editor/ManageFilmDialog';
import { PublishFilmDialog, type PublishOutcome } from './editor/PublishFilmDialog';
import { FilmCard } from './FilmCard';
import { filmsOfDay, slotCountsByDay, type SeanceSlot } from './groupProgramme';
import { UnscheduledFilms } from './UnscheduledFilms';
import './programme.css';

const DAYS = 7;
/** The last tab: films with no séance on any of the days shown. */
const UNSCHEDULED_TAB = 'sans-seance';
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
  // Publishing and managing films is the manager's (the engine refuses it to a cashier): a cashier reads.
  const { isManager } = useStaff();
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
        {isManager && (
          <button
            type="button"
            className="button button--primary"
            data-testid="publish-film-open"
            onClick={() => setEditing({ kind: 'publish' })}
          >
            {t('programme_editor.publish_open')}
          </button>
        )}
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
            onManage={isManager ? (offerId) => setEditing({ kind: 'manage', offerId }) : undefined}
          />
        ) : (
          <h3 className="visually-hidden">{formatDayLong(day)}</h3>
        )}
        <LoadState envelope={envelope} onRetry={retry} loadingText={t('programme.loading')}>
          {() =>
            day !== UNSCHEDULED_TAB && films.length === 0 && <p className="screen-empty">{t('programme.empty_day')}</p>
          }
        </LoadState>
        {films.map((film) => (
          <FilmCard
            key={film.offer.offerId}
            film={film}
            now={now}
            onOpenSeance={open}
            onManage={isManager ? () => setEditing({ kind: 'manage', offerId: film.offer.offerId }) : undefined}
          />
        ))}
      </div>
    </section>
  );
}

interface DayTabsProps {
  days: readonly string[];
  /** A day, or UNSCHEDULED_TAB. */
  selected: string;
  counts: ReadonlyMap<string, number>;
  /** Films without a séance on these days (the "Sans séance" tab). */
  unscheduledCount: number;
  onSelect: (tab: string) => void;
}

/**
 * Today and the next days (`days` starts today), then "Sans séance", as tabs: ← → (Home, End) move between them.
 */
function DayTabs({ days, selected, counts, unscheduledCount, onSelect }: DayTabsProps) {
  const { t } = useTranslation('ui');
  const listRef = useRef<HTMLDivElement>(null);
  const tabs = [...days, UNSCHEDULED_TAB];

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    const index = tabs.indexOf(selected);
    const target =
      event.key === 'ArrowRight'
        ? tabs[Math.min(index + 1, tabs.length - 1)]
        : event.key === 'ArrowLeft'
          ? tabs[Math.max(index - 1, 0)]
          : event.key === 'Home'
            ? tabs[0]
            : event.key === 'End'
              ? tabs[tabs.length - 1]
              : undefined;
    if (!target) return;
    event.preventDefault();
    onSelect(target);
    listRef.current?.querySelector<HTMLButtonElement>(`[data-day="${target}"]`)?.focus();
  }

  return (
    <div ref={listRef} className="day-tabs" role="tablist" aria-label={t('programme.days')} onKeyDown={onKeyDown}>
      {days.map((day, index) => {
        const isSelected = day === selected;
        const name = index === 0 ? t('programme.today') : index === 1 ? t('programme.tomorrow') : null;
        return (
          <button
            key={day}
            type="button"
            role="tab"
            id={`day-tab-${day}`}
            className="day-tab"
            data-testid="programme-day"
            data-day={day}
            aria-selected={isSelected}
            aria-controls="programme-day-panel"
            tabIndex={isSelected ? 0 : -1}
            onClick={() => onSelect(day)}
          >
            <span className="day-tab__name">{name ?? formatDayShort(day)}</span>
            {name && <span className="day-tab__date">{formatDayShort(day)}</span>}
            <span className="day-tab__count">{t('programme.seance_count', { count: counts.get(day) ?? 0 })}</span>
          </button>
        );
      })}
      <button
        type="button"
        role="tab"
        id={`day-tab-${UNSCHEDULED_TAB}`}
        className="day-tab day-tab--unscheduled"
        data-testid="programme-unscheduled-tab"
        data-day={UNSCHEDULED_TAB}
        aria-selected={selected === UNSCHEDULED_TAB}
        aria-controls="programme-day-panel"
        tabIndex={selected === UNSCHEDULED_TAB ? 0 : -1}
        onClick={() => onSelect(UNSCHEDULED_TAB)}
      >
        <span className="day-tab__name">{t('programme.unscheduled.tab')}</span>
        <span className="day-tab__count">{t('programme.unscheduled.count', { count: unscheduledCount })}</span>
      </button>
    </div>
  );
}
