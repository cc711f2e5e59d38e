/**
 * The manager's programme actions, each one platform write (lane 'cashier': someone is waiting) followed by a
 * refresh of that film in the mirror and a `programme.changed` event.
 */
import { randomUUID } from 'node:crypto';
import type { EditableOffer, EditableSeance } from '../../../shared/contract-programme';
import { eventCategoryLabel } from '../../../shared/eventCategories';
import { durationProblem, videoUrlProblem } from '../../../shared/filmRules';
import { t } from '../../../shared/i18n';
import type { PlatformDate, PlatformPriceCategory } from '../../../shared/platform/schemas';
import { seanceStartProblem } from '../../../shared/seanceTime';
import { tariffWithLabel } from '../../../shared/tariffLabels';
import { ContractFailure } from '../contractFailure';
import type { Gateway } from '../platform/gateway';
import type { EditableEvent, EventEdition } from '../platform/offersClient';
import type { ManagedOffers } from './managedOffers';
import { checkedPoster } from './posterImage';
import type { ProgrammeMirror } from './programmeMirror';
import type { RequestContext } from './fieldErrors';
import { explained, refusalMessage } from './refusal';
import { availableSeats, quantityToSend, type ClosedSales } from './seats';
import { venueDateTime, venueDayAndTime } from '../../../shared/venueTime';

const READ = { timeoutMs: 10_000 };
const PAGE = 50;

export interface ProgrammeWriterDeps {
  gateway: Gateway;
  mirror: ProgrammeMirror;
  managed: ManagedOffers;
  closedSales: ClosedSales;
  clock: () => Date;
  timeZone: () => string;
  venueIds: () => Promise<number[]>;
  onProgrammeChanged: () => void;
}

export interface FilmInput {
  name: string;
  description?: string | undefined;
  durationMinutes?: number | undefined;
  isDuo: boolean;
  poster?: { base64: string; credit?: string | undefined } | undefined;
  videoUrl?: string | null | undefined;
}

/** A séance typed in the publish form: day and time at the venue, seats, and which of the new tariffs. */
export interface NewSeance {
  day: string;
  time: string;
  seats: number | null;
  /** Index in the film's new tariffs; the first one when left out. */
  tariffIndex?: number | undefined;
}

/** "du 12/06/2026 à 20:30": a séance as a refusal names it. */
function seanceWords(day: string, time: string): string {
  const [year, month, date] = day.split('-');
  return t('programme.seance.which', { day: `${date}/${month}/${year}`, time });
}

/** Refuses before sending what pass Culture would refuse, saying why in French. */
function refuseIf(problem: string | null): void {
  if (problem) throw new ContractFailure('programme_invalid', t('errors.programme_invalid', { detail: problem }));
}

function checkFilm(input: Partial<FilmInput>): void {
  if (input.durationMinutes !== undefined) refuseIf(durationProblem(input.durationMinutes));
  if (input.videoUrl) refuseIf(videoUrlProblem(input.videoUrl));
}

export function createProgrammeWriter(d: ProgrammeWriterDeps) {
  const now = () => d.clock().toISOString();
  const call = <T>(request: Parameters<Gateway>[1], context?: RequestContext) =>
    explained(() => d.gateway('cashier', request) as Promise<T>, context);

  async function allDates(offerId: number): Promise<PlatformDate[]> {
    const dates: PlatformDate[] = [];
    for (let cursor = 1; ;) {
      const page = await call<PlatformDate[]>((c) =>
        c.getEventDates(offerId, { firstIndex: cursor, limit: PAGE }, READ),
      );
      dates.push(...page);
      const last = page.at(-1);
      if (!last || page.length < PAGE) return dates;
      cursor = last.id + 1;
    }
  }

  function seanceView(offerId: number, date: PlatformDate): EditableSeance {
    const unused = d.mirror.unusedBookings(offerId).get(date.id);
    return {
      stockId: date.id,
      start: new Date(date.beginningDatetime).toISOString(),
      priceCategoryId: date.priceCategory.id,
      priceCategoryLabel: date.priceCategory.label,
      priceCents: date.priceCategory.price,
      quantity: date.quantity === 'unlimited' ? null : date.quantity,
      bookedQuantity: date.bookedQuantity,
      available: availableSeats(date),
      closedSales: d.closedSales.get(date.id),
      unusedBookings: unused?.bookings ?? 0,
      unusedPlaces: unused?.places ?? 0,
    };
  }

  /** The film fresh from the platform, its mirror rows refreshed on the way. */
  async function offerView(offerId: number, known?: EditableEvent): Promise<EditableOffer> {
    const event = known ?? (await call<EditableEvent>((c) => c.getEvent(offerId, READ)));
    const dates = await allDates(offerId);
    const [venueId] = await d.venueIds();
    d.mirror.rememberOffer(event, venueId ?? 0, now());
    d.mirror.replaceSeances(offerId, dates, now());
    d.onProgrammeChanged();
    const category = event.categoryRelatedFields.category;
    return {
      offerId: event.id,
      name: event.name,
      description: event.description ?? null,
      durationMinutes: event.eventDuration ?? null,
      isDuo: event.enableDoubleBookings !== false,
      isActive: event.status !== 'INACTIVE',
      status: event.status,
      category: { id: category, label: eventCategoryLabel(category) },
      videoUrl: event.videoUrl ?? null,
      managed: d.managed.isManaged(event.id, event.idAtProvider),
      priceCategories: event.priceCategories.map((pc) => ({ id: pc.id, label: pc.label, priceCents: pc.price })),
      seances: dates
        .map((date) => seanceView(offerId, date))
        .sort((a, b) => a.start.localeCompare(b.start) || a.stockId - b.stockId),
    };
  }

  /** Refuses locally what the platform would refuse on a film this key did not create. */
  async function requireManaged(offerId: number): Promise<EditableEvent> {
    const event = await call<EditableEvent>((c) => c.getEvent(offerId, READ));
    if (!d.managed.isManaged(event.id, event.idAtProvider)) throw new ContractFailure('offer_not_editable');
    return event;
  }

  /** Refuses a label another tariff of the film already has (see shared/tariffLabels.ts). */
  function refuseDuplicateLabel(event: EditableEvent, label: string, exceptId?: number): void {
    const twin = tariffWithLabel(event.priceCategories, label, exceptId);
    if (!twin) return;
    throw new ContractFailure('price_category_duplicate', t('errors.price_category_duplicate', { label: twin.label }));
  }

  function poster(input: FilmInput['poster']) {
    if (!input) return undefined;
    checkedPoster(input.base64);
    return { file: input.base64, credit: input.credit ?? null };
  }

  async function setSeats(offerId: number, stockId: number, available: number | null): Promise<EditableSeance> {
    const date = await call<PlatformDate>((c) => c.editDate(offerId, stockId, { quantity: quantityToSend(available) }));
    d.mirror.rememberSeance(offerId, date, now());
    d.onProgrammeChanged();
    return seanceView(offerId, date);
  }

  /** A séance must start after now (pass Culture: "The datetime must be in the future."). */
  function refuseIfPast(day: string, time: string): void {
    refuseIf(seanceStartProblem(day, time, d.timeZone(), d.clock().getTime()));
  }

  function dateCreation(day: string, time: string, priceCategoryId: number, seats: number | null) {
    const start = venueDateTime(day, time, d.timeZone());
    // Bookable until the séance starts, the platform's latest allowed limit.
    return { beginningDatetime: start, bookingLimitDatetime: start, priceCategoryId, quantity: quantityToSend(seats) };
  }

  async function freshDate(offerId: number, stockId: number): Promise<PlatformDate> {
    const date = await call<PlatformDate | null>((c) => c.getDate(offerId, stockId, READ));
    if (!date) throw new ContractFailure('offer_unknown');
    return date;
  }

  return {
    offer: (offerId: number) => offerView(offerId),

    async create(
      input: FilmInput & { priceCategories: { label: string; priceCents: number }[]; seances?: NewSeance[] },
    ) {
      const [venueId] = await d.venueIds();
      if (venueId === undefined) throw new ContractFailure('no_venue');
      checkFilm(input);
      const seances = input.seances ?? [];
      for (const [index, seance] of seances.entries()) {
        refuseIfPast(seance.day, seance.time);
        if ((seance.tariffIndex ?? 0) >= input.priceCategories.length) {
          throw new ContractFailure('invalid_input', t('programme.seance.unknown_tariff', { number: index + 1 }));
        }
      }
      const image = poster(input.poster);
      const event = await call<EditableEvent>(
        (c) =>
          c.createEvent({
            venueId,
            name: input.name,
            description: input.description,
            durationMinutes: input.durationMinutes,
            isDuo: input.isDuo,
            priceCategories: input.priceCategories.map((pc) => ({ label: pc.label, price: pc.priceCents })),
            image,
            videoUrl: input.videoUrl ?? undefined,
            idAtProvider: `guichet:${randomUUID()}`,
          }),
        { tariffs: input.priceCategories.map((pc) => pc.label) },
      );
      d.managed.remember(event.id);
      // The film is published now: a refusal of its séances is reported with it, not instead of it.
      let seancesRefused: string | null = null;
      if (seances.length > 0) {
        const context = { seances: seances.map((seance) => seanceWords(seance.day, seance.time)) };
        try {
          await call<PlatformDate[]>(
            (c) =>
              c.addDates(
                event.id,
                seances.map((seance) => {
                  const tariff = event.priceCategories[seance.tariffIndex ?? 0] ?? event.priceCategories[0];
                  return dateCreation(seance.day, seance.time, tariff?.id ?? 0, seance.seats);
                }),
              ),
            context,
          );
        } catch (error) {
          seancesRefused = refusalMessage(error, context);
        }
      }
      return { ...(await offerView(event.id, seances.length > 0 ? undefined : event)), seancesRefused };
    },

    async update(offerId: number, input: Partial<FilmInput>) {
      checkFilm(input);
      await requireManaged(offerId);
      const body: EventEdition = {
        name: input.name,
        description: input.description,
        durationMinutes: input.durationMinutes,
        isDuo: input.isDuo,
        image: poster(input.poster),
        videoUrl: input.videoUrl,
      };
      const event = await call<EditableEvent>((c) => c.editEvent(offerId, body));
      return offerView(offerId, event);
    },

    async addPriceCategory(offerId: number, tariff: { label: string; priceCents: number }) {
      const event = await requireManaged(offerId);
      refuseDuplicateLabel(event, tariff.label);
      await call<PlatformPriceCategory[]>((c) =>
        c.addPriceCategories(offerId, [{ label: tariff.label, price: tariff.priceCents }]),
      );
      return offerView(offerId);
    },

    /** The séances of that tariff come back with its new price (the platform moves them all). */
    async updatePriceCategory(
      offerId: number,
      priceCategoryId: number,
      change: { label?: string | undefined; priceCents?: number | undefined },
    ) {
      const event = await requireManaged(offerId);
      if (!event.priceCategories.some((pc) => pc.id === priceCategoryId)) throw new ContractFailure('offer_unknown');
      if (change.label !== undefined) refuseDuplicateLabel(event, change.label, priceCategoryId);
      await call<PlatformPriceCategory>((c) =>
        c.editPriceCategory(offerId, priceCategoryId, { label: change.label, price: change.priceCents }),
      );
      return offerView(offerId);
    },

    async setActive(offerId: number, active: boolean) {
      const event = await call<EditableEvent>((c) => c.editEvent(offerId, { isActive: active }));
      return offerView(offerId, event);
    },

    async addSeance(input: {
      offerId: number;
      day: string;
      time: string;
      priceCategoryId: number;
      seats: number | null;
    }) {
      refuseIfPast(input.day, input.time);
      await requireManaged(input.offerId);
      await call<PlatformDate[]>(
        (c) => c.addDates(input.offerId, [dateCreation(input.day, input.time, input.priceCategoryId, input.seats)]),
        { seances: [seanceWords(input.day, input.time)] },
      );
      return offerView(input.offerId);
    },

    async updateSeance(input: {
      offerId: number;
      stockId: number;
      day?: string;
      time?: string;
      priceCategoryId?: number;
    }) {
      await requireManaged(input.offerId);
      const current = await freshDate(input.offerId, input.stockId);
      let beginningDatetime: string | undefined;
      const was = venueDayAndTime(current.beginningDatetime, d.timeZone());
      if (input.day !== undefined || input.time !== undefined) {
        const [day, time] = [input.day ?? was.day, input.time ?? was.time];
        // Unchanged, it is not sent: a séance that has begun keeps its start (and its other fields can change).
        if (day !== was.day || time !== was.time) {
          refuseIfPast(day, time);
          beginningDatetime = venueDateTime(day, time, d.timeZone());
        }
      }
      await call<PlatformDate>(
        (c) =>
          c.editDate(input.offerId, input.stockId, {
            beginningDatetime,
            bookingLimitDatetime: beginningDatetime,
            priceCategoryId: input.priceCategoryId,
          }),
        { seances: [seanceWords(was.day, was.time)] },
      );
      return offerView(input.offerId);
    },

    async deleteSeance(offerId: number, stockId: number) {
      await requireManaged(offerId);
      const cancelledBookings = d.mirror.unusedBookings(offerId).get(stockId)?.bookings ?? 0;
      await call<void>((c) => c.deleteDate(offerId, stockId));
      d.closedSales.forget(stockId);
      return { offer: await offerView(offerId), cancelledBookings };
    },

    setSeats: (offerId: number, stockId: number, available: number | null) => setSeats(offerId, stockId, available),

    /** Available = 0; remembers the availability it replaced (read fresh: the mirror may be minutes old). */
    async closeSales(offerId: number, stockId: number) {
      const date = await freshDate(offerId, stockId);
      d.closedSales.remember(stockId, availableSeats(date), now());
      return setSeats(offerId, stockId, 0);
    },

    async reopenSales(offerId: number, stockId: number) {
      const closed = d.closedSales.get(stockId);
      if (!closed) throw new ContractFailure('sales_not_closed');
      const view = await setSeats(offerId, stockId, closed.previousAvailable);
      d.closedSales.forget(stockId);
      return { ...view, closedSales: null };
    },
  };
}

export type ProgrammeWriter = ReturnType<typeof createProgrammeWriter>;
