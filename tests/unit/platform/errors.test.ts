/** Every documented platform refusal (docs/platform.md, "Errors") becomes a typed PlatformError. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createPlatformClient, type PlatformClient } from '../../../electron/core/platform/client';
import type { PlatformError } from '../../../electron/core/platform/errors';
import { API_KEY, caught } from './fixtures';
import { startServer, type Reply, type TestServer } from './server';

let server: TestServer;
let client: PlatformClient;

beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.reset();
  client = createPlatformClient({ baseUrl: server.baseUrl, apiKey: API_KEY });
});

const LOOKUP = '/public/bookings/v1/token/AB2CD3';
const USE = '/public/bookings/v1/use/token/AB2CD3';
const KEEP = '/public/bookings/v1/keep/token/AB2CD3';

/** Answers `reply` to a lookup and returns what getBookingByToken threw. */
async function lookupError(reply: Reply, c: PlatformClient = client): Promise<PlatformError> {
  server.reply('GET', LOOKUP, reply);
  return caught(c.getBookingByToken('AB2CD3'));
}

describe('authentication', () => {
  it('401 → auth_invalid', async () => {
    const error = await lookupError({ status: 401, json: { auth: 'API key required' } });
    expect(error).toMatchObject({ code: 'auth_invalid', status: 401, body: { auth: 'API key required' } });
    expect(error.message).toBe('La clé API pass Culture est refusée : vérifiez-la dans les réglages.');
  });

  it('403 auth (a list) → provider_inactive', async () => {
    const error = await lookupError({ status: 403, json: { auth: ['Inactive provider'] } });
    expect(error).toMatchObject({ code: 'provider_inactive', status: 403 });
    expect(error.message).toBe('Le partenaire technique associé à cette clé est désactivé par pass Culture.');
  });
});

describe('lookup and use refusals', () => {
  it('404 → countermark_unknown', async () => {
    const error = await lookupError({ status: 404, json: { global: 'This countermark cannot be found' } });
    expect(error).toMatchObject({ code: 'countermark_unknown', status: 404 });
    expect(error.message).toBe(
      'Contremarque introuvable : vérifiez le code, ou la réservation concerne un autre lieu.',
    );
  });

  it('403 payment → reimbursed', async () => {
    const error = await lookupError({ status: 403, json: { payment: 'This booking has already been reimbursed' } });
    expect(error).toMatchObject({ code: 'reimbursed', status: 403 });
    expect(error.message).toBe(
      'Cette réservation a déjà été remboursée : elle ne peut plus être validée ni invalidée.',
    );
  });

  it('410 already validated → already_used', async () => {
    const error = await lookupError({ status: 410, json: { booking: 'This booking has already been validated' } });
    expect(error).toMatchObject({ code: 'already_used', status: 410 });
    expect(error.message).toBe('Cette contremarque a déjà été validée.');
  });

  it('410 cancelled → cancelled', async () => {
    const error = await lookupError({ status: 410, json: { booking: 'This booking has been cancelled' } });
    expect(error).toMatchObject({ code: 'cancelled', status: 410 });
    expect(error.message).toBe('Cette réservation a été annulée.');
  });

  it('reads messages given as lists too', async () => {
    expect((await lookupError({ status: 410, json: { booking: ['This booking has been cancelled'] } })).code).toBe(
      'cancelled',
    );
    expect((await lookupError({ status: 410, json: { booking: ['Cette réservation a déjà été validée'] } })).code).toBe(
      'already_used',
    );
  });

  it('403 offerer closed (a list) → offerer_closed', async () => {
    const error = await lookupError({
      status: 403,
      json: { booking: ['Vous ne pouvez plus valider de contremarque sur une structure fermée'] },
    });
    expect(error).toMatchObject({ code: 'offerer_closed', status: 403 });
    expect(error.message).toBe('La structure est fermée : ses contremarques ne peuvent plus être validées.');
  });

  it('the same refusals apply to use', async () => {
    server.reply('PATCH', USE, { status: 410, json: { booking: 'This booking has already been validated' } });
    expect((await caught(client.useToken('AB2CD3'))).code).toBe('already_used');
    server.reply('PATCH', USE, { status: 404, json: { global: 'This countermark cannot be found' } });
    expect((await caught(client.useToken('AB2CD3'))).code).toBe('countermark_unknown');
  });
});

describe('not confirmed yet', () => {
  const refusal = (when: string): Reply => ({
    status: 403,
    json: {
      booking: `Vous pourrez valider cette contremarque à partir du ${when}, une fois le délai d’annulation passé.`,
    },
  });

  it('winter time: the local date becomes UTC+1', async () => {
    const error = await lookupError(refusal('27/11/2026 à 20:30'));
    expect(error).toMatchObject({ code: 'not_confirmed', status: 403, validatableFrom: '2026-11-27T19:30:00.000Z' });
    expect(error.message).toBe(
      'Vous pourrez valider cette contremarque à partir du 27/11/2026 à 20:30, une fois le délai d’annulation passé.',
    );
  });

  it('summer time: the local date becomes UTC+2', async () => {
    const error = await lookupError(refusal('04/07/2026 à 18:00'));
    expect(error.validatableFrom).toBe('2026-07-04T16:00:00.000Z');
  });

  it('the night of the spring change', async () => {
    expect((await lookupError(refusal('29/03/2026 à 02:30'))).validatableFrom).toBe('2026-03-29T01:30:00.000Z');
  });

  it('uses the time zone of the client options', async () => {
    const reunion = createPlatformClient({ baseUrl: server.baseUrl, apiKey: API_KEY, timeZone: 'Indian/Reunion' });
    expect((await lookupError(refusal('27/11/2026 à 20:30'), reunion)).validatableFrom).toBe(
      '2026-11-27T16:30:00.000Z',
    );
  });

  it('also on use, and when the message comes as a list', async () => {
    server.reply('PATCH', USE, {
      status: 403,
      json: {
        booking: [
          'Vous pourrez valider cette contremarque à partir du 01/12/2026 à 09:15, une fois le délai d’annulation passé.',
        ],
      },
    });
    const error = await caught(client.useToken('AB2CD3'));
    expect(error).toMatchObject({ code: 'not_confirmed', validatableFrom: '2026-12-01T08:15:00.000Z' });
  });

  it('keeps not_confirmed with no date when the date cannot be read', async () => {
    const error = await lookupError({
      status: 403,
      json: { booking: 'Vous pourrez valider cette contremarque bientôt, une fois le délai d’annulation passé.' },
    });
    expect(error).toMatchObject({ code: 'not_confirmed', validatableFrom: null });
    expect(error.message).toBe('Cette contremarque ne peut pas encore être validée.');
  });
});

describe('keep (undo) refusals', () => {
  it('403 not used → not_used', async () => {
    server.reply('PATCH', KEEP, { status: 403, json: { booking: 'This booking has not been used' } });
    const error = await caught(client.keepToken('AB2CD3'));
    expect(error).toMatchObject({ code: 'not_used', status: 403 });
    expect(error.message).toBe("Cette réservation n'a pas été validée : il n'y a rien à annuler.");
  });

  it('403 payment → reimbursed, 410 cancelled → cancelled', async () => {
    server.reply('PATCH', KEEP, { status: 403, json: { payment: 'This booking has been reimbursed' } });
    expect((await caught(client.keepToken('AB2CD3'))).code).toBe('reimbursed');
    server.reply('PATCH', KEEP, { status: 410, json: { booking: 'This booking has been cancelled' } });
    expect((await caught(client.keepToken('AB2CD3'))).code).toBe('cancelled');
  });
});

describe('cancel wordings', () => {
  it('"cannot be cancelled anymore" → platform_error with its own message', async () => {
    const error = await lookupError({ status: 403, json: { booking: 'This booking cannot be cancelled anymore' } });
    expect(error).toMatchObject({ code: 'platform_error', status: 403 });
    expect(error.message).toBe('pass Culture refuse l’annulation : cette réservation ne peut plus être annulée.');
  });

  it('"has been validated" and "has already been cancelled" (410)', async () => {
    expect((await lookupError({ status: 410, json: { booking: 'This booking has been validated' } })).code).toBe(
      'already_used',
    );
    expect(
      (await lookupError({ status: 410, json: { booking: 'This booking has already been cancelled' } })).code,
    ).toBe('cancelled');
  });
});

describe('other statuses', () => {
  it('429 → rate_limited, even without a body', async () => {
    const error = await lookupError({ status: 429 });
    expect(error).toMatchObject({ code: 'rate_limited', status: 429, body: null });
    expect(error.message).toBe('Trop de demandes envoyées à pass Culture : réessayez dans quelques secondes.');
  });

  it.each([500, 502, 503])('%i → platform_error with the status in the message', async (status) => {
    const error = await lookupError({ status, text: '<html><body>Bad gateway</body></html>' });
    expect(error).toMatchObject({ code: 'platform_error', status });
    expect(error.message).toBe(`pass Culture a rencontré une erreur (${status}) : réessayez dans un instant.`);
    expect(error.body).toBe('<html><body>Bad gateway</body></html>');
  });

  it('400 and 422 (a list of validation errors) → platform_error with the status', async () => {
    const e400 = await lookupError({ status: 400, json: { limit: ['ensure this value is less than or equal to 50'] } });
    expect(e400).toMatchObject({ code: 'platform_error', status: 400 });
    const e422 = await lookupError({ status: 422, json: [{ loc: ['token'], msg: 'invalid', type: 'value_error' }] });
    expect(e422).toMatchObject({ code: 'platform_error', status: 422 });
    expect(e422.message).toContain('(422)');
  });

  it('a 403 or 410 in words this client does not know: the cashier reads the platform’s own text', async () => {
    const wording = 'Cette contremarque est suspendue par le support';
    for (const [status, json] of [
      [403, { booking: wording }],
      [403, { booking: [wording] }],
      [410, { booking: [wording] }],
      [403, { global: wording }],
    ] as const) {
      const error = await lookupError({ status, json });
      expect(error, `${status} ${JSON.stringify(json)}`).toMatchObject({ code: 'booking_refused', status });
      expect(error.message).toBe(`pass Culture refuse cette contremarque : « ${wording} »`);
    }
    // With no words at all there is nothing to quote: the status is all we have.
    expect(await lookupError({ status: 410 })).toMatchObject({ code: 'platform_error', status: 410 });
  });

  it('a non-JSON or odd error body does not crash: the status decides', async () => {
    expect((await lookupError({ status: 404, text: 'Not Found' })).code).toBe('countermark_unknown');
    expect((await lookupError({ status: 403, text: '<html>Forbidden</html>' })).code).toBe('platform_error');
    expect((await lookupError({ status: 410, json: 'gone' })).code).toBe('platform_error');
    expect((await lookupError({ status: 410, json: { booking: 42 } })).code).toBe('platform_error');
    expect((await lookupError({ status: 401, text: '' })).code).toBe('auth_invalid');
  });

  it('a 404 on dates or listings is not an unknown countermark: the field says what is missing, else the route', async () => {
    server.reply('GET', '/public/offers/v1/events/42/dates', {
      status: 404,
      json: { event_id: ['The event could not be found'] },
    });
    server.reply('GET', '/public/bookings/v1/bookings', { status: 404, json: { offerId: ['not found'] } });
    expect(await caught(client.getEventDates(42))).toMatchObject({ code: 'offer_unknown', status: 404 });
    expect(await caught(client.listBookings({ offerId: 42 }))).toMatchObject({ code: 'offer_unknown', status: 404 });
    // Naming nothing, it means what the document says of the route: a film's dates, the film (documentErrors.test.ts).
    server.reply('GET', '/public/offers/v1/events/42/dates', { status: 404, text: '' });
    expect(await caught(client.getEventDates(42))).toMatchObject({ code: 'offer_unknown', status: 404 });
  });

  it('maps errors of the other endpoints the same way', async () => {
    server.reply('GET', '/public/offers/v1/offerer_venues', { status: 401, json: { auth: 'API key required' } });
    expect((await caught(client.getOffererVenues())).code).toBe('auth_invalid');
    server.reply('GET', '/public/offers/v1/events/42/dates', { status: 429 });
    expect((await caught(client.getEventDates(42))).code).toBe('rate_limited');
  });

  it('does not follow redirects (the key would go along)', async () => {
    server.reply('GET', LOOKUP, { status: 301, headers: { location: 'http://127.0.0.1:1/elsewhere' } });
    expect(await caught(client.getBookingByToken('AB2CD3'))).toMatchObject({ code: 'platform_error', status: 301 });
    expect(server.requests).toHaveLength(1);
  });

  it.each([302, 307])('does not follow a %i to a page that would answer either', async (status) => {
    server.reply('PATCH', '/public/bookings/v1/use/token/AB2CD3', {
      status,
      headers: { location: `${server.baseUrl}/elsewhere` },
    });
    server.reply('PATCH', '/elsewhere', { status: 204 });
    expect(await caught(client.useToken('AB2CD3'))).toMatchObject({ code: 'platform_error', status });
    expect(server.requests.map((r) => r.url)).toEqual(['/public/bookings/v1/use/token/AB2CD3']);
  });
});

describe('the booking listing (2026 document)', () => {
  const LISTING = '/public/bookings/v1/bookings';
  const listingError = async (status: number, json: unknown, query: Parameters<PlatformClient['listBookings']>[0]) => {
    server.reply('GET', LISTING, { status, json });
    return caught(client.listBookings(query));
  };

  it('400 "`offerId` or `venueId` must be set" → invalid_input, quoting the platform', async () => {
    const error = await listingError(400, { global: ['`offerId` or `venueId` must be set'] }, { venueId: 535 });
    expect(error).toMatchObject({ code: 'invalid_input', status: 400 });
    expect(error.message).toBe('Demande invalide : `offerId` or `venueId` must be set');
  });

  it('400 from a platform that does not know venueId yet → invalid_input', async () => {
    const body = { offerId: ['Field required'], venueId: ['Extra inputs are not permitted'] };
    expect(await listingError(400, body, { venueId: 535 })).toMatchObject({ code: 'invalid_input', status: 400 });
    expect(await listingError(422, { venueId: 'unexpected' }, { venueId: 535 })).toMatchObject({
      code: 'invalid_input',
      status: 422,
    });
  });

  it('404 venueId → venue_unknown, 404 offerId (or the older `offer`) → offer_unknown, string or list', async () => {
    for (const json of [{ venueId: 'we could not find this venue' }, { venueId: ['we could not find this venue'] }]) {
      const error = await listingError(404, json, { venueId: 535 });
      expect(error).toMatchObject({ code: 'venue_unknown', status: 404 });
      expect(error.message).toMatch(/lieu n'est pas \(ou plus\) accessible/);
    }
    for (const json of [{ offerId: 'we could not find this offer' }, { offer: 'we could not find this offer id' }]) {
      expect(await listingError(404, json, { offerId: 42 })).toMatchObject({ code: 'offer_unknown', status: 404 });
    }
  });
});

describe('status and field first, words second', () => {
  it('a known field decides whatever its words, string or list', async () => {
    expect(await lookupError({ status: 403, json: { payment: ['Réservation remboursée'] } })).toMatchObject({
      code: 'reimbursed',
    });
    expect(await lookupError({ status: 403, json: { auth: 'Clé désactivée' } })).toMatchObject({
      code: 'provider_inactive',
    });
    expect(await lookupError({ status: 401, json: { auth: ['anything'] } })).toMatchObject({ code: 'auth_invalid' });
    expect(await lookupError({ status: 404, json: { global: ['Contremarque inconnue'] } })).toMatchObject({
      code: 'countermark_unknown',
    });
  });

  it('the same status and field with words for another case: the words only split `booking`', async () => {
    expect(await lookupError({ status: 410, json: { booking: ['This booking has been cancelled'] } })).toMatchObject({
      code: 'cancelled',
    });
    expect(
      await lookupError({ status: 410, json: { booking: 'This booking has already been validated' } }),
    ).toMatchObject({ code: 'already_used' });
    // `payment` wins over `booking`: the platform checks reimbursement first.
    expect(
      await lookupError({ status: 403, json: { booking: 'This booking has been cancelled', payment: 'reimbursed' } }),
    ).toMatchObject({ code: 'reimbursed' });
  });
});
