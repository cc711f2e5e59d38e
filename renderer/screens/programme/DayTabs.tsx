import { useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDayShort } from '../../format/calendarDay';

interface DayTabsProps {
  days: readonly string[];
  selected: string;
  counts: ReadonlyMap<string, number>;
  onSelect: (day: string) => void;
}

/** Today and the next days (`days` starts today), as tabs: ← → (Home, End) move between them. */
export function DayTabs({ days, selected, counts, onSelect }: DayTabsProps) {
  const { t } = useTranslation('ui');
  const listRef = useRef<HTMLDivElement>(null);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    const index = days.indexOf(selected);
    const target =
      event.key === 'ArrowRight'
        ? days[Math.min(index + 1, days.length - 1)]
        : event.key === 'ArrowLeft'
          ? days[Math.max(index - 1, 0)]
          : event.key === 'Home'
            ? days[0]
            : event.key === 'End'
              ? days[days.length - 1]
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
    </div>
  );
}
