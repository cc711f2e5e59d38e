import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { OfferView } from '../../../shared/contract';
import { useIsNearViewport } from './useIsNearViewport';
import { usePoster } from './usePoster';

/** The film's poster, loaded when it comes near the screen; the film's initial until then (or without one). */
export function Poster({ offer }: { offer: OfferView }) {
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
