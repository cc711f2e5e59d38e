import { useTranslation } from 'react-i18next';
import type { FilmProgramme, SeanceSlot } from './groupProgramme';
import { Poster } from './Poster';
import { seanceTiming } from './seanceTiming';
import { SeanceButton } from './SeanceButton';

interface FilmCardProps {
  film: FilmProgramme;
  now: Date;
  onOpenSeance: (slot: SeanceSlot) => void;
  /** Opens the film's editor (seats, activation, séances). */
  onManage: () => void;
}

/** A film of the day: poster, name, duration, DUO, and its séances. */
export function FilmCard({ film, now, onOpenSeance, onManage }: FilmCardProps) {
  const { t } = useTranslation('ui');
  const { offer } = film;
  const minutes = offer.durationMinutes;
  return (
    <article className="film-card" data-testid="programme-film" data-offer-id={offer.offerId}>
      <Poster offer={offer} />
      <div className="film-card__body">
        <header className="film-card__head">
          <h3 className="film-card__name">{offer.name}</h3>
          {minutes !== null && (
            <span className="film-card__duration">
              {minutes >= 60
                ? t('programme.duration_hours', {
                    hours: Math.floor(minutes / 60),
                    minutes: String(minutes % 60).padStart(2, '0'),
                  })
                : t('programme.duration_minutes', { minutes })}
            </span>
          )}
          {offer.isDuo && <span className="badge badge--duo">{t('programme.duo')}</span>}
          {offer.status === 'INACTIVE' && <span className="badge">{t('programme_editor.inactive')}</span>}
          <button
            type="button"
            className="button button--secondary"
            data-testid="manage-film"
            aria-label={t('programme_editor.manage_label', { film: offer.name })}
            onClick={onManage}
          >
            {t('programme_editor.manage')}
          </button>
        </header>
        <div className="film-card__seances">
          {film.slots.map((slot) => (
            <SeanceButton
              key={slot.key}
              slot={slot}
              timing={seanceTiming(slot.start, minutes, now)}
              onOpen={onOpenSeance}
            />
          ))}
        </div>
      </div>
    </article>
  );
}
