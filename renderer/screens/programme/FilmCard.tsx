/** A film of the day on the Programme: its poster (loaded near the screen), its séances and their places per tariff. */
import { useRef, useEffect, useState, type RefObject } from 'react';
import { useTranslation } from '../../i18n';
import type { SeanceView, OfferView, GuichetApi } from '../../../shared/contract';
import { formatTime } from '../../../shared/dates';
import { formatCents } from '../../../shared/money';
import { useVenueTimeZone, useApi } from '../../context/coreContext';
import { type FilmProgramme, type SeanceSlot, seanceTiming, slotTotals, type SeanceTiming } from './groupProgramme';
import './programme.css';

interface FilmCardProps {
  film: FilmProgramme;
  now: Date;
  onOpenSeance: (slot: SeanceSlot) => void;
  /** Opens the film's editor (seats, activation, séances). */
  /** Absent for a cashier: films and séances are the manager's. */
  onManage?: () => void;
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
          {onManage && (
            <button
              type="button"
              className="button button--secondary"
              data-testid="manage-film"
              aria-label={t('programme_editor.manage_label', { film: offer.name })}
              onClick={onManage}
            >
              {t('programme_editor.manage')}
            </button>
          )}
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

interface SeanceButtonProps {
  slot: SeanceSlot;
  timing: SeanceTiming;
  onOpen: (slot: SeanceSlot) => void;
}

/** One séance (film + time): places booked and left, expected and came, per tariff; opens its bookings. */
function SeanceButton({ slot, timing, onOpen }: SeanceButtonProps) {
  const { t } = useTranslation('ui');
  const timeZone = useVenueTimeZone();
  const totals = slotTotals(slot);
  const time = formatTime(slot.start, timeZone);
  return (
    <button
      type="button"
      className={`seance-slot seance-slot--${timing}`}
      data-testid="programme-seance"
      data-stock-id={slot.stocks[0]?.stockId}
      data-stock-ids={slot.stocks.map((stock) => stock.stockId).join(' ')}
      data-timing={timing}
      onClick={() => onOpen(slot)}
    >
      {/* Several films have a 20:30: the film's name makes each button's name unique when read alone. */}
      <span className="visually-hidden">{slot.offerName}, </span>
      <span className="seance-slot__top">
        <span className="seance-slot__time">{time}</span>
        {timing !== 'upcoming' && (
          <span className={`seance-slot__timing seance-slot__timing--${timing}`}>
            {t(`programme.timing.${timing}`)}
          </span>
        )}
      </span>
      <span className="seance-slot__totals">
        <span>{t('programme.booked', { count: totals.booked })}</span>
        <span>
          {totals.remaining === null ? t('programme.unlimited') : t('programme.remaining', { count: totals.remaining })}
        </span>
      </span>
      <span className="seance-slot__presence">
        <span>{t('programme.expected', { count: totals.expected })}</span>
        <span>{t('programme.came', { count: totals.came })}</span>
      </span>
      <span className="seance-slot__tariffs">
        {slot.stocks.map((stock) => (
          <TariffLine key={stock.stockId} stock={stock} />
        ))}
      </span>
    </button>
  );
}

/** One price category of a séance: places booked and left, bookings expected and came. */
export function TariffLine({ stock }: { stock: SeanceView }) {
  const { t } = useTranslation('ui');
  return (
    <span className="tariff-line" data-testid="programme-tariff" data-stock-id={stock.stockId}>
      <span className="tariff-line__label">
        {t('programme.tariff', { label: stock.priceCategoryLabel, price: formatCents(stock.priceCents) })}
      </span>
      <span className="tariff-line__figure">
        {stock.quantity === null
          ? t('programme.tariff_booked_unlimited', { count: stock.bookedQuantity })
          : t('programme.tariff_booked', { count: stock.bookedQuantity, quantity: stock.quantity })}
      </span>
      <span className="tariff-line__figure">
        {stock.remaining === null
          ? t('programme.unlimited')
          : t('programme.tariff_remaining', { count: stock.remaining })}
      </span>
      <span className="tariff-line__figure">
        {t('programme.tariff_expected', { count: stock.expected })} ·{' '}
        {t('programme.tariff_came', { count: stock.came })}
      </span>
    </span>
  );
}

/** The film's poster, loaded when it comes near the screen; the film's initial until then (or without one). */
function Poster({ offer }: { offer: OfferView }) {
  const { t } = useTranslation('ui');
  const ref = useRef<HTMLDivElement>(null);
  const isNear = useIsNearViewport(ref);
  const dataUrl = usePoster(offer, isNear);
  return (
    <div ref={ref} className="poster" data-testid="poster">
      {dataUrl ? (
        <img className="poster__image" src={dataUrl} alt={t('programme.poster_alt', { film: offer.name })} />
      ) : (
        <span className="poster__placeholder" aria-hidden="true">
          {offer.name.trim().charAt(0).toUpperCase()}
        </span>
      )}
    </div>
  );
}

/** The offer's poster as a data URL, asked only once `isWanted` (near the screen); null meanwhile or if none. */
function usePoster(offer: OfferView, isWanted: boolean): string | null {
  const api = useApi();
  const [loaded, setLoaded] = useState<{ offerId: number; dataUrl: string | null } | null>(null);
  const { offerId, hasPoster } = offer;

  useEffect(() => {
    if (!hasPoster || !isWanted) return;
    let isCurrent = true;
    void posterOf(api, offerId).then((dataUrl) => {
      if (isCurrent) setLoaded({ offerId, dataUrl });
    });
    return () => {
      isCurrent = false;
    };
  }, [api, offerId, hasPoster, isWanted]);

  return loaded?.offerId === offerId ? loaded.dataUrl : null;
}

/** Posters asked once per page (they are cached on disk by the engine too); a failed answer is asked again. */
const posters = new Map<number, Promise<string | null>>();

function posterOf(api: GuichetApi, offerId: number): Promise<string | null> {
  let poster = posters.get(offerId);
  if (!poster) {
    poster = api.call('programme.poster', { offerId }).then(
      (envelope) => {
        if (envelope.ok) return envelope.value.dataUrl;
        posters.delete(offerId);
        return null;
      },
      () => {
        posters.delete(offerId);
        return null;
      },
    );
    posters.set(offerId, poster);
  }
  return poster;
}

/** Becomes (and stays) true once the element comes near the visible area: what lazy posters wait for. */
function useIsNearViewport(ref: RefObject<Element | null>): boolean {
  const [isNear, setIsNear] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!element || isNear) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) setIsNear(true);
      },
      { rootMargin: '200px' },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref, isNear]);
  return isNear;
}
