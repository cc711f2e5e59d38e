/**
 * account.test's check against the real sandbox platform over 127.0.0.1, and against small servers answering what
 * the sandbox does not simulate (inactive provider, no venue, not a pass Culture server, silence).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ContractFailure } from '../../../electron/core/contractFailure';
import { PlatformError } from '../../../electron/core/platform/errors';
import {
  checkAccount,
  environmentOfUrl,
  keyEnvironment,
  resolveBaseUrl,
  venueOptions,
  type AccountCheck,
} from '../../../electron/host/accountCheck';
import { INTEGRATION_API_URL, PRODUCTION_API_URL } from '../../../electron/host/config';
import { startSandbox, type Sandbox } from '../../../electron/sandbox';
import { capturedLogger, closedPort, fixedServer } from './helpers';

const HEX64 = 'ab'.repeat(32);
const integrationKey = `integration_0123456789ab_${HEX64}`;
const productionKey = `production_0123456789ab_${HEX64}`;

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(async () => {
  await sandbox?.close();
});

const { logger } = capturedLogger();
function check(overrides: Partial<AccountCheck>) {
  return checkAccount({ environment: 'custom', baseUrl: sandbox.url, apiKey: sandbox.apiKey, logger, ...overrides });
}
async function failure(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ContractFailure || error instanceof PlatformError) {
      return { code: error.code, message: error.message };
    }
    throw error;
  }
  throw new Error('expected a failure');
}

describe('checking a key against the sandbox', () => {
  it('lists the physical venues the key reaches, as Réglages shows them', async () => {
    expect(await check({})).toEqual([
      {
        id: 1,
        name: 'Le Méliès — Cinéma d’art et d’essai',
        offererName: 'Cinémas du Méliès SAS',
        siret: '83265490900015',
        address: '24 rue de la Fontaine-au-Roi, 75011 Paris',
        timeZone: 'Europe/Paris',
      },
    ]);
  });

  it('says the key is refused when it is wrong', async () => {
    expect(await failure(check({ apiKey: `sandbox_0123456789ab_${HEX64}` }))).toEqual({
      code: 'auth_invalid',
      message: 'Clé refusée par pass Culture : vérifiez-la.',
    });
  });

  it('says which environment a refused key seems to belong to', async () => {
    // Production chosen, an integration key: the platform (here the sandbox standing in for it) refuses it.
    const toProduction = await failure(check({ environment: 'production', apiKey: integrationKey }));
    expect(toProduction.code).toBe('auth_invalid');
    expect(toProduction.message).toMatch(/Cette clé semble appartenir à l’environnement d’intégration/i);
    const toIntegration = await failure(check({ environment: 'integration', apiKey: productionKey }));
    expect(toIntegration.message).toMatch(/environnement de production/);
    const staging = await failure(check({ environment: 'production', apiKey: `staging_0123456789ab_${HEX64}` }));
    expect(staging.message).toMatch(/environnement « staging »/);
  });

  it('gives no environment hint when it cannot know: old keys, a matching prefix, a custom URL', async () => {
    const plain = 'Clé refusée par pass Culture : vérifiez-la.';
    expect((await failure(check({ environment: 'production', apiKey: HEX64 }))).message).toBe(plain);
    expect((await failure(check({ environment: 'production', apiKey: productionKey }))).message).toBe(plain);
    expect((await failure(check({ environment: 'custom', apiKey: integrationKey }))).message).toBe(plain);
  });

  it('refuses a key with spaces or line breaks before sending anything', async () => {
    expect(await failure(check({ apiKey: `${sandbox.apiKey}\nX-Other: 1` }))).toMatchObject({
      code: 'auth_invalid',
      message: expect.stringMatching(/caractères invalides/),
    });
  });

  it('says the platform is unreachable when nothing listens', async () => {
    const port = await closedPort();
    expect(await failure(check({ baseUrl: `http://127.0.0.1:${port}` }))).toEqual({
      code: 'platform_unreachable',
      message: 'pass Culture est injoignable : vérifiez la connexion Internet.',
    });
  });
});

describe('what the sandbox does not simulate', () => {
  it('an inactive provider', async () => {
    const server = await fixedServer(403, JSON.stringify({ auth: ['Inactive provider'] }));
    try {
      expect(await failure(check({ baseUrl: server.url }))).toEqual({
        code: 'provider_inactive',
        message: 'Le partenaire technique associé à cette clé est désactivé par pass Culture.',
      });
    } finally {
      await server.close();
    }
  });

  it('a key reaching no physical venue', async () => {
    const digitalOnly = [
      {
        offerer: { id: 3, name: 'Structure', siren: '123456789' },
        venues: [
          {
            id: 9,
            legalName: 'Offre numérique',
            activityDomain: 'DIGITAL',
            createdDatetime: '2024-01-01T00:00:00Z',
            location: { type: 'digital' },
          },
        ],
      },
    ];
    for (const body of [[], digitalOnly]) {
      const server = await fixedServer(200, JSON.stringify(body));
      try {
        expect(await failure(check({ baseUrl: server.url }))).toEqual({
          code: 'no_venue',
          message:
            "Aucun lieu n'est rattaché à cette clé : le lieu doit activer le partenaire technique sur pass Culture Pro.",
        });
      } finally {
        await server.close();
      }
    }
  });

  it('a custom address that is not a pass Culture platform', async () => {
    const server = await fixedServer(404, '<html>Not found</html>', 'text/html');
    try {
      expect(await failure(check({ baseUrl: server.url }))).toMatchObject({
        code: 'invalid_base_url',
        message: expect.stringMatching(/ne répond pas comme une plateforme pass Culture \(réponse 404\)/),
      });
    } finally {
      await server.close();
    }
  });

  it('a platform that does not answer within the short timeout', async () => {
    // A server that accepts and never answers: the sandbox's "hang" outage.
    await fetch(`${sandbox.url}/__sandbox/faults`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ outage: 'hang' }),
    });
    try {
      const started = Date.now();
      expect((await failure(check({ timeoutMs: 300 }))).code).toBe('platform_timeout');
      expect(Date.now() - started).toBeLessThan(3000);
    } finally {
      await fetch(`${sandbox.url}/__sandbox/faults`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ outage: false }),
      });
    }
  });
});

describe('platform addresses', () => {
  it('uses the known URLs for production and integration, whatever is typed', () => {
    expect(resolveBaseUrl('production', 'https://evil.example')).toBe(PRODUCTION_API_URL);
    expect(resolveBaseUrl('integration', undefined)).toBe(INTEGRATION_API_URL);
  });

  it.each([
    ['https://proxy.example.org/', 'https://proxy.example.org'],
    ['https://proxy.example.org/pass-culture/', 'https://proxy.example.org/pass-culture'],
    ['http://127.0.0.1:8080', 'http://127.0.0.1:8080'],
    ['http://localhost:3000/', 'http://localhost:3000'],
  ])('accepts %s as %s', (given, expected) => {
    expect(resolveBaseUrl('custom', given)).toBe(expected);
  });

  it.each([
    undefined,
    'backend.passculture.app',
    'http://backend.passculture.app',
    'http://192.168.1.10:8080',
    'http://127.0.0.1.example.com',
    'ftp://127.0.0.1',
    'https://user:secret@proxy.example.org',
    'https://proxy.example.org/?key=1',
  ])('refuses %s', (given) => {
    expect(() => resolveBaseUrl('custom', given)).toThrow(
      expect.objectContaining({ code: 'invalid_base_url', message: expect.stringMatching(/^Adresse invalide/) }),
    );
  });

  it('names the environment of a configured URL', () => {
    expect(environmentOfUrl(`${PRODUCTION_API_URL}/`)).toBe('production');
    expect(environmentOfUrl(INTEGRATION_API_URL)).toBe('integration');
    expect(environmentOfUrl('http://127.0.0.1:9')).toBe('custom');
  });

  it('reads the environment from keys of the documented shape only', () => {
    expect(keyEnvironment(productionKey)).toBe('production');
    expect(keyEnvironment(`prod_0123456789ab_${HEX64}`)).toBe('production');
    expect(keyEnvironment(integrationKey)).toBe('integration');
    expect(keyEnvironment(HEX64)).toBeNull();
    expect(keyEnvironment(`integration_xyz_${HEX64}`)).toBeNull();
    expect(keyEnvironment('integration_0123456789ab_short')).toBeNull();
  });
});

describe('venue options', () => {
  it('covers every offerer, skips digital venues, words addresses and finds overseas time zones', () => {
    const venue = (id: number, location: object, publicName: string | null = null) => ({
      id,
      legalName: `Lieu ${id}`,
      publicName,
      siret: null,
      activityDomain: 'MOVIE',
      createdDatetime: '2024-01-01T00:00:00Z',
      location,
    });
    const options = venueOptions([
      {
        offerer: { id: 1, name: 'A', siren: '1' },
        venues: [
          venue(1, { type: 'physical', address: '1 rue du Port', postalCode: '97400', city: 'Saint-Denis' }, 'Ciné'),
          venue(2, { type: 'digital' }),
        ],
      },
      {
        offerer: { id: 2, name: 'B', siren: '2' },
        venues: [venue(3, { address: null, postalCode: null, city: null }, '')],
      },
    ]);
    expect(options).toEqual([
      {
        id: 1,
        name: 'Ciné',
        offererName: 'A',
        siret: null,
        address: '1 rue du Port, 97400 Saint-Denis',
        timeZone: 'Indian/Reunion',
      },
      { id: 3, name: 'Lieu 3', offererName: 'B', siret: null, address: null, timeZone: 'Europe/Paris' },
    ]);
  });
});
