/**
 * Read side of the mirror for the screens: name search, a séance's bookings, the programme, posters, each booking
 * row with whether it was validated here (validationStanding.ts). Everything here works offline.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { BookingRow } from '../../../shared/contract';
import { venueDayRange, venueToday } from '../../../shared/venueTime';
import type { BookingSearch, MirrorBooking } from '../db/bookingSearch';
import type { OfferStore } from '../db/offers';
import type { SeanceStore } from '../db/seances';
import { standingOf, type Standings } from '../counter/validationStanding';

/** "Séances of the moment": people come up to a couple of hours early and some time after the start. */
const MOMENT_BEFORE_MS = 3 * 60 * 60_000;
const MOMENT_AFTER_MS = 2 * 60 * 60_000;

export interface MirrorQueryDeps {
  bookings: BookingSearch;
  seances: Pick<SeanceStore, 'view' | 'viewsBetween'>;
  offers: Pick<OfferStore, 'views' | 'poster'>;
  standings: Standings;
  clock: () => Date;
  posterDir: string;
}

export function createMirrorQueries({ bookings, seances, offers, standings, clock, posterDir }: MirrorQueryDeps) {
  function toRows(raw: MirrorBooking[]): BookingRow[] {
    const facts = standings.ofBookings(raw.map((b) => b.bookingId));
    return raw.map((b) => {
      const { validatedAt, provisional, pendingUpload } = standingOf(facts, b.bookingId);
      return { ...b, validatedHere: validatedAt !== null, provisional, pendingUpload };
    });
  }

  /** Name search (db/bookingSearch.ts), among every booking or those of the séances of the moment. */
  function search(query: string, scope: 'moment' | 'all', limit = 50): BookingRow[] {
    const t = clock().getTime();
    const window: [string, string] | null =
      scope === 'moment'
        ? [new Date(t - MOMENT_BEFORE_MS).toISOString(), new Date(t + MOMENT_AFTER_MS).toISOString()]
        : null;
    return toRows(bookings.search(query, window, limit));
  }

  function forSeance(stockId: number, query?: string): BookingRow[] {
    return toRows(bookings.forSeance(stockId, query ?? ''));
  }

  function byIds(ids: number[]): BookingRow[] {
    return toRows(bookings.byIds(ids));
  }

  function seance(stockId: number) {
    return seances.view(stockId);
  }

  function programme(fromDay: string | undefined, days: number, timeZone: string) {
    const { from, to } = venueDayRange(fromDay ?? venueToday(clock(), timeZone), timeZone, days);
    const list = seances.viewsBetween(from, to);
    return { offers: offers.views([...new Set(list.map((s) => s.offerId))]), seances: list };
  }

  /** The cached poster as a data URL (the renderer's CSP allows `data:` images, not file access). */
  function poster(offerId: number): string | null {
    const row = offers.poster(offerId);
    if (!row?.file) return null;
    const file = path.join(posterDir, path.basename(row.file));
    if (!fs.existsSync(file)) return null;
    const extension = path.extname(file).slice(1).replace('jpg', 'jpeg');
    return `data:image/${extension};base64,${fs.readFileSync(file).toString('base64')}`;
  }

  return { search, forSeance, byIds, seance, programme, poster };
}

export type MirrorQueries = ReturnType<typeof createMirrorQueries>;
