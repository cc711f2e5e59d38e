/**
 * Platform answers as documented in shared/platform/openapi-subset.json (GetBookingResponse, DateResponse,
 * GetOffererVenuesResponse), with made-up data.
 */
import { isPlatformError, type PlatformError } from '../../../electron/core/platform/errors';

/** The PlatformError `promise` rejects with (fails the test if it resolves or rejects with anything else). */
export async function caught(promise: Promise<unknown>): Promise<PlatformError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isPlatformError(error)) throw new Error(`expected a PlatformError, got ${String(error)}`);
  return error;
}

export const API_KEY = 'staging_0123456789ab_' + 'f'.repeat(64);

export const bookingJson = {
  id: 1234,
  quantity: 1,
  creationDate: '2026-11-20T10:00:00Z',
  confirmationDate: '2026-11-25T18:30:00Z',
  price: 700,
  status: 'CONFIRMED',
  offerId: 42,
  stockId: 4201,
  priceCategoryId: 7,
  priceCategoryLabel: 'Plein tarif',
  offerName: 'La Grande Vadrouille',
  offerEan: null,
  offerAddress: '1 place du Cinéma',
  offerDepartmentCode: '75',
  venueId: 535,
  venueName: 'Cinéma du Parc',
  userEmail: 'camille@example.org',
  userPhoneNumber: '+33600000000',
  userFirstName: 'Camille',
  userLastName: 'Martin',
  userBirthDate: '2007-05-12',
  userPostalCode: '75011',
};

export const duoBookingJson = {
  ...bookingJson,
  id: 1235,
  quantity: 2,
  priceCategoryLabel: null,
  userPhoneNumber: null,
};

export const datesJson = {
  dates: [
    {
      id: 4201,
      beginningDatetime: '2026-11-27T19:30:00Z',
      bookingLimitDatetime: '2026-11-27T19:30:00Z',
      bookedQuantity: 12,
      quantity: 120,
      priceCategory: { id: 7, label: 'Plein tarif', price: 700, idAtProvider: null },
      idAtProvider: null,
    },
    {
      id: 4202,
      beginningDatetime: '2026-11-28T19:30:00Z',
      bookingLimitDatetime: '2026-11-28T19:30:00Z',
      bookedQuantity: 0,
      quantity: 'unlimited',
      priceCategory: { id: 7, label: 'Plein tarif', price: 700 },
    },
  ],
};

export const offererVenuesJson = [
  {
    offerer: {
      id: 12,
      name: 'SAS Cinéma du Parc',
      siren: '123456789',
      createdDatetime: '2020-01-01T00:00:00Z',
      allowedOnAdage: true,
    },
    venues: [
      {
        id: 535,
        siret: '12345678900011',
        legalName: 'SAS Cinéma du Parc',
        publicName: 'Cinéma du Parc',
        activityDomain: 'MOVIE',
        createdDatetime: '2020-01-01T00:00:00Z',
        location: { type: 'physical', address: '1 place du Cinéma', city: 'Paris', postalCode: '75011' },
        accessibility: {
          audioDisabilityCompliant: true,
          mentalDisabilityCompliant: true,
          motorDisabilityCompliant: true,
          visualDisabilityCompliant: false,
        },
      },
      {
        id: 536,
        siret: null,
        legalName: 'Offre numérique',
        publicName: null,
        activityDomain: 'DIGITAL',
        createdDatetime: '2020-01-01T00:00:00Z',
        location: { type: 'digital' },
        accessibility: {},
      },
    ],
  },
];
