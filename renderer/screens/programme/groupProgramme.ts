/** The Programme's days: séances grouped per film and time, their places added up, where each stands now. Pure. */
import type { OfferView, SeanceView } from '../../../shared/contract';
import { dayInZone } from '../../../shared/dates';

/** One film at one time: the stocks (price categories) sold for it. */
export interface SeanceSlot {
  key: string;
  offerId: number;
  offerName: string;
  start: string;
  stocks: SeanceView[];
}

export interface FilmProgramme {
  offer: OfferView;
  slots: SeanceSlot[];
}

/** Places of a slot, all tariffs together; `remaining` is null when one tariff is unlimited. */
export interface SlotTotals {
  booked: number;
  remaining: number | null;
  expected: number;
  came: number;
}

/** The séances of `day` (venue's zone), per film, films in the order of their first séance. */
export function filmsOfDay(
  offers: readonly OfferView[],
  seances: readonly SeanceView[],
  day: string,
  timeZone: string,
): FilmProgramme[] {
  const slots = new Map<string, SeanceSlot>();
  for (const seance of seances) {
    if (dayInZone(seance.start, timeZone) !== day) continue;
    const key = `${seance.offerId}@${seance.start}`;
    const slot = slots.get(key);
    if (slot) slot.stocks.push(seance);
    else
      slots.set(key, {
        key,
        offerId: seance.offerId,
        offerName: seance.offerName,
        start: seance.start,
        stocks: [seance],
      });
  }

  const offersById = new Map(offers.map((offer) => [offer.offerId, offer]));
  const films = new Map<number, FilmProgramme>();
  for (const slot of [...slots.values()].sort((a, b) => a.start.localeCompare(b.start))) {
    slot.stocks.sort((a, b) => b.priceCents - a.priceCents || a.stockId - b.stockId);
    let film = films.get(slot.offerId);
    if (!film) {
      film = { offer: offersById.get(slot.offerId) ?? unknownOffer(slot), slots: [] };
      films.set(slot.offerId, film);
    }
    film.slots.push(slot);
  }
  return [...films.values()];
}

/** How many séances (film + time) each day has. */
export function slotCountsByDay(seances: readonly SeanceView[], timeZone: string): Map<string, number> {
  const keysByDay = new Map<string, Set<string>>();
  for (const seance of seances) {
    const day = dayInZone(seance.start, timeZone);
    const keys = keysByDay.get(day) ?? new Set<string>();
    keys.add(`${seance.offerId}@${seance.start}`);
    keysByDay.set(day, keys);
  }
  return new Map([...keysByDay].map(([day, keys]) => [day, keys.size]));
}

export function slotTotals(slot: { stocks: readonly SeanceView[] }): SlotTotals {
  let remaining: number | null = 0;
  const totals = { booked: 0, expected: 0, came: 0 };
  for (const stock of slot.stocks) {
    totals.booked += stock.bookedQuantity;
    totals.expected += stock.expected;
    totals.came += stock.came;
    remaining = remaining === null || stock.remaining === null ? null : remaining + stock.remaining;
  }
  return { ...totals, remaining };
}

/** A séance whose offer is not (yet) in the mirror: shown with the name the séance carries. */
function unknownOffer(slot: SeanceSlot): OfferView {
  return {
    offerId: slot.offerId,
    venueId: 0,
    name: slot.offerName,
    description: null,
    durationMinutes: null,
    isDuo: false,
    status: '',
    hasPoster: false,
  };
}

/** A séance with no known duration is taken to last two hours (trailers included). */
const DEFAULT_DURATION_MINUTES = 120;

/** Where a séance stands now, for its button: over, running, or to come. */
export type SeanceTiming = 'past' | 'running' | 'upcoming';

export function seanceTiming(start: string, durationMinutes: number | null, now: Date): SeanceTiming {
  const startMs = new Date(start).getTime();
  const endMs = startMs + (durationMinutes ?? DEFAULT_DURATION_MINUTES) * 60_000;
  if (now.getTime() >= endMs) return 'past';
  if (now.getTime() >= startMs) return 'running';
  return 'upcoming';
}
