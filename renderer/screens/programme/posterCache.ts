import type { GuichetApi } from '../../../shared/contract';

/** Posters asked once per page (they are cached on disk by the engine too); a failed answer is asked again. */
const posters = new Map<number, Promise<string | null>>();

export function posterOf(api: GuichetApi, offerId: number): Promise<string | null> {
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
