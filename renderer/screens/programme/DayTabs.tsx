import { useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDayShort } from '../../format/calendarDay';

/** The last tab: films with no séance on any of the days shown. */
export const UNSCHEDULED_TAB = 'sans-seance';

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
export function DayTabs({ days, selected, counts, unscheduledCount, onSelect }: DayTabsProps) {
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
