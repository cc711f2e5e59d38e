/** Contract handlers of programme publishing (films, séances, seats) and of the notification setting. */
import { z } from 'zod';
import type { CallInput, UnscheduledFilm } from '../../../shared/contract';
import type { SettingsStore } from '../db/settings';
import type { ProgrammeWriter } from '../programme/programmeWriter';

const NOTIFICATIONS_KEY = 'notifications.enabled';

export function programmeHandlers(d: {
  writer: ProgrammeWriter;
  settings: SettingsStore;
  unscheduled: (days: number, timeZone: string) => UnscheduledFilm[];
  timeZone: () => string;
}) {
  const notificationsEnabled = () => d.settings.read(NOTIFICATIONS_KEY, z.boolean()) ?? true;
  return {
    'programme.offer': ({ offerId }: CallInput<'programme.offer'>) => d.writer.offer(offerId),
    'programme.unscheduled': ({ days }: CallInput<'programme.unscheduled'>) => ({
      films: d.unscheduled(days, d.timeZone()),
    }),
    'programme.offer.create': ({ priceCategories, ...film }: CallInput<'programme.offer.create'>) =>
      d.writer.create({ ...film, priceCategories }),
    'programme.offer.update': ({ offerId, ...film }: CallInput<'programme.offer.update'>) =>
      d.writer.update(offerId, film),
    'programme.priceCategory.add': ({ offerId, ...tariff }: CallInput<'programme.priceCategory.add'>) =>
      d.writer.addPriceCategory(offerId, tariff),
    'programme.priceCategory.update': ({
      offerId,
      priceCategoryId,
      ...change
    }: CallInput<'programme.priceCategory.update'>) => d.writer.updatePriceCategory(offerId, priceCategoryId, change),
    'programme.offer.setActive': ({ offerId, active }: CallInput<'programme.offer.setActive'>) =>
      d.writer.setActive(offerId, active),
    'programme.seance.add': (input: CallInput<'programme.seance.add'>) => d.writer.addSeance(input),
    'programme.seance.update': (input: CallInput<'programme.seance.update'>) => d.writer.updateSeance(input),
    'programme.seance.delete': ({ offerId, stockId }: CallInput<'programme.seance.delete'>) =>
      d.writer.deleteSeance(offerId, stockId),
    'programme.seats.set': ({ offerId, stockId, available }: CallInput<'programme.seats.set'>) =>
      d.writer.setSeats(offerId, stockId, available),
    'programme.sales.close': ({ offerId, stockId }: CallInput<'programme.sales.close'>) =>
      d.writer.closeSales(offerId, stockId),
    'programme.sales.reopen': ({ offerId, stockId }: CallInput<'programme.sales.reopen'>) =>
      d.writer.reopenSales(offerId, stockId),
    'notifications.settings.get': () => ({ enabled: notificationsEnabled() }),
    'notifications.settings.set': ({ enabled }: CallInput<'notifications.settings.set'>) => {
      d.settings.write(NOTIFICATIONS_KEY, enabled);
      return { enabled };
    },
  } as const;
}
