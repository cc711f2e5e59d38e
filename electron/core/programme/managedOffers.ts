/**
 * Which films this key manages. The public API lets a provider edit fully only the offers it created; those
 * created on the pro web site or imported (Allociné) can only be (de)activated, their séances' seats adjusted
 * (pcapi `core/offers/validation.py`, EDITABLE_FIELDS_FOR_ALLOCINE_STOCK). The platform does not say who created an
 * offer, so the counter tags its own with an `idAtProvider` prefix and remembers their ids.
 */
import { z } from 'zod';
import type { SettingsStore } from '../db/settings';

export const ID_AT_PROVIDER_PREFIX = 'guichet:';
const KEY = 'programme.createdOffers';

export function createManagedOffers(settings: SettingsStore) {
  const ids = () => settings.read(KEY, z.array(z.number().int())) ?? [];
  return {
    isManaged(offerId: number, idAtProvider: string | null | undefined): boolean {
      return (idAtProvider ?? '').startsWith(ID_AT_PROVIDER_PREFIX) || ids().includes(offerId);
    },
    remember(offerId: number): void {
      const known = ids();
      if (!known.includes(offerId)) settings.write(KEY, [...known, offerId]);
    },
  };
}

export type ManagedOffers = ReturnType<typeof createManagedOffers>;
