/** Slip data and helpers shared by the printing tests. */
import type { EntrySlipData } from '../../../electron/core/printing/entrySlip';

export const SLIP_DATA: EntrySlipData = {
  ledgerId: 4217,
  token: 'AB12CD',
  validatedAt: '2026-11-27T19:31:00.000Z',
  counterName: 'Caisse 1',
  cinemaName: 'Cinéma Le Méliès',
  offerName: 'Le Comte de Monte-Cristo',
  seanceStart: '2026-11-27T19:45:00.000Z',
  quantity: 1,
  isDuo: false,
  priceCategoryLabel: 'Tarif réduit',
  unitPriceCents: 650,
  totalPriceCents: 650,
  firstName: 'Éloïse',
  lastName: 'Lefèvre',
  timeZone: 'Europe/Paris',
};

export const DUO_DATA: EntrySlipData = {
  ...SLIP_DATA,
  ledgerId: 4218,
  quantity: 2,
  isDuo: true,
  totalPriceCents: 1300,
};
