import { useEffect, useState } from 'react';
import type { OfferView } from '../../../shared/contract';
import { useApi } from '../../context/coreContext';
import { posterOf } from './posterCache';

/** The offer's poster as a data URL, asked only once `isWanted` (near the screen); null meanwhile or if none. */
export function usePoster(offer: OfferView, isWanted: boolean): string | null {
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
