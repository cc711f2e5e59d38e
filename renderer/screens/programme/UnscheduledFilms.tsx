import { useTranslation } from '../../i18n';
import type { UnscheduledFilm } from '../../../shared/contract';
import { formatSeance } from '../../../shared/dates';
import { useVenueTimeZone } from '../../context/coreContext';
import './programme.css';

interface UnscheduledFilmsProps {
  films: readonly UnscheduledFilm[];
  /** Today and the last day shown, for the heading. */
  firstDay: string;
  lastDay: string;
  /** Absent for a cashier: films and séances are the manager's. */
  onManage?: (offerId: number) => void;
}

/**
 * Films with no séance on the days the Programme shows: just published, scheduled later, or only past séances.
 * "Gérer" opens the film to add séances (films published here) or to (de)activate it.
 */
export function UnscheduledFilms({ films, firstDay, lastDay, onManage }: UnscheduledFilmsProps) {
  const { t } = useTranslation('ui');
  const timeZone = useVenueTimeZone();
  const french = (day: string) => day.split('-').reverse().join('/');
  return (
    <section className="unscheduled" data-testid="programme-unscheduled" aria-labelledby="unscheduled-title">
      <h3 id="unscheduled-title" className="unscheduled__title">
        {t('programme.unscheduled.title', { from: french(firstDay), to: french(lastDay) })}
      </h3>
      {films.length === 0 ? (
        <p className="screen-empty">{t('programme.unscheduled.empty')}</p>
      ) : (
        <ul className="unscheduled__list">
          {films.map((film) => (
            <li
              key={film.offerId}
              className="unscheduled__film"
              data-testid="unscheduled-film"
              data-offer-id={film.offerId}
            >
              <span className="unscheduled__name">{film.name}</span>
              <span className="unscheduled__when">
                {film.nextSeanceStart
                  ? t('programme.unscheduled.next', { when: formatSeance(film.nextSeanceStart, timeZone) })
                  : film.lastSeanceStart
                    ? t('programme.unscheduled.last', { when: formatSeance(film.lastSeanceStart, timeZone) })
                    : t('programme.unscheduled.never')}
              </span>
              <span className="unscheduled__badges">
                {film.managed && <span className="badge">{t('programme.unscheduled.managed')}</span>}
                {film.status === 'INACTIVE' && <span className="badge">{t('programme_editor.inactive')}</span>}
              </span>
              {onManage && (
                <button
                  type="button"
                  className="button button--secondary"
                  data-testid="manage-film"
                  aria-label={t('programme.unscheduled.manage_label', { film: film.name })}
                  onClick={() => onManage(film.offerId)}
                >
                  {film.managed ? t('programme.unscheduled.add_seances') : t('programme_editor.manage')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
